import { afterAll, beforeAll, expect, test } from 'vitest';
import type { CompositionResult } from '@apollo/composition';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createPlan } from '../helpers/fixtures.js';
import { createUser } from '../helpers/users.js';
import { createCampus, type Campus } from './support/campus.js';
import { startAdmissionsSubgraph } from './support/admissions-subgraph.js';
import type { RunningSubgraph } from './support/registration-subgraph.js';
import { composeSubgraphs, enrollmentSubgraph, startGateway, type Gateway, type Subgraph } from './support/supergraph.js';

let t: TestApp;
let campus: Campus;
let admissions: RunningSubgraph;
let composition: CompositionResult;
let gateway: Gateway;
let hangzhouAdmin: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  campus = await createCampus(t);
  const { hangzhouLathe, ningboLathe } = campus.programs;
  // R5: only filed programs take plan lines
  for (const id of [hangzhouLathe, ningboLathe]) {
    const { Program } = await t.ok<{ Program: { version: number } }>('query($id: ID!) { Program(id: $id) { version } }', { id });
    await t.ok('mutation($id: ID!, $v: Int!) { updateProgram(id: $id, version: $v, filedOn: "2022-06-01") { id } }', { id, v: Program.version });
  }
  await createPlan(t, { programId: hangzhouLathe, year: 2026, seats: 40 });
  await createPlan(t, { programId: ningboLathe, year: 2026, seats: 30 });
  const clerk = await createUser(t, { username: 'hz.requires', role: 'CITY_ADMIN', cityId: campus.cityIds['330100'] });
  hangzhouAdmin = (await t.as(clerk)).headers;
  admissions = await startAdmissionsSubgraph(
    [
      { programId: ningboLathe, year: 2026, season: 'AUTUMN', applicants: 52 },
      { programId: hangzhouLathe, year: 2026, season: 'AUTUMN', applicants: 61 },
    ],
    [campus.schools.ningbo, campus.schools.hangzhou],
  );
  const subgraphs: Subgraph[] = [await enrollmentSubgraph(t), { name: 'admissions', url: admissions.url, headers: {} }];
  composition = await composeSubgraphs(subgraphs);
  gateway = await startGateway(composition.supergraphSdl!, subgraphs);
});

afterAll(async () => {
  await gateway?.stop();
  await admissions?.stop();
  await t.close();
});

test('a subgraph requiring our School.name and city { code } composes with our served SDL', () => {
  expect(composition.errors).toBeUndefined();
  expect(composition.supergraphSdl).toMatch(/portalHeading: String! @join__field\(graph: ADMISSIONS, requires: "name city \{ code \}"\)/);
});

test('a field computed from our fields resolves through the gateway, whether the query starts with us or with the other subgraph', async () => {
  // Starting with us: the gateway reads name and city code from our list and hands them over.
  const fromUs = await gateway.run(`{ allSchools(sortField: "name") { id portalHeading } }`, undefined, t.adminHeaders);
  expect(fromUs.errors).toBeUndefined();
  expect(fromUs.data).toEqual({
    allSchools: [
      { id: campus.schools.ningbo, portalHeading: '宁波第一技师学院（330200）' },
      { id: campus.schools.hangzhou, portalHeading: '杭州第一技师学院（330100）' },
    ],
  });
  // Starting with them: the gateway asks our _entities for the required fields of the schools they name.
  const fromThem = await gateway.run(`{ featuredSchools { id portalHeading } }`, undefined, t.adminHeaders);
  expect(fromThem.errors).toBeUndefined();
  expect(fromThem.data).toEqual({
    featuredSchools: [
      { id: campus.schools.ningbo, portalHeading: '宁波第一技师学院（330200）' },
      { id: campus.schools.hangzhou, portalHeading: '杭州第一技师学院（330100）' },
    ],
  });
});

test('the required fields are read in the user’s scope: a city admin gets no heading of another city’s school', async () => {
  const result = await gateway.run<{ featuredSchools: Array<{ id: string; portalHeading: string } | null> }>(
    `{ featuredSchools { id portalHeading } }`,
    undefined,
    hangzhouAdmin,
  );
  // Our _entities answers null for 宁波's school, as for one that does not exist: the gateway has no
  // name to hand over, the heading stays null and, being non-null, takes the list with it. Nothing of 宁波 leaks.
  expect(result.data).toBeNull();
  expect(result.extensions?.valueCompletion).toEqual([expect.objectContaining({ path: ['featuredSchools', 0, 'portalHeading'] })]);
  expect(JSON.stringify(result)).not.toContain('宁波');
  // Its own city's school gets its heading.
  const own = await gateway.run(`{ allSchools { id portalHeading } }`, undefined, hangzhouAdmin);
  expect(own.errors).toBeUndefined();
  expect(own.data).toEqual({ allSchools: [{ id: campus.schools.hangzhou, portalHeading: '杭州第一技师学院（330100）' }] });
});

test('their applications name our plan lines by the compound key; the gateway resolves each line through us', async () => {
  const result = await gateway.run(
    `{ applications { applicants plan { year season seats school { name } program { major { code } } } } }`,
    undefined,
    t.adminHeaders,
  );
  expect(result.errors).toBeUndefined();
  expect(result.data).toEqual({
    applications: [
      { applicants: 52, plan: { year: 2026, season: 'AUTUMN', seats: 30, school: { name: '宁波第一技师学院' }, program: { major: { code: '0101' } } } },
      { applicants: 61, plan: { year: 2026, season: 'AUTUMN', seats: 40, school: { name: '杭州第一技师学院' }, program: { major: { code: '0101' } } } },
    ],
  });
});
