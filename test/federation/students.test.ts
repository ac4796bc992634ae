import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import type { CompositionResult } from '@apollo/composition';
import { createTestApp, type Client, type TestApp } from '../helpers/test-app.js';
import { createUser } from '../helpers/users.js';
import { createPlan, createProgram, markFiled } from '../helpers/fixtures.js';
import { createCampus, type Campus } from './support/campus.js';
import { composeSubgraphs, enrollmentSubgraph, startGateway, type Gateway, type Subgraph } from './support/supergraph.js';
import { checkCharacter } from '../helpers/id-numbers.js';

/**
 * `Student` is an entity (`@key(fields: "id")`): the national 学籍 system, as a second subgraph,
 * extends our students with its own status; personal fields stay tagged and masked by role.
 */

/** The national system's view of our students, by our id. */
const nationalTypeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  type Student @key(fields: "id") {
    id: ID!
    nationalStatus: String!
  }
`);

const ID_NUMBER = '33010620100101011' + checkCharacter('33010620100101011');

let t: TestApp;
let campus: Campus;
let national: { url: string; stop(): Promise<void> };
let composition: CompositionResult;
let gateway: Gateway;
let hangzhouAdmin: Client;
let studentId: string;

beforeAll(async () => {
  t = await createTestApp();
  campus = await createCampus(t);
  hangzhouAdmin = await t.as(await createUser(t, { username: 'hz.students', role: 'CITY_ADMIN', cityId: campus.cityIds['330100'] }));
  const program = await createProgram(t, { schoolId: campus.schools.hangzhou, majorCode: '0102' });
  const plan = await createPlan(t, { programId: program, year: 2025, seats: 10 });
  await markFiled(t, [plan]);
  studentId = (
    await t.ok(
      `mutation($p: ID!, $i: String!) { createStudent(planId: $p, name: "郑演一", idNumber: $i, targetGroup: JUNIOR_HIGH_GRADUATE, registeredOn: "2025-09-10") { id } }`,
      { p: plan, i: ID_NUMBER },
    )
  ).createStudent.id;
  const statuses = new Map([[studentId, 'REGISTERED_NATIONALLY']]);
  const server = new ApolloServer({
    schema: buildSubgraphSchema({
      typeDefs: nationalTypeDefs,
      resolvers: {
        Student: {
          __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
          nationalStatus: (student: { id: string }) => statuses.get(student.id) ?? 'UNKNOWN',
        },
      } as never,
    }),
  });
  const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: 0 } });
  national = { url, stop: () => server.stop() };
  const subgraphs: Subgraph[] = [await enrollmentSubgraph(t), { name: 'national', url, headers: {} }];
  composition = await composeSubgraphs(subgraphs);
  gateway = await startGateway(composition.supergraphSdl!, subgraphs);
}, 120000);

afterAll(async () => {
  await gateway?.stop();
  await national?.stop();
  await t.close();
});

test('Student composes as an entity; its name, ID number and birth date are tagged personal', () => {
  expect(composition.errors).toBeUndefined();
  const type = /type Student[^{]*\{([^}]*)\}/.exec(composition.supergraphSdl!)![0];
  expect(type).toContain('@join__type(graph: ENROLLMENT, key: "id")');
  expect(type).toContain('@join__type(graph: NATIONAL, key: "id")');
  for (const field of ['name', 'idNumber', 'birthDate'])
    expect(type).toMatch(new RegExp(`\\b${field}: [A-Za-z]+!? @join__field\\(graph: ENROLLMENT\\) @tag\\(name: "personal"\\)`));
});

test('the province reads our student whole with the national status beside it', async () => {
  const result = await gateway.run(`{ allStudents { id name idNumber nationalStatus } }`, undefined, t.adminHeaders);
  expect(result.errors).toBeUndefined();
  expect(result.data).toEqual({ allStudents: [{ id: studentId, name: '郑演一', idNumber: ID_NUMBER, nationalStatus: 'REGISTERED_NATIONALLY' }] });
});

test('a city bureau through the gateway reads the same masked fields as directly', async () => {
  const query = `{ allStudents { id name idNumber birthDate nationalStatus } }`;
  const through = await gateway.run(query, undefined, hangzhouAdmin.headers);
  expect(through.errors).toBeUndefined();
  expect(through.data).toEqual({
    allStudents: [{ id: studentId, name: '郑**', idNumber: `330106********${ID_NUMBER.slice(14)}`, birthDate: null, nationalStatus: 'REGISTERED_NATIONALLY' }],
  });
  const direct = await hangzhouAdmin.gql(`{ allStudents { id name idNumber birthDate } }`);
  expect(direct.data!.allStudents).toEqual([{ id: studentId, name: '郑**', idNumber: `330106********${ID_NUMBER.slice(14)}`, birthDate: null }]);
});

test('the gateway’s own service account reads no student rows', async () => {
  const service = (await enrollmentSubgraph(t, 'gateway.students')).headers;
  const result = await t.gql(
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on Student { id name } } }`,
    { r: [{ __typename: 'Student', id: studentId }] },
    service,
  );
  expect(result.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
});
