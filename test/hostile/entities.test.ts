import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createCampus, type Campus } from '../federation/support/campus.js';
import { createUser } from '../helpers/users.js';

let t: TestApp;
let campus: Campus;
const rejections: unknown[] = [];
const recordRejection = (reason: unknown) => void rejections.push(reason);

beforeAll(async () => {
  process.on('unhandledRejection', recordRejection);
  t = await createTestApp();
  campus = await createCampus(t);
});
afterAll(async () => {
  process.off('unhandledRejection', recordRejection);
  await t.close();
});

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { __typename ... on School { name } ... on EnrollmentPlan { id } }
}`;

async function healthy(): Promise<boolean> {
  const response = await fetch(new URL('/health', t.url));
  return response.ok && ((await response.json()) as { status: string }).status === 'ok';
}

/** Lets any stray promise rejection of the last request surface before it is looked for. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

test('an unknown type next to a known one fails its own slot; the process and the known slot stay', async () => {
  const result = await t.gql(ENTITIES, {
    representations: [
      { __typename: 'School', id: campus.schools.hangzhou },
      { __typename: 'Nope', id: '1' },
    ],
  });
  await settle();
  expect(result.data).toEqual({ _entities: [{ __typename: 'School', name: '杭州第一技师学院' }, null] });
  expect(result.errors!.map((e) => [e.path, e.extensions.code, e.extensions.field])).toEqual([[['_entities', 1], 'BAD_USER_INPUT', 'representations']]);
  expect(result.errors![0]!.extensions.messageEn).toMatch(/^representation 1: __typename must name one of our entity types/);
  expect(result.errors![0]!.extensions.messageZh).toMatch(/^第 2 个引用的 __typename 不是本系统的实体类型/);
  expect(rejections).toEqual([]);
  expect(await healthy()).toBe(true);
});

test('every malformed representation answers a typed error of its own, in its own slot', async () => {
  const malformed: unknown[] = [
    'School',
    42,
    [],
    {},
    { id: campus.schools.hangzhou },
    { __typename: 'Nope', id: '1' },
    { __typename: 'Query' },
    { __typename: '_Entity', id: '1' },
    { __typename: 'User', id: '1' },
    { __typename: 'Province', code: '33' },
    { __typename: 42, id: '1' },
    { __typename: 'School' },
    { __typename: 'School', id: null },
    { __typename: 'School', id: { $gt: 0 } },
    { __typename: 'School', id: [campus.schools.hangzhou] },
    { __typename: 'School', id: true },
    { __typename: 'School', name: '杭州第一技师学院' },
  ];
  const result = await t.gql(ENTITIES, { representations: [...malformed, { __typename: 'School', id: campus.schools.ningbo }] });
  await settle();
  expect(result.data).toEqual({ _entities: [...malformed.map(() => null), { __typename: 'School', name: '宁波第一技师学院' }] });
  expect(result.errors!.map((e) => e.path)).toEqual(malformed.map((_, i) => ['_entities', i]));
  for (const error of result.errors!) {
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'representations' });
    expect(error.message).not.toMatch(/Cannot read|undefined|at \w+ \(/);
    expect(error.extensions.stacktrace).toBeUndefined();
  }
  expect(rejections).toEqual([]);
  expect(await healthy()).toBe(true);
});

// 20,000 keys froze the event loop for 14 s when grouping was quadratic; about as many as a 1 MiB body holds.
test('20,000 distinct plan keys: one statement, every slot answered, the server still healthy', async () => {
  const count = 20_000;
  const representations = Array.from({ length: count }, (_, i) => ({ __typename: 'EnrollmentPlan', id: String(1_000_000 + i) }));
  t.resetQueryLog();
  const result = await t.gql<{ _entities: unknown[] }>(ENTITIES, { representations });
  expect(result.errors).toBeUndefined();
  expect(result.data!._entities).toHaveLength(count);
  expect(result.data!._entities.every((slot) => slot === null)).toBe(true);
  // Grouping is one pass; the keys travel as one bound parameter, so one statement whatever their number.
  expect(t.queries.filter((sql) => /from [`"]enrollment_plan[`"]/.test(sql))).toHaveLength(1);
  expect(rejections).toEqual([]);
  expect(await healthy()).toBe(true);
});

test('a representation list that is not a list of objects is refused as input, before anything runs', async () => {
  const result = await t.gql(ENTITIES, { representations: [null] });
  expect(result.data).toBeUndefined();
  expect(result.errors!.map((e) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
  expect(await healthy()).toBe(true);
});

test("a city admin asking for another city's rows gets null for them, as for keys no row has", async () => {
  const hangzhouAdmin = await t.as(await createUser(t, { username: 'hz.entities', role: 'CITY_ADMIN', cityId: campus.cityIds['330100'] }));
  const { schools, programs } = campus;
  const data = await hangzhouAdmin.ok(
    `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on School { name } ... on Program { id } ... on City { code } } }`,
    {
      representations: [
        { __typename: 'School', id: schools.hangzhou },
        { __typename: 'School', id: schools.ningbo },
        { __typename: 'Program', id: programs.ningboLathe },
        { __typename: 'Program', id: programs.hangzhouLathe },
        { __typename: 'City', code: '330200' },
      ],
    },
  );
  expect(data._entities).toEqual([{ name: '杭州第一技师学院' }, null, null, { id: programs.hangzhouLathe }, { code: '330200' }]);
});
