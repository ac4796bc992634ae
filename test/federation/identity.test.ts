import { versionOf } from '../helpers/fixtures.js';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type Client, type GraphQLResponse, type TestApp } from '../helpers/test-app.js';
import { createUser } from '../helpers/users.js';
import { createCampus, type Campus } from './support/campus.js';
import { startRegistrationSubgraph, type RunningSubgraph } from './support/registration-subgraph.js';
import { composeSubgraphs, enrollmentSubgraph, startGateway, type Gateway, type Subgraph } from './support/supergraph.js';

let t: TestApp;
let campus: Campus;
let registration: RunningSubgraph;
let gateway: Gateway;
let hangzhouAdmin: Client;

beforeAll(async () => {
  t = await createTestApp();
  campus = await createCampus(t);
  registration = await startRegistrationSubgraph([]);
  const subgraphs: Subgraph[] = [await enrollmentSubgraph(t), { name: 'registration', url: registration.url, headers: {} }];
  const composition = await composeSubgraphs(subgraphs);
  gateway = await startGateway(composition.supergraphSdl!, subgraphs);
  hangzhouAdmin = await t.as(await createUser(t, { username: 'hz.gateway', role: 'CITY_ADMIN', cityId: campus.cityIds['330100'] }));
});

afterAll(async () => {
  await gateway?.stop();
  await registration?.stop();
  await t.close();
});

/** An answer as a client compares it: data, and each error's message, code and path. */
const answer = (result: GraphQLResponse) => ({
  data: result.data,
  errors: result.errors?.map((e) => ({ message: e.message, code: e.extensions.code, path: e.path })),
});

test("a city admin's query through the gateway answers exactly the rows it answers directly", async () => {
  const query = `{
    allSchools(sortField: "name") { name city { code } programs { major { code } } }
    _allSchoolsMeta { count }
    own: School(id: "${campus.schools.hangzhou}") { name }
    elsewhere: School(id: "${campus.schools.ningbo}") { name }
  }`;
  const direct = await hangzhouAdmin.gql(query);
  const through = await gateway.run(query, undefined, hangzhouAdmin.headers);
  expect(answer(through)).toEqual(answer(direct));
  expect(direct.data).toEqual({
    allSchools: [{ name: '杭州第一技师学院', city: { code: '330100' }, programs: [{ major: { code: '0101' } }, { major: { code: '0110' } }] }],
    _allSchoolsMeta: { count: 1 },
    own: { name: '杭州第一技师学院' },
    elsewhere: null,
  });
});

test("a city admin's writes through the gateway: the same refusals, the same result, recorded as the admin's", async () => {
  // another city's row is refused before its version is looked at
  const elsewhere = `mutation { updateSchool(id: "${campus.schools.ningbo}", version: 1, name: "改名") { name } }`;
  const refusedThrough = await gateway.run(elsewhere, undefined, hangzhouAdmin.headers);
  const refusedDirect = await hangzhouAdmin.gql(elsewhere);
  expect(answer(refusedThrough)).toEqual(answer(refusedDirect));
  expect(refusedDirect.errors!.map((e) => e.extensions.code)).toEqual(['FORBIDDEN']);

  const intoOtherCity = `mutation { createSchool(name: "越权学校", type: TECHNICIAN_COLLEGE, cityId: "${campus.cityIds['330200']}") { name } }`;
  expect(answer(await gateway.run(intoOtherCity, undefined, hangzhouAdmin.headers))).toEqual(answer(await hangzhouAdmin.gql(intoOtherCity)));

  const own = async () =>
    `mutation { updateSchool(id: "${campus.schools.hangzhou}", version: ${await versionOf(t, 'School', campus.schools.hangzhou)}, name: "杭州市第一技师学院") { name city { code } } }`;
  const through = await gateway.run(await own(), undefined, hangzhouAdmin.headers);
  expect(answer(through)).toEqual(answer(await hangzhouAdmin.gql(await own())));
  expect(through.data).toEqual({ updateSchool: { name: '杭州市第一技师学院', city: { code: '330100' } } });

  const { allSchools } = await t.ok<{ allSchools: Array<{ name: string }> }>('{ allSchools(sortField: "name") { name } }');
  expect(allSchools.map((s) => s.name)).toEqual(['宁波第一技师学院', '杭州市第一技师学院']);
  const { allAuditEntries } = await t.ok<{ allAuditEntries: Array<{ actorName: string }> }>(
    `{ allAuditEntries(filter: { entityName: "School", entityId: ${campus.schools.hangzhou}, action: UPDATE }) { actorName } }`,
  );
  // One change (the direct call repeated it), made by the admin, not by the gateway's service account.
  expect(allAuditEntries.map((e) => e.actorName)).toEqual(['hz.gateway']);
});

test('without a user token, or with a forged one, the gateway gets nothing: no fallback to its service token', async () => {
  const query = '{ allCities { code } }';
  const anonymous = await gateway.run(query);
  const forged = await gateway.run(query, undefined, { authorization: `${hangzhouAdmin.headers.authorization}x` });
  for (const result of [anonymous, forged]) {
    expect(result.data).toBeNull();
    expect(result.errors!.map((e) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
  }
});

test("the gateway's own requests (schema loading, health) use its service token", async () => {
  await expect(gateway.checkHealth()).resolves.toBeUndefined();
  const withoutToken = startGateway(await gatewaySdl(), [{ name: 'enrollment', url: t.url, headers: {}, forwardsIdentity: true }]);
  await expect((await withoutToken).checkHealth()).rejects.toThrow();
  await (await withoutToken).stop();
});

async function gatewaySdl(): Promise<string> {
  const enrollment = await enrollmentSubgraph(t, 'gateway2');
  return (await composeSubgraphs([enrollment])).supergraphSdl!;
}
