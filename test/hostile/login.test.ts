import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../helpers/test-app.js';
import { FixedClock } from '../../server/src/common/clock.js';
import { LOGIN_THROTTLE } from '../../server/src/auth/login-throttle.js';
import { PASSWORD, createUser } from '../helpers/users.js';
import { firstError, whileHealthy } from './support.js';

/**
 * Guessing passwords: failures per username and per client address make each next attempt wait
 * longer (the clock is the server's, moved by the test), a refused attempt says how long, and the
 * audit trail keeps failed and throttled sign-ins.
 */
let t: TestApp;
let anonymous: Client;
const clock = new FixedClock('2026-03-01T08:00:00Z');
const LOGIN = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`;

beforeAll(async () => {
  t = await createTestApp({ clock });
  anonymous = await t.as(null);
  for (const username of ['guessed', 'patient', 'spaced']) await createUser(t, { username, role: 'ANALYST' });
});
afterAll(async () => t?.close());

const advance = (seconds: number) => clock.set(new Date(clock.now().getTime() + seconds * 1000));
const codeOf = async (username: string, password: string) => firstError(await anonymous.gql(LOGIN, { u: username, p: password })).extensions;
const attempts = (username: string) =>
  t.ok(`query($u: String) { allAuditEntries(filter: { entityName: "LoginAttempt", q: $u }, sortField: "id", perPage: 1000) { actorName changes } }`, {
    u: username,
  });

describe('per username', () => {
  test('free failures, then a doubling wait with TOO_MANY_ATTEMPTS and retryAfter; the right password waits too', async () => {
    for (let i = 0; i < LOGIN_THROTTLE.freeFailuresPerUsername; i++) expect((await codeOf('guessed', `wrong-${i}-password`)).code).toBe('UNAUTHENTICATED');
    expect(await codeOf('guessed', 'wrong-again-password')).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', field: 'username', retryAfter: 1 });
    expect(await codeOf('guessed', PASSWORD)).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', retryAfter: 1 });
    advance(1);
    expect((await codeOf('guessed', 'wrong-7-password')).code).toBe('UNAUTHENTICATED');
    expect(await codeOf('guessed', PASSWORD)).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', retryAfter: 2 });
    advance(2);
    expect((await codeOf('guessed', 'wrong-8-password')).code).toBe('UNAUTHENTICATED');
    expect(await codeOf('guessed', PASSWORD)).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', retryAfter: 4 });
    advance(4);
    expect((await anonymous.ok(LOGIN, { u: 'guessed', p: PASSWORD })).login.token).toEqual(expect.any(String));
    // A success starts the username afresh.
    expect((await codeOf('guessed', 'wrong-9-password')).code).toBe('UNAUTHENTICATED');
  });

  test('failed and throttled sign-ins are in the audit trail, one entry per block', async () => {
    const outcomes = (await attempts('guessed')).allAuditEntries.map((e: { changes: Record<string, [null, string]> }) => e.changes.outcome![1]);
    expect(outcomes.filter((o: string) => o === 'FAILED')).toHaveLength(LOGIN_THROTTLE.freeFailuresPerUsername + 3);
    // Three blocks were hit (1 s, 2 s, 4 s), each recorded once although the first was hit twice.
    expect(outcomes.filter((o: string) => o === 'THROTTLED')).toHaveLength(3);
    const entry = (await attempts('guessed')).allAuditEntries[0];
    expect(entry.actorName).toBe('guessed');
    expect(entry.changes.clientAddress[1]).toMatch(/127\.0\.0\.1/);
  });

  test('other usernames are not held up by one under attack', async () => {
    expect((await anonymous.ok(LOGIN, { u: 'patient', p: PASSWORD })).login.token).toEqual(expect.any(String));
  });
});

describe('one sign-in per operation', () => {
  test.each([
    ['aliases', `mutation { a: login(username: "patient", password: "x1") { token } b: login(username: "patient", password: "x2") { token } }`],
    [
      'a fragment',
      `mutation { login(username: "patient", password: "x1") { token } ...Again } fragment Again on Mutation { again: login(username: "patient", password: "x2") { token } }`,
    ],
  ])('login repeated through %s is refused before any password is checked', async (_how, query) => {
    // Signed in, so that only the repetition is at stake (anonymous requests may not spread fragments at all).
    const result = await t.gql(query);
    expect(result.data).toBeNull();
    expect(new Set(result.errors!.map((e) => e.extensions.rule))).toEqual(new Set(['LOGIN_ONCE']));
    expect((await attempts('patient')).allAuditEntries).toEqual([]);
  });

  test('300 aliased logins in one request cost no password checks and the server stays responsive', async () => {
    const query = `mutation { ${Array.from({ length: 300 }, (_, i) => `a${i}: login(username: "patient", password: "guess-${i}-pass")  { token }`).join(' ')} }`;
    const result = await whileHealthy(t, () => anonymous.gql(query));
    // refused by the HTTP layer's budget for anonymous requests before the document is parsed
    expect(result.data).toBeUndefined();
    expect(new Set(result.errors!.map((e) => e.extensions.code))).toEqual(new Set(['PAYLOAD_TOO_LARGE']));
  });

  test('two logins in one operation are refused before any password check, signed in or not', async () => {
    const twice = `mutation { a: login(username: "patient", password: "guess-1-pass") { token } b: login(username: "patient", password: "guess-2-pass") { token } }`;
    expect(firstError(await anonymous.gql(twice)).extensions.code).toBe('BAD_REQUEST');
    expect(new Set((await t.gql(twice)).errors!.map((e) => e.extensions.rule))).toEqual(new Set(['LOGIN_ONCE']));
  });
});

describe('passwords at sign-in', () => {
  test('a password is never trimmed: spaces around it are part of it', async () => {
    await t.ok(`mutation($p: String!) { createUser(username: "spaced-out", role: ANALYST, password: $p) { id } }`, { p: '  Campaign-2023-pass  ' });
    expect((await anonymous.ok(LOGIN, { u: 'spaced-out', p: '  Campaign-2023-pass  ' })).login.token).toEqual(expect.any(String));
    expect((await codeOf('spaced-out', 'Campaign-2023-pass')).code).toBe('UNAUTHENTICATED');
  });

  test('a password longer than bcrypt reads (72 bytes) never signs in, even with the right first 72 bytes', async () => {
    const head = 'A'.repeat(62) + '-pass-2024';
    await t.ok(`mutation($p: String!) { createUser(username: "longpass", role: ANALYST, password: $p) { id } }`, { p: head });
    expect((await codeOf('longpass', `${head}-and-a-different-tail`)).code).toBe('UNAUTHENTICATED');
    expect((await anonymous.ok(LOGIN, { u: 'longpass', p: head })).login.token).toEqual(expect.any(String));
  });

  test('a long password is refused without being hashed', async () => {
    // 100 KB: over the anonymous body limit, refused before parsing
    const huge = await whileHealthy(t, () => anonymous.gql(LOGIN, { u: 'patient', p: 'x'.repeat(100_000) }));
    expect(firstError(huge).extensions.code).toBe('PAYLOAD_TOO_LARGE');
    // 2 KB: within the body limit, over bcrypt's 72 bytes, so no password of ours
    const long = await whileHealthy(t, () => anonymous.gql(LOGIN, { u: 'patient', p: 'x'.repeat(2_000) }));
    expect(firstError(long).extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('per client address', () => {
  test('many usernames from one address are throttled together', async () => {
    let code = '';
    for (let i = 0; i <= LOGIN_THROTTLE.freeFailuresPerAddress && code !== 'TOO_MANY_ATTEMPTS'; i++)
      code = (await codeOf(`sprayed-${i}`, 'Spray-password-1')).code;
    expect(code).toBe('TOO_MANY_ATTEMPTS');
    expect(await codeOf('never-tried', 'Spray-password-1')).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', retryAfter: expect.any(Number) });
  });
});
