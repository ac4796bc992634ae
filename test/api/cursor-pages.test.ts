import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seed } from '../../server/src/seeders/index.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createProgram, createSchool } from '../helpers/fixtures.js';

/**
 * Cursor pages in every order the lists accept, through references too, over the demo province: all
 * pages together are the offset list in its order (nulls along a path where the offset list puts
 * them), and rows inserted between pages never make another row repeat or go missing.
 */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seed(t.orm, { demo: true });
}, 600000);
afterAll(async () => {
  await t?.close();
});

interface Order {
  plural: string;
  where: string;
  orderBy: string;
}

interface Page {
  edges: Array<{ cursor: string; node: { id: string } }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const pageOf = async ({ plural, where, orderBy }: Order, first: number, after: string | null): Promise<Page> =>
  (
    await t.ok(
      `query($after: String) { page: all${plural}Connection(where: ${where}, orderBy: ${orderBy}, first: ${first}, after: $after) {
        edges { cursor node { id } } pageInfo { hasNextPage endCursor }
      } }`,
      { after },
    )
  ).page;

/** The ids of every page in turn; `between` runs after each page but the last. */
async function walk(order: Order, first: number, between?: (page: Page) => Promise<void>): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await pageOf(order, first, after);
    expect(page.edges.length).toBeLessThanOrEqual(first);
    expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
    ids.push(...page.edges.map((e) => e.node.id));
    if (!page.pageInfo.hasNextPage) return ids;
    await between?.(page);
    after = page.pageInfo.endCursor;
  }
}

const offsetList = async ({ plural, where, orderBy }: Order): Promise<string[]> =>
  (await t.ok(`{ rows: all${plural}(where: ${where}, orderBy: ${orderBy}, perPage: 10000) { id } }`)).rows.map((r: { id: string }) => r.id);

const ORDERS: Order[] = [
  // three references, ties broken by the id
  { plural: 'Intakes', where: '{ plan: { year: { eq: 2025 } } }', orderBy: '[{ plan: { school: { city: { code: ASC } } } }, { id: ASC }]' },
  { plural: 'Intakes', where: '{ plan: { year: { eq: 2025 } } }', orderBy: '[{ plan: { school: { city: { code: DESC } } } }, { count: ASC }]' },
  // a nullable column at the end of a path, both ways, then an own column
  { plural: 'Intakes', where: '{ plan: { year: { eq: 2024 } } }', orderBy: '[{ plan: { school: { ownership: DESC } } }, { registeredOn: ASC }]' },
  { plural: 'Intakes', where: '{ plan: { year: { eq: 2024 } } }', orderBy: '[{ plan: { school: { ownership: ASC } } }, { id: DESC }]' },
  // a boolean and a date, own and along a path, as both databases hand them over
  { plural: 'Schools', where: '{}', orderBy: '[{ provincial: DESC }, { city: { code: ASC } }]' },
  {
    plural: 'Intakes',
    where: '{ plan: { year: { eq: 2025 } } }',
    orderBy: '[{ plan: { school: { provincial: ASC } } }, { plan: { program: { filedOn: DESC } } }]',
  },
  // a nullable reference: cases about a city alone have no school
  { plural: 'DisciplineCases', where: '{}', orderBy: '[{ school: { name: ASC } }]' },
  { plural: 'DisciplineCases', where: '{}', orderBy: '[{ school: { name: DESC } }, { reportedOn: DESC }]' },
  { plural: 'DisciplineCases', where: '{}', orderBy: '[{ school: { city: { code: ASC } } }, { city: { code: DESC } }]' },
  // a reference's id, and a path through a nullable reference three hops long
  { plural: 'Programs', where: '{}', orderBy: '[{ school: { cityId: DESC } }, { major: { code: ASC } }]' },
  { plural: 'Students', where: '{ registeredOn: { gte: "2025-01-01" } }', orderBy: '[{ orderClass: { partnership: { company: { name: ASC } } } }]' },
];

