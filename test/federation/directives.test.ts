import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { composeServices } from '@apollo/composition';
import { Kind, parse, print, type DocumentNode, type FieldDefinitionNode, type ObjectTypeDefinitionNode } from 'graphql';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createUser, PASSWORD } from '../helpers/users.js';
import { createCampus, type Campus } from './support/campus.js';
import { contractOf } from './support/contract.js';
import { QUERY_SHAPE_LIMITS } from '../../server/src/common/query-shape-limits.js';
import { enrollmentSubgraph, fetchServiceSdl, startGateway, type Subgraph } from './support/supergraph.js';

let t: TestApp;
let campus: Campus;
let enrollment: Subgraph;
let served: DocumentNode;

beforeAll(async () => {
  t = await createTestApp();
  campus = await createCampus(t);
  enrollment = await enrollmentSubgraph(t);
  served = parse(await fetchServiceSdl(enrollment));
});
afterAll(async () => {
  await t.close();
});

const typeOf = (document: DocumentNode, name: string) =>
  document.definitions.find((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === name)!;
const fieldOf = (document: DocumentNode, type: string, field: string) => typeOf(document, type).fields!.find((f) => f.name.value === field)!;
const directives = (node: FieldDefinitionNode | ObjectTypeDefinitionNode) => (node.directives ?? []).map((d) => print(d));

test('_service { sdl } links the newest Federation and carries cost, list size and contract tags', () => {
  expect(print(served)).toContain('@link(url: "https://specs.apollo.dev/federation/v2.14"');
  expect(directives(fieldOf(served, 'Query', 'allSchools'))).toEqual([
    '@listSize(assumedSize: 100, slicingArguments: ["perPage"], requireOneSlicingArgument: false)',
    '@tag(name: "public")',
  ]);
  expect(directives(fieldOf(served, 'Query', 'allCities'))).toContain('@listSize(assumedSize: 11)');
  // a child collection is priced at its declared bound (school.resource.ts), as the subgraph's own cost model does
  expect(directives(fieldOf(served, 'School', 'plans'))).toEqual(['@listSize(assumedSize: 600)']);
  // aggregates, the duplicate report and cursor pages are priced at the shape limits' defaults, overridden by their slicing argument
  expect(directives(fieldOf(served, 'Query', 'aggregateSchools'))).toContain(
    `@listSize(assumedSize: ${QUERY_SHAPE_LIMITS.defaultGroups}, slicingArguments: ["limit"], requireOneSlicingArgument: false)`,
  );
  expect(directives(fieldOf(served, 'Query', 'duplicateStudents'))).toContain(
    `@listSize(assumedSize: ${QUERY_SHAPE_LIMITS.defaultDuplicateGroups}, slicingArguments: ["limit"], requireOneSlicingArgument: false)`,
  );
  expect(directives(fieldOf(served, 'Query', 'allSchoolsConnection'))).toContain(
    `@listSize(assumedSize: ${QUERY_SHAPE_LIMITS.defaultFirst}, slicingArguments: ["first"], sizedFields: ["edges", "nodes"], requireOneSlicingArgument: false)`,
  );
  // the page's own lists carry no size of their own: the page field sizes them
  expect(directives(fieldOf(served, 'SchoolConnection', 'nodes')).filter((d) => d.startsWith('@listSize'))).toEqual([]);
  expect(directives(fieldOf(served, 'Query', 'campaignProgress'))).toContain('@cost(weight: 5000)');
  expect(directives(typeOf(served, 'School'))).toEqual(['@key(fields: "id")', '@tag(name: "public")']);
  expect(directives(fieldOf(served, 'PlanAdjustment', 'requestedBy'))).toEqual(['@tag(name: "personal")']);
  expect(directives(fieldOf(served, 'OutreachVisit', 'delegationLead'))).toEqual(['@tag(name: "personal")']);
  expect(directives(typeOf(served, 'User'))).toEqual(['@inaccessible']);
  // Mutations are never in the public contract.
  expect(
    typeOf(served, 'Mutation')
      .fields!.flatMap((f) => directives(f))
      .filter((d) => d.startsWith('@tag')),
  ).toEqual([]);
});

test("the router's SDL adds @authenticated to every visible operation and the writers' scopes to every visible mutation", async () => {
  const router = parse(fs.readFileSync(fileURLToPath(new URL('../../schema/schema.router.graphql', import.meta.url)), 'utf8'));
  const visible = (f: FieldDefinitionNode) => !f.name.value.startsWith('_') && !directives(f).includes('@inaccessible');
  for (const type of ['Query', 'Mutation']) {
    for (const field of typeOf(router, type).fields!.filter(visible)) expect(directives(field)).toContain('@authenticated');
  }
  expect(directives(fieldOf(router, 'Mutation', 'createSchool'))).toContain(
    '@requiresScopes(scopes: [["enrollment:province_admin"], ["enrollment:city_admin"]])',
  );
  expect(directives(fieldOf(router, 'Mutation', 'createMajor'))).toContain('@requiresScopes(scopes: [["enrollment:province_admin"]])');
  expect(
    typeOf(router, 'Mutation')
      .fields!.filter(visible)
      .every((f) => directives(f).some((d) => d.startsWith('@requiresScopes'))),
  ).toBe(true);

  // The scope a city admin's token carries is one createSchool accepts.
  const username = 'hz.scopes';
  await createUser(t, { username, role: 'CITY_ADMIN', cityId: campus.cityIds['330100'] });
  const { login } = await t.ok<{ login: { token: string } }>(`mutation { login(username: "${username}", password: "${PASSWORD}") { token } }`);
  const claims = JSON.parse(Buffer.from(login.token.split('.')[1]!, 'base64url').toString('utf8')) as { scope: string };
  expect(claims.scope).toBe('enrollment:city_admin');
  // Last: composing blocks for seconds, past the server's keep-alive, and a reused socket would be closed.
  expect(composeServices([{ name: 'enrollment', url: t.url, typeDefs: router }]).errors).toBeUndefined();
});

test('a contract for outside systems (include public, exclude personal) composes: reads without names, no writes, no accounts', async () => {
  const composition = composeServices([{ name: 'enrollment', url: t.url, typeDefs: contractOf(served, { include: 'public', exclude: 'personal' }) }]);
  expect(composition.errors).toBeUndefined();
  const gateway = await startGateway(composition.supergraphSdl!, [enrollment]);
  try {
    const { data, errors } = await gateway.run<{ __schema: { mutationType: null; types: Array<{ name: string; fields: Array<{ name: string }> | null }> } }>(
      '{ __schema { mutationType { name } types { name fields { name } } } }',
      undefined,
      t.adminHeaders,
    );
    expect(errors).toBeUndefined();
    expect(data!.__schema.mutationType).toBeNull();
    const fields = new Map(data!.__schema.types.map((type) => [type.name, (type.fields ?? []).map((f) => f.name)]));
    expect(fields.get('PlanAdjustment')).not.toContain('requestedBy');
    expect(fields.get('PlanAdjustment')).not.toContain('decidedBy');
    expect(fields.get('PlanAdjustment')).toContain('newSeats');
    expect(fields.get('OutreachVisit')).not.toContain('delegationLead');
    expect(fields.has('User')).toBe(false);
    expect(fields.get('Query')).toContain('allSchools');
    const read = await gateway.run('{ allSchools(sortField: "name") { name city { code } } }', undefined, t.adminHeaders);
    expect(read).toEqual({
      data: {
        allSchools: [
          { name: '宁波第一技师学院', city: { code: '330200' } },
          { name: '杭州第一技师学院', city: { code: '330100' } },
        ],
      },
    });
  } finally {
    await gateway.stop();
  }
});
