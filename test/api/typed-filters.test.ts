import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildDataset, clockAfterRegistration, facts, SCHOOLS, type Fact } from './analytics-dataset.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ clock: clockAfterRegistration() });
  await buildDataset(t);
});
afterAll(async () => {
  await t.close();
});

/** An intake as the list returns it and as the data set describes it, comparable either way. */
const signature = (i: { count: number; originCode: string; registeredOn: string }) => `${i.registeredOn} ${i.originCode} ${i.count}`;
const expectRows = (rows: Array<{ count: number; originCode: string; registeredOn: string }>, expected: Fact[]) =>
  expect(rows.map(signature).sort()).toEqual(expected.map(signature).sort());

const INTAKES = `query($where: IntakeWhere, $orderBy: [IntakeOrderBy!]) {
  allIntakes(where: $where, orderBy: $orderBy, perPage: 1000) { count originCode registeredOn }
}`;
const intakes = async (where: unknown, orderBy?: unknown) => (await t.ok(INTAKES, { where, orderBy })).allIntakes;

describe('operators on both databases', () => {
  test('numbers: eq, ne, in, notIn, lt, lte, gt, gte, between', async () => {
    const cases: Array<[unknown, (f: Fact) => boolean]> = [
      [{ count: { eq: 30 } }, (f) => f.count === 30],
      [{ count: { ne: 30 } }, (f) => f.count !== 30],
      [{ count: { in: [5, 6, 8] } }, (f) => [5, 6, 8].includes(f.count)],
      [{ count: { notIn: [5, 6, 8] } }, (f) => ![5, 6, 8].includes(f.count)],
      [{ count: { lt: 10 } }, (f) => f.count < 10],
      [{ count: { lte: 10 } }, (f) => f.count <= 10],
      [{ count: { gt: 30 } }, (f) => f.count > 30],
      [{ count: { gte: 30 } }, (f) => f.count >= 30],
      [{ count: { between: [8, 14] } }, (f) => f.count >= 8 && f.count <= 14],
      [{ registeredOn: { between: ['2025-09-01', '2025-09-04'] } }, (f) => f.registeredOn >= '2025-09-01' && f.registeredOn <= '2025-09-04'],
      [{ registeredOn: { lt: '2025-01-01' } }, (f) => f.registeredOn < '2025-01-01'],
    ];
    for (const [where, predicate] of cases) expectRows(await intakes(where), facts().filter(predicate));
  });

  test('text and enums: contains, startsWith, in, ne', async () => {
    const cases: Array<[unknown, (f: Fact) => boolean]> = [
      [{ originCode: { startsWith: '33' } }, (f) => f.originCode.startsWith('33')],
      [{ originCode: { contains: '20' } }, (f) => f.originCode.includes('20')],
      [{ originCode: { in: ['510000', '520000'] } }, (f) => ['510000', '520000'].includes(f.originCode)],
      [{ targetGroup: { ne: 'JUNIOR_HIGH_GRADUATE' } }, (f) => f.targetGroup !== 'JUNIOR_HIGH_GRADUATE'],
      [{ targetGroup: { notIn: ['UNEMPLOYED', 'ENTERPRISE_EMPLOYEE'] } }, (f) => !['UNEMPLOYED', 'ENTERPRISE_EMPLOYEE'].includes(f.targetGroup)],
    ];
    for (const [where, predicate] of cases) expectRows(await intakes(where), facts().filter(predicate));
  });

  test('and, or, not', async () => {
    expectRows(
      await intakes({ or: [{ count: { lt: 7 } }, { count: { gt: 50 } }] }),
      facts().filter((f) => f.count < 7 || f.count > 50),
    );
    expectRows(
      await intakes({ and: [{ count: { gt: 7 } }, { count: { lt: 30 } }] }),
      facts().filter((f) => f.count > 7 && f.count < 30),
    );
    expectRows(
      await intakes({ not: { originCode: { startsWith: '33' } } }),
      facts().filter((f) => !f.originCode.startsWith('33')),
    );
    expectRows(
      await intakes({ not: { or: [{ targetGroup: { eq: 'UNEMPLOYED' } }, { and: [{ count: { gte: 10 } }, { originCode: { eq: '330100' } }] }] } }),
      facts().filter((f) => !(f.targetGroup === 'UNEMPLOYED' || (f.count >= 10 && f.originCode === '330100'))),
    );
  });

  test('through references: plan.school.city.code in [...] and plan.program.studyMode ne SKILLS_TRAINING', async () => {
    const where = {
      plan: { school: { city: { code: { in: ['330100', '330300'] } } }, program: { studyMode: { ne: 'SKILLS_TRAINING' } } },
    };
    expectRows(
      await intakes(where),
      facts().filter((f) => ['330100', '330300'].includes(f.cityCode) && f.studyMode !== 'SKILLS_TRAINING'),
    );
    expectRows(
      await intakes({ plan: { year: { eq: 2025 }, school: { provincial: { eq: true } } } }),
      facts().filter((f) => f.year === 2025 && SCHOOLS[f.school].provincial),
    );
    expectRows(
      await intakes({ or: [{ plan: { program: { level: { eq: 'ADVANCED' } } } }, { plan: { school: { city: { code: { eq: '330200' } } } } }] }),
      facts().filter((f) => f.level === 'ADVANCED' || f.cityCode === '330200'),
    );
  });

  test('isNull on a nullable column; the same conditions count in _allIntakesMeta', async () => {
    const data = await t.ok(`{
      withOwnership: _allSchoolsMeta(where: { ownership: { isNull: false } }) { count }
      withoutOwnership: _allSchoolsMeta(where: { ownership: { isNull: true } }) { count }
      all: _allSchoolsMeta { count }
      meta: _allIntakesMeta(where: { plan: { year: { eq: 2025 } } }) { count }
    }`);
    expect(data.withOwnership.count + data.withoutOwnership.count).toBe(data.all.count);
    expect(data.meta.count).toBe(facts().filter((f) => f.year === 2025).length);
  });

  test('the typed filter and react-admin filter together: both must hold', async () => {
    const data = await t.ok(`{ allIntakes(filter: { year: 2025 }, where: { count: { gte: 30 } }) { count originCode registeredOn } }`);
    expectRows(
      data.allIntakes,
      facts().filter((f) => f.year === 2025 && f.count >= 30),
    );
  });
});

