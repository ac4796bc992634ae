import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { rememberedStatement, REMEMBERED_KEY_LENGTH, REMEMBERED_STATEMENTS } from '../../server/src/aggregate/statements.js';
import { cityId } from '../helpers/fixtures.js';
import { createUser } from '../helpers/users.js';
import { buildDataset, clockAfterRegistration, counted, facts, PLANS, PROGRAMS, SCHOOLS, sum, type Built, type Fact } from './analytics-dataset.js';

let t: TestApp;
let built: Built;

beforeAll(async () => {
  t = await createTestApp({ clock: clockAfterRegistration() });
  built = await buildDataset(t);
});
afterAll(async () => {
  await t.close();
});

/** Facts grouped by a key, summed and counted: the expectation, computed without the API. */
function groupFacts(rows: Fact[], keyOf: (f: Fact) => string): Map<string, { rows: number; students: number; min: number; max: number }> {
  const groups = new Map<string, { rows: number; students: number; min: number; max: number }>();
  for (const f of rows) {
    const g = groups.get(keyOf(f)) ?? { rows: 0, students: 0, min: Infinity, max: -Infinity };
    groups.set(keyOf(f), { rows: g.rows + 1, students: g.students + f.count, min: Math.min(g.min, f.count), max: Math.max(g.max, f.count) });
  }
  return groups;
}

const COUNTED = { plan: { program: { studyMode: { ne: 'SKILLS_TRAINING' } } } };