describe('every page in turn is the offset list', () => {
  test.each(ORDERS.map((o) => [`${o.plural} ${o.orderBy}`, o] as const))('%s', async (_, order) => {
    const expected = await offsetList(order);
    expect(expected.length, 'rows to page through').toBeGreaterThan(10);
    const first = Math.max(3, Math.ceil(expected.length / 7));
    expect(await walk(order, first)).toEqual(expected);
    // any edge's cursor, not only the last, continues right after its row
    const page = await pageOf(order, first, null);
    const middle = Math.floor(first / 2);
    const next = await pageOf(order, 5, page.edges[middle]!.cursor);
    expect(next.edges.map((e) => e.node.id)).toEqual(expected.slice(middle + 1, middle + 6));
  });

  test('nulls of a path come where the offset list puts them: last going up, first going down', async () => {
    const schoolOf = async (orderBy: string) =>
      (await t.ok(`{ page: allDisciplineCasesConnection(orderBy: ${orderBy}, first: 1000) { nodes { schoolId } } }`)).page.nodes.map(
        (n: { schoolId: string | null }) => n.schoolId,
      );
    const up = await schoolOf('[{ school: { name: ASC } }]');
    const down = await schoolOf('[{ school: { name: DESC } }]');
    const nulls = up.filter((s: string | null) => s === null).length;
    expect(nulls, 'cases without a school in the demo').toBeGreaterThan(0);
    expect(up.slice(up.length - nulls).every((s: string | null) => s === null)).toBe(true);
    expect(down.slice(0, nulls).every((s: string | null) => s === null)).toBe(true);
  });
});

describe('rows inserted between pages', () => {
  /** Walks `order`, inserting after each page; no id twice, every row there from start to end seen, in the final list's order. */
  async function walkWhileInserting(order: Order, insert: (page: Page) => Promise<{ before: string[]; after: string[] }>) {
    const initial = await offsetList(order);
    const inserted = { before: [] as string[], after: [] as string[] };
    const seen = await walk(order, Math.ceil(initial.length / 5), async (page) => {
      const made = await insert(page);
      inserted.before.push(...made.before);
      inserted.after.push(...made.after);
    });
    expect(inserted.before.length * inserted.after.length, 'rows inserted on both sides of a cursor').toBeGreaterThan(0);
    expect(new Set(seen).size, 'no row twice').toBe(seen.length);
    expect(
      initial.filter((id) => !seen.includes(id)),
      'no row skipped',
    ).toEqual([]);
    for (const id of inserted.before) expect(seen, `inserted before the cursor: ${id}`).not.toContain(id);
    for (const id of inserted.after) expect(seen, `inserted after the cursor: ${id}`).toContain(id);
    const final = await offsetList(order);
    expect(seen).toEqual(final.filter((id) => seen.includes(id)));
  }

  test('programs by their school’s city code, then id: new rows in an earlier, the same and a later city', async () => {
    const order: Order = { plural: 'Programs', where: '{}', orderBy: '[{ school: { city: { code: ASC } } }, { id: ASC }]' };
    let n = 0;
    await walkWhileInserting(order, async (page) => {
      const last = page.edges.at(-1)!.node.id;
      const { Program: cursorRow } = await t.ok(`query($id: ID!) { Program(id: $id) { school { city { code } } } }`, { id: last });
      const here = cursorRow.school.city.code as string;
      const program = async (cityCode: string) =>
        createProgram(t, { schoolId: await createSchool(t, { name: `游标测试学校${++n}`, cityCode }), majorCode: '0101' });
      // a larger id in the cursor's own city sorts after it; the first city sorts before it unless it is the cursor's
      const same = await program(here);
      const first = here === '330100' ? [] : [await program('330100')];
      const lastCity = await program('331100');
      return { before: first, after: [same, lastCity] };
    });
  });

  test('cases by school name (nulls last), then id: new cases with and without a school', async () => {
    const order: Order = { plural: 'DisciplineCases', where: '{}', orderBy: '[{ school: { name: ASC } }]' };
    const { schools } = await t.ok(`{ schools: allSchools(orderBy: [{ name: ASC }], perPage: 1000) { id name cityId } }`);
    const report = async (input: { schoolId?: string; cityId?: string }) =>
      (
        await t.ok(
          `mutation($schoolId: ID, $cityId: ID) { c: createDisciplineCase(schoolId: $schoolId, cityId: $cityId, kind: OTHER, source: COMPLAINT, reportedOn: "2026-05-01", summary: "游标测试") { id } }`,
          input,
        )
      ).c.id as string;
    await walkWhileInserting(order, async (page) => {
      const last = page.edges.at(-1)!.node.id;
      const { DisciplineCase: cursorRow } = await t.ok(`query($id: ID!) { DisciplineCase(id: $id) { schoolId school { name } } }`, { id: last });
      const made = { before: [] as string[], after: [] as string[] };
      // without a school: last of all, so always still to come
      made.after.push(await report({ cityId: schools[0].cityId }));
      if (cursorRow.schoolId === null) return made;
      made.after.push(await report({ schoolId: cursorRow.schoolId }));
      // a school before the cursor's in the database's own order of names (collations differ)
      const at = schools.findIndex((s: { id: string }) => s.id === cursorRow.schoolId);
      const earlier = schools.slice(0, at).find((s: { name: string }) => s.name !== cursorRow.school.name);
      if (earlier) made.before.push(await report({ schoolId: earlier.id }));
      return made;
    });
  });
});