describe('sorting by several fields and by references', () => {
  test('by city code descending, then count ascending', async () => {
    const rows = await t.ok(`{
      allIntakes(orderBy: [{ plan: { school: { city: { code: DESC } } } }, { count: ASC }], perPage: 100) { count plan { school { city { code } } } }
    }`);
    const expected = facts()
      .sort((a, b) => b.cityCode.localeCompare(a.cityCode) || a.count - b.count)
      .map((f) => [f.cityCode, f.count]);
    expect(rows.allIntakes.map((r: any) => [r.plan.school.city.code, r.count])).toEqual(expected);
  });

  test('nulls last going up and first going down on both databases', async () => {
    const data = await t.ok(`{
      up: allSchools(orderBy: [{ ownership: ASC }], perPage: 1000) { ownership }
      down: allSchools(orderBy: [{ ownership: DESC }], perPage: 1000) { ownership }
    }`);
    const up = data.up.map((s: any) => s.ownership);
    const firstNull = up.indexOf(null);
    if (firstNull >= 0) expect(up.slice(firstNull).every((v: unknown) => v === null)).toBe(true);
    const down = data.down.map((s: any) => s.ownership);
    const firstValue = down.findIndex((v: unknown) => v !== null);
    if (firstValue >= 0) expect(down.slice(firstValue).every((v: unknown) => v !== null)).toBe(true);
    expect(up.length).toBe(down.length);
  });
});