describe('aggregateIntakes', () => {
  test('by city and year: one group per pair, with count, sum, avg, min and max; city keys resolve to the City', async () => {
    const { aggregateIntakes } = await t.ok(
      `query($where: IntakeWhere) {
      aggregateIntakes(where: $where, groupBy: [PLAN_SCHOOL_CITY, PLAN_YEAR]) {
        key { planSchoolCity { code nameZh } planYear }
        count sum { count } avg { count } min { count } max { count }
      }
    }`,
      { where: COUNTED },
    );
    const expected = groupFacts(facts().filter(counted), (f) => `${f.cityCode} ${f.year}`);
    expect(aggregateIntakes.length).toBe(expected.size);
    for (const group of aggregateIntakes) {
      const e = expected.get(`${group.key.planSchoolCity.code} ${group.key.planYear}`)!;
      expect(group).toMatchObject({ count: e.rows, sum: { count: e.students }, min: { count: e.min }, max: { count: e.max } });
      expect(group.avg.count).toBeCloseTo(e.students / e.rows, 6);
      expect(group.key.planSchoolCity.nameZh).toBeTruthy();
    }
  });

  test('no groupBy: one group of every row; a filter with no rows gives a zero count', async () => {
    const data = await t.ok(`{
      all: aggregateIntakes { key { planYear } count sum { count } }
      none: aggregateIntakes(where: { count: { gt: 100000 } }) { count sum { count } }
    }`);
    expect(data.all).toEqual([{ key: { planYear: null }, count: facts().length, sum: { count: sum(facts()) } }]);
    expect(data.none).toEqual([{ count: 0, sum: { count: null } }]);
  });

  test('having, ordering by a measure and limit', async () => {
    const { aggregateIntakes } = await t.ok(`{
      aggregateIntakes(groupBy: [TARGET_GROUP], having: { sum: { count: { gte: 20 } } }, orderBy: [{ field: SUM_COUNT, direction: DESC }], limit: 2) {
        key { targetGroup } sum { count }
      }
    }`);
    const expected = [...groupFacts(facts(), (f) => f.targetGroup)]
      .filter(([, g]) => g.students >= 20)
      .sort((a, b) => b[1].students - a[1].students)
      .slice(0, 2)
      .map(([targetGroup, g]) => ({ key: { targetGroup }, sum: { count: g.students } }));
    expect(aggregateIntakes).toEqual(expected);
  });

  test('dates, booleans and enums as keys, through three references', async () => {
    const { aggregateIntakes } = await t.ok(`{
      aggregateIntakes(groupBy: [REGISTERED_ON, PLAN_SCHOOL_PROVINCIAL, PLAN_PROGRAM_LEVEL], orderBy: [{ field: REGISTERED_ON }]) {
        key { registeredOn planSchoolProvincial planProgramLevel } count
      }
    }`);
    const expected = [...groupFacts(facts(), (f) => `${f.registeredOn}|${SCHOOLS[f.school].provincial}|${f.level}`)]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, g]) => {
        const [registeredOn, provincial, level] = key.split('|');
        return { key: { registeredOn, planSchoolProvincial: provincial === 'true', planProgramLevel: level }, count: g.rows };
      });
    expect(aggregateIntakes).toEqual(expected);
  });

  test('agrees with the fixed reports: campaignProgress, levelMix and cityRanking', async () => {
    const data = await t.ok(
      `query($where: IntakeWhere) {
      campaignProgress(year: 2025) { rows { cityCode enrolled } }
      levelMix(year: 2025) { cityCode schoolId enrolled intermediate advanced preparatoryTechnician }
      cityRanking(year: 2025) { cityCode enrolled }
      byCity: aggregateIntakes(where: $where, groupBy: [PLAN_SCHOOL_CITY_CODE]) { key { planSchoolCityCode } sum { count } }
      byCityLevel: aggregateIntakes(where: $where, groupBy: [PLAN_SCHOOL_CITY_CODE, PLAN_PROGRAM_LEVEL]) { key { planSchoolCityCode planProgramLevel } sum { count } }
    }`,
      { where: { and: [COUNTED, { plan: { year: { eq: 2025 } } }] } },
    );
    const enrolled = new Map<string, number>(data.byCity.map((g: any) => [g.key.planSchoolCityCode, g.sum.count]));
    for (const row of data.campaignProgress.rows.filter((r: any) => r.cityCode !== '330000')) expect(row.enrolled).toBe(enrolled.get(row.cityCode) ?? 0);
    for (const row of data.cityRanking) expect(row.enrolled).toBe(enrolled.get(row.cityCode) ?? 0);
    const level = (code: string, name: string) =>
      data.byCityLevel.find((g: any) => g.key.planSchoolCityCode === code && g.key.planProgramLevel === name)?.sum.count ?? 0;
    for (const row of data.levelMix.filter((r: any) => r.cityCode !== '330000' && !r.schoolId)) {
      expect(row.intermediate).toBe(level(row.cityCode, 'INTERMEDIATE'));
      expect(row.advanced).toBe(level(row.cityCode, 'ADVANCED'));
      expect(row.preparatoryTechnician).toBe(level(row.cityCode, 'PREPARATORY_TECHNICIAN'));
    }
  });
});

describe('aggregateEnrollmentPlans', () => {
  test('seats by level: sum, avg, min, max against the data set', async () => {
    const { aggregateEnrollmentPlans } = await t.ok(`{
      aggregateEnrollmentPlans(where: { school: { name: { startsWith: "分析测试" } } }, groupBy: [PROGRAM_LEVEL], orderBy: [{ field: ROWS, direction: DESC }]) {
        key { programLevel } count sum { seats } avg { seats } min { seats } max { seats }
      }
    }`);
    const byLevel = new Map<string, number[]>();
    for (const plan of Object.values(PLANS)) {
      const level = PROGRAMS[plan.program].level;
      byLevel.set(level, [...(byLevel.get(level) ?? []), plan.seats]);
    }
    const expected = [...byLevel]
      .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
      .map(([programLevel, seats]) => ({
        key: { programLevel },
        count: seats.length,
        sum: { seats: seats.reduce((a, b) => a + b, 0) },
        avg: { seats: seats.reduce((a, b) => a + b, 0) / seats.length },
        min: { seats: Math.min(...seats) },
        max: { seats: Math.max(...seats) },
      }));
    expect(aggregateEnrollmentPlans).toEqual(expected);
  });
});

