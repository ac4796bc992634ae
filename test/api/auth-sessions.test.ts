import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../helpers/test-app.js';
import { firstError, versionOf } from '../helpers/fixtures.js';
import { TEST_ADMIN } from '../helpers/credentials.js';
import { PASSWORD, createUser } from '../helpers/users.js';

let t: TestApp;
let anonymous: Client;

beforeAll(async () => {
  t = await createTestApp();
  anonymous = await t.as(null);
});
afterAll(async () => {
  await t.close();
});

const LOGIN = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token expiresAt user { username role } } }`;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('signing in', () => {
  test('the right password gives an expiring token that works as a bearer header', async () => {
    const { login } = await anonymous.ok(LOGIN, { u: TEST_ADMIN.username, p: TEST_ADMIN.password });
    expect(login.user).toEqual({ username: 'root', role: 'PROVINCE_ADMIN' });
    const ttl = new Date(login.expiresAt).getTime() - Date.now();
    expect(ttl).toBeGreaterThan(3500 * 1000);
    expect(ttl).toBeLessThanOrEqual(3600 * 1000);
    const me = await t.gql(`{ me { username role } }`, {}, bearer(login.token));
    expect(me).toEqual({ data: { me: { username: 'root', role: 'PROVINCE_ADMIN' } } });
  });

  test('a wrong password and an unknown user get the same answer', async () => {
    const wrong = firstError(await anonymous.gql(LOGIN, { u: 'root', p: 'not-the-password-1' }));
    const unknown = firstError(await anonymous.gql(LOGIN, { u: 'nobody', p: 'not-the-password-1' }));
    expect(wrong.extensions).toMatchObject({ code: 'UNAUTHENTICATED', messageEn: 'wrong username or password' });
    expect(unknown.extensions).toEqual(wrong.extensions);
  });

  test('anonymous requests get nothing but a sign-in error', async () => {
    for (const query of [
      `{ allSchools { id } }`,
      `{ __schema { types { name } } }`,
      `mutation { createCity(code: "331200", nameZh: "x", nameEn: "x", displayOrder: 12) { id } }`,
      `{ _service { sdl } }`,
    ]) {
      const result = await anonymous.gql(query);
      expect(result.data ?? null).toBeNull();
      expect(firstError(result).extensions.code).toBe('UNAUTHENTICATED');
    }
    expect((await t.ok(`{ _allCitiesMeta { count } }`))._allCitiesMeta.count).toBe(11);
  });

  test('a tampered or expired token is refused', async () => {
    const { login } = await anonymous.ok(LOGIN, { u: 'root', p: TEST_ADMIN.password });
    const [header, payload, signature] = login.token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: '2' })).toString('base64url')}.${signature}`;
    const badSignature = `${header}.${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    const expired = (await t.tokens.issue({ userId: 1, tokenVersion: 1 }, -60)).token;
    for (const token of [forged, badSignature, expired, 'not.a.token']) {
      expect(firstError(await t.gql(`{ me { username } }`, {}, bearer(token))).extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  test('a token accepted before is refused once it expires', async () => {
    // Tokens expire on whole seconds; this one has between one and two seconds left.
    await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 10));
    const { token, expiresAt } = await t.tokens.issue({ userId: 1, tokenVersion: 1 }, 2);
    expect((await t.gql(`{ me { username } }`, {}, bearer(token))).data).toEqual({ me: { username: 'root' } });
    await new Promise((resolve) => setTimeout(resolve, expiresAt.getTime() - Date.now() + 50));
    expect(firstError(await t.gql(`{ me { username } }`, {}, bearer(token))).extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('ending sessions', () => {
  test('logout ends every session of the user; refreshing rotates the token', async () => {
    const id = await createUser(t, { username: 'leaver', role: 'ANALYST' });
    const first = (await anonymous.ok(LOGIN, { u: 'leaver', p: PASSWORD })).login.token;
    const second = (await anonymous.ok(LOGIN, { u: 'leaver', p: PASSWORD })).login.token;

    const refreshed = await t.gql(`mutation { refreshToken { token user { id } } }`, {}, bearer(first));
    expect(refreshed.data!.refreshToken.user.id).toBe(String(id));
    const third = refreshed.data!.refreshToken.token;
    expect(firstError(await t.gql(`{ me { id } }`, {}, bearer(second))).extensions.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(`{ me { username } }`, {}, bearer(third))).data).toEqual({ me: { username: 'leaver' } });

    expect((await t.gql(`mutation { logout }`, {}, bearer(third))).data).toEqual({ logout: true });
    expect(firstError(await t.gql(`{ me { id } }`, {}, bearer(third))).extensions.code).toBe('UNAUTHENTICATED');
  });

  test('a deactivated user or a changed password stops old tokens', async () => {
    const id = await createUser(t, { username: 'mover', role: 'ANALYST' });
    const token = (await anonymous.ok(LOGIN, { u: 'mover', p: PASSWORD })).login.token;
    await t.ok(`mutation($id: ID!, $v: Int!) { updateUser(id: $id, version: $v, password: "Another-pass-2024") { id } }`, {
      id,
      v: await versionOf(t, 'User', id),
    });
    expect(firstError(await t.gql(`{ me { id } }`, {}, bearer(token))).extensions.code).toBe('UNAUTHENTICATED');
    const fresh = (await anonymous.ok(LOGIN, { u: 'mover', p: 'Another-pass-2024' })).login.token;
    await t.ok(`mutation($id: ID!, $v: Int!) { updateUser(id: $id, version: $v, active: false) { id } }`, { id, v: await versionOf(t, 'User', id) });
    expect(firstError(await t.gql(`{ me { id } }`, {}, bearer(fresh))).extensions.code).toBe('UNAUTHENTICATED');
    expect(firstError(await anonymous.gql(LOGIN, { u: 'mover', p: 'Another-pass-2024' })).extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('accounts', () => {
  test('passwords are checked for strength and never readable', async () => {
    const weak = await t.gql(`mutation { createUser(username: "weak", role: ANALYST, password: "short1") { id } }`);
    expect(firstError(weak).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    const missing = await t.gql(`mutation { createUser(username: "nopass", role: ANALYST) { id } }`);
    expect(firstError(missing).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    const fields = await t.ok(`{ __type(name: "User") { fields { name } } }`);
    expect(fields.__type.fields.map((f: { name: string }) => f.name)).not.toContain('password');
    expect(fields.__type.fields.map((f: { name: string }) => f.name)).not.toContain('passwordHash');
  });

  test('a city admin must be bound to a city, school staff to a school', async () => {
    const city = await t.gql(`mutation { createUser(username: "cityless", role: CITY_ADMIN, password: "${PASSWORD}") { id } }`);
    expect(firstError(city).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'cityId' });
    const staff = await t.gql(`mutation { createUser(username: "schoolless", role: SCHOOL_STAFF, password: "${PASSWORD}") { id } }`);
    expect(firstError(staff).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'schoolId' });
  });

  test('service accounts cannot sign in with a password but get long-lived tokens from a province admin', async () => {
    const withPassword = await t.gql(`mutation { createUser(username: "gateway2", role: SERVICE, password: "Gateway-unused-2023") { id } }`);
    expect(firstError(withPassword).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    const id = await createUser(t, { username: 'gateway', role: 'SERVICE' });
    expect(firstError(await anonymous.gql(LOGIN, { u: 'gateway', p: PASSWORD })).extensions.code).toBe('UNAUTHENTICATED');
    const { issueServiceToken } = await t.ok(`mutation($id: ID!) { issueServiceToken(userId: $id, days: 90) { token expiresAt } }`, { id });
    expect(new Date(issueServiceToken.expiresAt).getTime() - Date.now()).toBeGreaterThan(89 * 86400 * 1000);
    const read = await t.gql(`{ _allSchoolsMeta { count } }`, {}, bearer(issueServiceToken.token));
    expect(read.errors).toBeUndefined();
    const write = await t.gql(
      `mutation { createCity(code: "331200", nameZh: "x", nameEn: "x", displayOrder: 12) { id } }`,
      {},
      bearer(issueServiceToken.token),
    );
    expect(firstError(write).extensions.code).toBe('FORBIDDEN');
    const analyst = await t.as(await createUser(t, { username: 'curious', role: 'ANALYST' }));
    expect(firstError(await analyst.gql(`mutation($id: ID!) { issueServiceToken(userId: $id, days: 1) { token } }`, { id })).extensions.code).toBe('FORBIDDEN');
  });
});