describe('cursor pages', () => {
  const PAGE = `query($first: Int, $after: String) {
    allIntakesConnection(first: $first, after: $after, orderBy: [{ registeredOn: DESC }], where: { plan: { year: { eq: 2025 } } }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id registeredOn } }
      nodes { id }
    }
  }`;

  test('pages walk every row once in order, even with rows inserted between pages', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 20; page++) {
      const { allIntakesConnection: c }: Record<string, any> = await t.ok(PAGE, { first: 3, after });
      total = c.totalCount;
      expect(c.nodes.map((n: any) => n.id)).toEqual(c.edges.map((e: any) => e.node.id));
      seen.push(...c.edges.map((e: any) => `${e.node.registeredOn}#${e.node.id}`));
      if (page === 0) {
        // A new intake that sorts before the cursor must not shift the later pages.
        const plan = (await t.ok(`{ allEnrollmentPlans(where: { year: { eq: 2025 }, season: { eq: AUTUMN } }, perPage: 1) { id } }`)).allEnrollmentPlans[0].id;
        await t.ok(
          `mutation($plan: ID!) { createIntake(planId: $plan, count: 1, targetGroup: UNEMPLOYED, originCode: "330100", registeredOn: "2025-10-01") { id } }`,
          { plan },
        );
      }
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    const expected = facts().filter((f) => f.year === 2025).length;
    expect(seen.length).toBe(expected);
    expect(new Set(seen).size).toBe(seen.length);
    const dates = seen.map((s) => s.split('#')[0]!);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(total).toBe(expected + 1);
  });

  test('a forged cursor and a huge page are refused by name; a reference path is an order like any other', async () => {
    const forged = await t.gql(`{ allIntakesConnection(after: "bm90LWEtY3Vyc29y") { totalCount } }`);
    expect(forged.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const far = await t.ok(`{ allIntakesConnection(orderBy: [{ plan: { year: ASC } }]) { totalCount } _allIntakesMeta { count } }`);
    expect(far.allIntakesConnection.totalCount).toBe(far._allIntakesMeta.count);
    const big = await t.gql(`{ allIntakesConnection(first: 100000) { totalCount } }`);
    expect(big.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});

describe('hostile filters', () => {
  test('two operators in one object, empty or, sortField with orderBy: typed errors naming the path', async () => {
    const two = await t.gql(`{ allIntakes(where: { plan: { year: { gt: 2020, lt: 2030 } } }) { id } }`);
    expect(two.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'where.plan.year' });
    const empty = await t.gql(`{ allIntakes(where: { or: [] }) { id } }`);
    expect(empty.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'where.or' });
    const both = await t.gql(`{ allIntakes(sortField: "count", orderBy: [{ count: ASC }]) { id } }`);
    expect(both.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'orderBy' });
    const unknown = await t.gql(`{ allIntakes(where: { plan: { nope: { eq: 1 } } }) { id } }`);
    expect(unknown.errors![0]!.message).toMatch(/nope/);
    const badId = await t.gql(`{ allIntakes(where: { planId: { in: ["x"] } }) { id } }`);
    expect(badId.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'where.planId' });
  });

  test('deep nesting, many terms and huge lists are refused before any SQL runs', async () => {
    let deep: Record<string, unknown> = { count: { eq: 1 } };
    // deeper than the filter's 8 levels, within the request body's 64 (200 are refused before parsing: test/hostile)
    for (let i = 0; i < 50; i++) deep = { not: deep };
    const nested = await t.gql(INTAKES, { where: deep });
    expect(nested.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(nested.errors![0]!.message).toMatch(/levels/);
    const many = await t.gql(INTAKES, { where: { or: Array.from({ length: 5000 }, (_, i) => ({ count: { eq: i } })) } });
    expect(many.errors![0]!.message).toMatch(/conditions/);
    const huge = await t.gql(INTAKES, { where: { count: { in: Array.from({ length: 100000 }, (_, i) => i) } } });
    expect(huge.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'where.count' });
    const sorts = await t.gql(INTAKES, { orderBy: Array.from({ length: 50 }, () => ({ count: 'ASC' })) });
    expect(sorts.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'orderBy' });
    // The server still answers.
    expect((await t.ok(`{ _allIntakesMeta { count } }`))._allIntakesMeta.count).toBe(facts().length + 1);
  });
});