describe('scope of aggregates per role', () => {
  test("a city admin's and a school's groups cover only their own rows", async () => {
    const hangzhou = await cityId(t, '330100');
    const cityAdmin = await t.as(await createUser(t, { username: 'agg-city', role: 'CITY_ADMIN', cityId: hangzhou }));
    const staff = await t.as(await createUser(t, { username: 'agg-school', role: 'SCHOOL_STAFF', schoolId: built.schoolIds.B }));
    const QUERY = `{ aggregateIntakes(groupBy: [PLAN_SCHOOL_CITY_CODE]) { key { planSchoolCityCode } count sum { count } } }`;
    const own = (rows: Fact[]) =>
      [...groupFacts(rows, (f) => f.cityCode)].map(([code, g]) => ({ key: { planSchoolCityCode: code }, count: g.rows, sum: { count: g.students } }));
    // Rows of other test data in the template may stand in Hangzhou too: compare with the city admin's own list.
    const listed = (await cityAdmin.ok(`{ allIntakes(perPage: 10000) { count plan { school { city { code } } } } }`)).allIntakes;
    expect(listed.every((i: any) => i.plan.school.city.code === '330100')).toBe(true);
    expect((await cityAdmin.ok(QUERY)).aggregateIntakes).toEqual([
      { key: { planSchoolCityCode: '330100' }, count: listed.length, sum: { count: listed.reduce((a: number, i: any) => a + i.count, 0) } },
    ]);
    expect((await staff.ok(QUERY)).aggregateIntakes).toEqual(own(facts().filter((f) => f.school === 'B')));
  });

  test('grouping a resource the reader may not read is refused; one it reads only its own row of counts that row', async () => {
    const hangzhou = await cityId(t, '330100');
    const analyst = await t.as(await createUser(t, { username: 'agg-analyst-2', role: 'ANALYST' }));
    const refused = await analyst.gql(`{ aggregateAuditEntries(groupBy: [ACTION]) { count } }`);
    expect(refused.errors![0]!.extensions.code).toBe('FORBIDDEN');
    // every role reads its own account (the User resource's self place), and no other
    const cityAdmin = await t.as(await createUser(t, { username: 'agg-city-2', role: 'CITY_ADMIN', cityId: hangzhou }));
    expect((await cityAdmin.ok(`{ aggregateUsers(groupBy: [ROLE]) { count key { role } } }`)).aggregateUsers).toEqual([
      { count: 1, key: { role: 'CITY_ADMIN' } },
    ]);
  });
});

