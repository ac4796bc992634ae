import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../helpers/test-app.js';
import { cityId, createSchool, firstError, versionOf } from '../helpers/fixtures.js';
import { createUser } from '../helpers/users.js';

let t: TestApp;
let hz: Client;
let nb: Client;
let hzCity: string;

beforeAll(async () => {
  t = await createTestApp();
  hzCity = await cityId(t, '330100');
  hz = await t.as(await createUser(t, { username: 'hz.admin', role: 'CITY_ADMIN', cityId: hzCity }));
  nb = await t.as(await createUser(t, { username: 'nb.admin', role: 'CITY_ADMIN', cityId: await cityId(t, '330200') }));
});
afterAll(async () => {
  await t.close();
});

const history = (entity: string, id: string) =>
  t.ok(`query($e: String, $id: Int) { allAuditEntries(filter: { entityName: $e, entityId: $id }, sortField: "id") { action actorName cityId changes } }`, {
    e: entity,
    id: Number(id),
  });

test('create, update and delete are recorded with who, the city and each field before and after', async () => {
  const { createSchool } = await hz.ok(`mutation($city: ID!) { createSchool(name: "审计技工学校", type: TECHNICAL_SCHOOL, cityId: $city) { id } }`, {
    city: hzCity,
  });
  await hz.ok(`mutation($id: ID!) { updateSchool(id: $id, name: "审计技工学校（更名）", version: 1) { id } }`, { id: createSchool.id });
  await hz.ok(`mutation($id: ID!) { deleteSchool(id: $id, version: 2) { id } }`, { id: createSchool.id });

  const { allAuditEntries } = await history('School', createSchool.id);
  expect(allAuditEntries).toEqual([
    {
      action: 'CREATE',
      actorName: 'hz.admin',
      cityId: Number(hzCity),
      changes: {
        name: [null, '审计技工学校'],
        type: [null, 'TECHNICAL_SCHOOL'],
        city: [null, Number(hzCity)],
        provincial: [null, false],
        ownership: [null, 'PUBLIC'],
      },
    },
    { action: 'UPDATE', actorName: 'hz.admin', cityId: Number(hzCity), changes: { name: ['审计技工学校', '审计技工学校（更名）'] } },
    {
      action: 'DELETE',
      actorName: 'hz.admin',
      cityId: Number(hzCity),
      changes: expect.objectContaining({ name: ['审计技工学校（更名）', null], type: ['TECHNICAL_SCHOOL', null] }),
    },
  ]);
});

test('a bulk save records each row; a refused write records nothing', async () => {
  const count = async () => (await t.ok(`{ _allAuditEntriesMeta { count } }`))._allAuditEntriesMeta.count as number;
  const before = await count();
  await hz.ok(`mutation($rows: [SchoolSaveRow!]!) { saveSchools(rows: $rows) { id } }`, {
    rows: [
      { name: '批量甲', type: 'TECHNICAL_SCHOOL', cityId: hzCity },
      { name: '批量乙', type: 'TECHNICAL_SCHOOL', cityId: hzCity },
    ],
  });
  expect(await count()).toBe(before + 2);

  const refused = await hz.gql(`mutation($rows: [SchoolSaveRow!]!) { saveSchools(rows: $rows) { id } }`, {
    rows: [
      { name: '批量丙', type: 'TECHNICAL_SCHOOL', cityId: hzCity },
      { name: '', type: 'TECHNICAL_SCHOOL', cityId: hzCity },
    ],
  });
  expect(firstError(refused).extensions.code).toBe('BAD_USER_INPUT');
  const school = await createSchool(t, { name: '他市学校', cityCode: '330200' });
  expect(
    firstError(
      await hz.gql(`mutation($id: ID!, $v: Int!) { updateSchool(id: $id, version: $v, name: "越权") { id } }`, {
        id: school,
        v: await versionOf(t, 'School', school),
      }),
    ).extensions.code,
  ).toBe('FORBIDDEN');
  expect(await count()).toBe(before + 3);
});

test('entries are not writable, and a city bureau reads only its own city\u2019s', async () => {
  const mutations = (await t.ok(`{ __schema { mutationType { fields { name } } } }`)).__schema.mutationType.fields.map((f: { name: string }) => f.name);
  expect(mutations.filter((name: string) => /AuditEntr/.test(name))).toEqual([]);
  const seenByNb = await nb.ok(`{ allAuditEntries { action entityName actorName cityId } }`);
  // Only the school the province admin created in 宁波 in the test above.
  expect(seenByNb.allAuditEntries).toEqual([{ action: 'CREATE', entityName: 'School', actorName: 'root', cityId: Number(await cityId(t, '330200')) }]);
  const seenByHz = await hz.ok(`{ _allAuditEntriesMeta { count } }`);
  expect(seenByHz._allAuditEntriesMeta.count).toBeGreaterThanOrEqual(4);
});
