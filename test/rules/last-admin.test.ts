import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { firstError, versionOf } from '../helpers/fixtures.js';
import { TEST_ADMIN_ID } from '../helpers/credentials.js';

let t: TestApp;
const ME = String(TEST_ADMIN_ID);

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const activeAdmins = async (client: { ok: TestApp['ok'] } = t) =>
  (await client.ok<{ allUsers: Array<{ id: string }> }>(`{ allUsers(perPage: 100, filter: { role: PROVINCE_ADMIN, active: true }) { id } }`)).allUsers.length;

const refusedAsLastAdmin = (result: { errors?: Array<{ extensions: Record<string, any> }> }, field: string) =>
  expect(firstError(result).extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'LAST_ADMIN', field });

describe('the province keeps an active admin account (LAST_ADMIN)', () => {
  test('the only province admin cannot delete, deactivate or demote its account, alone or within a bulk save', async () => {
    expect(await activeAdmins()).toBe(1);
    const version = await versionOf(t, 'User', ME);
    refusedAsLastAdmin(await t.gql(`mutation($id: ID!, $v: Int!) { deleteUser(id: $id, version: $v) { id } }`, { id: ME, v: version }), 'id');
    refusedAsLastAdmin(
      await t.gql(`mutation($id: ID!, $v: Int!) { updateUser(id: $id, version: $v, active: false) { id } }`, { id: ME, v: version }),
      'active',
    );
    refusedAsLastAdmin(await t.gql(`mutation($id: ID!, $v: Int!) { updateUser(id: $id, version: $v, role: ANALYST) { id } }`, { id: ME, v: version }), 'role');
    // rows are checked in order: the account steps down before the new admin's row is reached
    const bulk = await t.gql(`mutation($rows: [UserSaveRow!]!) { saveUsers(rows: $rows) { id } }`, {
      rows: [
        { id: ME, version, active: false },
        { username: 'second.admin', role: 'PROVINCE_ADMIN', password: 'Second-admin-2026' },
      ],
    });
    refusedAsLastAdmin(bulk, 'active');
    expect(await versionOf(t, 'User', ME)).toBe(version);
    expect(await activeAdmins()).toBe(1);
  });

  test('with a second active admin saved first in the batch, the first may step down', async () => {
    const version = await versionOf(t, 'User', ME);
    const { saveUsers } = await t.ok<{ saveUsers: Array<{ id: string }> }>(`mutation($rows: [UserSaveRow!]!) { saveUsers(rows: $rows) { id } }`, {
      rows: [
        { username: 'other.admin', role: 'PROVINCE_ADMIN', password: 'Other-admin-2026' },
        { id: ME, version, role: 'ANALYST' },
      ],
    });
    expect(saveUsers).toHaveLength(2);
    const other = saveUsers[0]!.id;
    const asOther = await t.as(Number(other));
    expect(await activeAdmins(asOther)).toBe(1);
    refusedAsLastAdmin(
      await asOther.gql(`mutation($id: ID!, $v: Int!) { deleteUser(id: $id, version: $v) { id } }`, { id: other, v: await versionOf(asOther, 'User', other) }),
      'id',
    );
  });
});
