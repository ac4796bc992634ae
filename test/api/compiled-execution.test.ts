import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execute, parse, type ExecutionResult } from 'graphql';
import { seed } from '../../server/src/seeders/index.js';
import { createSchema } from '../../server/src/schema.js';
import { createContext } from '../../server/src/context.js';
import { systemClock } from '../../server/src/common/clock.js';
import { TableCache } from '../../server/src/read/table-cache.js';
import { User } from '../../server/src/modules/user/user.entity.js';
import { createTestApp, type GraphQLResponse, type TestApp } from '../helpers/test-app.js';
import { TEST_ADMIN_ID } from '../helpers/credentials.js';

/**
 * The server runs operations compiled to JavaScript (graphql-jit). Every answer must be the one
 * graphql-js itself gives on the same schema, data and user: values, nulls, order, errors and their paths.
 */
let t: TestApp;
let schema: Awaited<ReturnType<typeof createSchema>>;
let cache: TableCache;
let ids: { school: string; city: string; plan: string };

beforeAll(async () => {
  t = await createTestApp();
  await seed(t.orm, { demo: true });
  schema = await createSchema();
  cache = await TableCache.open(t.orm);
  const data = await t.ok('{ allEnrollmentPlans(perPage: 1, sortField: "id") { id school { id cityId } } }');
  const [plan] = data.allEnrollmentPlans;
  ids = { plan: plan.id, school: plan.school.id, city: plan.school.cityId };
}, 120000);
afterAll(async () => {
  await cache.close();
  await t.close();
});

/** The same operation through graphql-js, as the test admin, with a context built as the server builds it. */
async function interpreted(query: string, variables: Record<string, unknown>): Promise<ExecutionResult> {
  const user = await t.orm.em.fork().findOneOrFail(User, TEST_ADMIN_ID);
  const actor = { userId: user.id, username: user.username, role: user.role, cityId: null, schoolId: null };
  return execute({
    schema,
    document: parse(query),
    variableValues: variables,
    contextValue: createContext(t.orm, actor, systemClock, t.tokens, cache, '127.0.0.1'),
  });
}

/** Errors as a client compares them: message and path. */
const errorsOf = (errors: ReadonlyArray<{ message: string; path?: ReadonlyArray<string | number> }> | undefined) =>
  errors?.map((e) => ({ message: e.message, path: e.path }));

/** Name, operation, variables, and whether its answer has data (an error on a non-null root field nulls it all). */
const cases: Array<[string, string, () => Record<string, unknown>, 'data' | 'null']> = [
  [
    'nested lists with arguments',
    '{ allSchools(perPage: 30, sortField: "id") { id name type provincial city { code nameZh } plans(year: 2025) { id year season seats status } } }',
    () => ({}),
    'data',
  ],
  [
    'fragments, inline fragments, aliases, __typename, @include and @skip',
    `query($withCity: Boolean!, $skipSeats: Boolean!) {
      first: allEnrollmentPlans(perPage: 20, sortField: "id") { ...Line school { ... on School { name city @include(if: $withCity) { code } } } }
      last: allEnrollmentPlans(perPage: 5, sortField: "id", sortOrder: "DESC") { __typename id seats @skip(if: $skipSeats) }
    }
    fragment Line on EnrollmentPlan { __typename id seats @skip(if: $skipSeats) status issuerCode program { id level studyMode major { code } } }`,
    () => ({ withCity: true, skipSeats: false }),
    'data',
  ],
  [
    'custom scalars and child collections',
    'query($plan: ID!) { EnrollmentPlan(id: $plan) { id createdAt intakes { id count targetGroup originCode registeredOn createdAt } } }',
    () => ({ plan: ids.plan }),
    'data',
  ],
  [
    'a computed field of a list',
    '{ allCrossRegionAgreements(perPage: 10, sortField: "id") { id model signedOn stages { years } school { name } } }',
    () => ({}),
    'data',
  ],
  [
    'an analyst query',
    'query($year: Int) { campaignProgress(year: $year) { rows { year cityCode target planned enrolled registered completionRate gap } cumulative { target enrolled completionRate } } }',
    () => ({ year: 2025 }),
    'data',
  ],
  [
    'federation: entities and the service',
    `query($representations: [_Any!]!) { _service { sdl } _entities(representations: $representations) { __typename ... on School { name city { code } } ... on City { code nameZh } } }`,
    () => ({
      representations: [
        { __typename: 'School', id: ids.school },
        { __typename: 'City', code: '330200' },
        { __typename: 'School', id: '999999' },
        { __typename: 'City', id: ids.city },
      ],
    }),
    'data',
  ],
  [
    'introspection',
    '{ __schema { queryType { name } types { name kind } } __type(name: "School") { fields { name type { kind name ofType { kind name } } } } }',
    () => ({}),
    'data',
  ],
  [
    'an error on a non-null root field',
    'query($year: Int) { allCities(perPage: 2) { code } campaignProgress(year: $year) { cumulative { target } } }',
    () => ({ year: 1999 }),
    'null',
  ],
  [
    'an error on a nullable field leaves its siblings',
    'query($id: ID!) { City(id: $id) { code } School(id: "not-a-number") { name } }',
    () => ({ id: ids.city }),
    'data',
  ],
];

describe('compiled operations answer exactly as graphql-js', () => {
  test.each(cases)('%s', async (_name, query, variables, answers) => {
    const served: GraphQLResponse = await t.gql(query, variables());
    const expected = await interpreted(query, variables());
    expect(JSON.parse(JSON.stringify(served.data ?? null))).toEqual(JSON.parse(JSON.stringify(expected.data ?? null)));
    expect(errorsOf(served.errors)).toEqual(errorsOf(expected.errors));
    if (answers === 'data') expect(served.data).toBeTruthy();
    else expect(served.data === null && served.errors?.length === 1).toBe(true);
  });

  test('variables that do not coerce are refused as input errors before anything runs', async () => {
    const result = await t.gql('query($year: Int) { campaignProgress(year: $year) { cumulative { target } } }', { year: 'twenty' });
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/^Variable "\$year" got invalid value "twenty"/);
  });
});
