import { afterAll, beforeAll, expect, test } from 'vitest';
import type { CompositionResult } from '@apollo/composition';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createCampus, type Campus } from './support/campus.js';
import { startRegistrationSubgraph, type RunningSubgraph, type StudentRecord } from './support/registration-subgraph.js';
import { composeSubgraphs, enrollmentSubgraph, startGateway, type Gateway, type Subgraph } from './support/supergraph.js';

let t: TestApp;
let campus: Campus;
let registration: RunningSubgraph;
let composition: CompositionResult;
let gateway: Gateway;

function students(c: Campus): StudentRecord[] {
  const { hangzhouLathe, hangzhouWelding, ningboLathe } = c.programs;
  const { hangzhou, ningbo } = c.schools;
  const record = (schoolId: string, programId: string, homeCityCode: string, year: number, times: number) =>
    Array.from({ length: times }, () => ({ schoolId, programId, homeCityCode, year }));
  return [
    ...record(hangzhou, hangzhouLathe, '330100', 2025, 3),
    ...record(hangzhou, hangzhouWelding, '330500', 2025, 1),
    ...record(ningbo, ningboLathe, '330200', 2025, 2),
    ...record(hangzhou, hangzhouLathe, '330100', 2024, 4),
  ];
}

beforeAll(async () => {
  t = await createTestApp();
  campus = await createCampus(t);
  registration = await startRegistrationSubgraph(students(campus));
  const subgraphs: Subgraph[] = [await enrollmentSubgraph(t), { name: 'registration', url: registration.url, headers: {} }];
  composition = await composeSubgraphs(subgraphs);
  gateway = await startGateway(composition.supergraphSdl!, subgraphs);
});

afterAll(async () => {
  await gateway?.stop();
  await registration?.stop();
  await t.close();
});

test('our served SDL composes with the registration subgraph without errors', () => {
  expect(composition.errors).toBeUndefined();
  expect(composition.supergraphSdl).toContain('join__graph(name: "enrollment"');
});

test("our schools and programs carry the registration system's student counts", async () => {
  const result = await gateway.run(
    `{
    allSchools(sortField: "name") {
      name
      city { code }
      registeredStudents(year: 2025)
      programs { major { code } registeredStudents(year: 2025) }
    }
  }`,
    undefined,
    t.adminHeaders,
  );
  expect(result.errors).toBeUndefined();
  expect(result.data).toEqual({
    allSchools: [
      {
        name: '宁波第一技师学院',
        city: { code: '330200' },
        registeredStudents: 2,
        programs: [{ major: { code: '0101' }, registeredStudents: 2 }],
      },
      {
        name: '杭州第一技师学院',
        city: { code: '330100' },
        registeredStudents: 4,
        programs: [
          { major: { code: '0101' }, registeredStudents: 3 },
          { major: { code: '0110' }, registeredStudents: 1 },
        ],
      },
    ],
  });
});

test("the registration system's cities resolve through us by code, and back into its counts", async () => {
  const result = await gateway.run(
    `{
    studentsByHomeCity(year: 2025) {
      students
      city { code nameZh schools { name registeredStudents(year: 2024) } }
    }
  }`,
    undefined,
    t.adminHeaders,
  );
  expect(result.errors).toBeUndefined();
  expect(result.data).toEqual({
    studentsByHomeCity: [
      { students: 3, city: { code: '330100', nameZh: '杭州市', schools: [{ name: '杭州第一技师学院', registeredStudents: 4 }] } },
      { students: 2, city: { code: '330200', nameZh: '宁波市', schools: [{ name: '宁波第一技师学院', registeredStudents: 0 }] } },
      { students: 1, city: { code: '330500', nameZh: '湖州市', schools: [] } },
    ],
  });
});

test("one Institution interface over our schools and companies, with the registration system's fields on its schools", async () => {
  const result = await gateway.run(
    `{
    institutions(cityCode: "330100") {
      __typename
      name
      city { code }
      ... on School { registeredStudents(year: 2025) }
    }
  }`,
    undefined,
    t.adminHeaders,
  );
  expect(result.errors).toBeUndefined();
  expect(result.data).toEqual({ institutions: [{ __typename: 'School', name: '杭州第一技师学院', city: { code: '330100' }, registeredStudents: 4 }] });
  expect(composition.supergraphSdl).toMatch(/interface Institution\n\s+@join__type\(graph: ENROLLMENT\)/);
});

test('the supergraph offers record-level writes, but no bulk saves and nothing of accounts or sessions', async () => {
  const result = await gateway.run<{ mutation: { fields: Array<{ name: string }> }; saveRow: null; user: null; session: null; role: null }>(
    `{
    mutation: __type(name: "Mutation") { fields { name } }
    saveRow: __type(name: "SchoolSaveRow") { name }
    user: __type(name: "User") { name }
    session: __type(name: "Session") { name }
    role: __type(name: "Role") { name }
  }`,
    undefined,
    t.adminHeaders,
  );
  expect(result.errors).toBeUndefined();
  const names = result.data!.mutation.fields.map((f) => f.name);
  expect(names).toContain('createSchool');
  expect(names.filter((name) => !/^(create|update|delete)[A-Z]/.test(name))).toEqual([]);
  expect(result.data!.saveRow).toBeNull();
  expect(result.data!.user).toBeNull();
  expect(result.data!.session).toBeNull();
  expect(result.data!.role).toBeNull();
});