describe('statements remembered per question', () => {
  test('one question asked in turn by readers of different scopes answers each in its own scope, and with each value', async () => {
    const [hangzhou, ningbo] = [await cityId(t, '330100'), await cityId(t, '330200')];
    const inHangzhou = await t.as(await createUser(t, { username: 'agg-again-hz', role: 'CITY_ADMIN', cityId: hangzhou }));
    const inNingbo = await t.as(await createUser(t, { username: 'agg-again-nb', role: 'CITY_ADMIN', cityId: ningbo }));
    const QUERY = `query($year: Int) { aggregateIntakes(where: { plan: { year: { eq: $year } } }, groupBy: [PLAN_SCHOOL_CITY_CODE]) { key { planSchoolCityCode } count } }`;
    const codes = async (client: { ok: TestApp['ok'] }, year: number) =>
      ((await client.ok(QUERY, { year })).aggregateIntakes as Array<{ key: { planSchoolCityCode: string } }>).map((g) => g.key.planSchoolCityCode);
    const years = [...new Set(facts().map((f) => f.year))];
    for (const year of [...years, ...years]) {
      const everywhere = await codes(t, year);
      expect(everywhere).toEqual(
        expect.arrayContaining([
          ...new Set(
            facts()
              .filter((f) => f.year === year)
              .map((f) => f.cityCode),
          ),
        ]),
      );
      expect(await codes(inHangzhou, year)).toEqual(everywhere.filter((code) => code === '330100'));
      expect(await codes(inNingbo, year)).toEqual(everywhere.filter((code) => code === '330200'));
    }
    // Every role reads only its own account: the same question names each asker alone.
    const USERS = `{ aggregateUsers(groupBy: [USERNAME]) { key { username } count } }`;
    expect((await inHangzhou.ok(USERS)).aggregateUsers).toEqual([{ key: { username: 'agg-again-hz' }, count: 1 }]);
    expect((await inNingbo.ok(USERS)).aggregateUsers).toEqual([{ key: { username: 'agg-again-nb' }, count: 1 }]);
  });

  test('a question the province admin may ask stays refused to an analyst, and a refused shape is refused every time', async () => {
    const QUERY = `{ aggregateAuditEntries(groupBy: [ACTION]) { count } }`;
    expect((await t.ok(QUERY)).aggregateAuditEntries.length).toBeGreaterThan(0);
    const analyst = await t.as(await createUser(t, { username: 'agg-again-analyst', role: 'ANALYST' }));
    for (let i = 0; i < 2; i++) {
      expect((await analyst.gql(QUERY)).errors![0]!.extensions.code).toBe('FORBIDDEN');
      const bad = await t.gql(`{ aggregateIntakes(having: { count: { gt: 1, lt: 5 } }) { count } }`);
      expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'having.count' });
    }
  });

  test('at most REMEMBERED_STATEMENTS are kept, the least recently asked compiled again, and no key longer than REMEMBERED_KEY_LENGTH', () => {
    const compiled: string[] = [];
    const remember = (key: string) =>
      rememberedStatement(t.orm.em, `test:${key}`, () => {
        compiled.push(key);
        return { sql: `select ${compiled.length}`, bindings: [], keys: [], measures: [] };
      });
    const first = remember('0');
    for (let i = 1; i < REMEMBERED_STATEMENTS; i++) remember(String(i));
    expect(remember('0')).toBe(first);
    expect(compiled).toHaveLength(REMEMBERED_STATEMENTS);
    remember('one more');
    remember('0');
    remember('1');
    expect(compiled.slice(REMEMBERED_STATEMENTS)).toEqual(['one more', '1']);
    const long = 'x'.repeat(REMEMBERED_KEY_LENGTH);
    expect(remember(long)).not.toBe(remember(long));
    expect(remember('one more')).toBe(remember('one more'));
  });
});

describe('hostile aggregates', () => {
  test('too many keys, too many groups, unknown sort, two operators: typed errors naming the argument', async () => {
    const cases: Array<[string, string]> = [
      ['aggregateIntakes(groupBy: [PLAN, PLAN_YEAR, PLAN_SEASON, TARGET_GROUP, ORIGIN_CODE, REGISTERED_ON, PLAN_SCHOOL])', 'groupBy'],
      ['aggregateIntakes(groupBy: [PLAN, PLAN])', 'groupBy'],
      ['aggregateIntakes(limit: 20000)', 'limit'],
      ['aggregateIntakes(groupBy: [PLAN_YEAR], orderBy: [{ field: TARGET_GROUP }])', 'orderBy[0].field'],
      ['aggregateIntakes(having: { count: { gt: 1, lt: 5 } })', 'having.count'],
      ['aggregateIntakes(where: { plan: { year: { between: [2025] } } })', 'where.plan.year'],
    ];
    for (const [call, field] of cases) {
      const result = await t.gql(`{ ${call} { count } }`);
      expect(result.errors?.[0]?.extensions, call).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  test('the cost model prices the groups asked for', async () => {
    const result = await t.gql(
      `{ ${Array.from({ length: 120 }, (_, i) => `a${i}: aggregateIntakes(limit: 10000) { key { planSchoolCity { code } } count }`).join(' ')} }`,
    );
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'COST' });
  });
});
