import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createRequire } from 'node:module';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createUser } from '../helpers/users.js';

// The same better-sqlite3 the ORM uses, as another process (the CLI) would open the file.
const requireHere = createRequire(import.meta.url);
const Database = createRequire(requireHere.resolve('@mikro-orm/better-sqlite'))('better-sqlite3') as new (file: string) => {
  prepare(sql: string): { run(...params: unknown[]): unknown };
  pragma(text: string): unknown;
  close(): void;
};

const ME = '{ me { username } }';
/** A request that reads no user itself: any read of `app_user` it causes is the sign-in's. */
const CITIES = '{ allCities(perPage: 1) { id } }';
const accountReads = (queries: string[]) => queries.filter((sql) => /from [`"]app_user[`"]/.test(sql)).length;

/**
 * On a SQLite file the account behind a token is kept in the process (read/table-cache.ts) until the
 * read connection's `data_version` moves: any commit by this process's write connection or by another
 * process on the same file. A revoked or changed account must never be served from memory.
 */
describe('the signed-in account on a SQLite file', () => {
  let t: TestApp;
  let userId: number;

  beforeAll(async () => {
    t = await createTestApp();
    userId = await createUser(t, { username: 'cached-clerk', role: 'PROVINCE_ADMIN' });
  });
  afterAll(async () => {
    await t?.close();
  });

  test('is read once for a run of requests with nothing written meanwhile', async () => {
    const client = await t.as(userId);
    await client.ok(ME);
    t.resetQueryLog();
    for (let i = 0; i < 5; i++) expect((await client.ok<{ allCities: unknown[] }>(CITIES)).allCities).toHaveLength(1);
    expect(accountReads(t.queries)).toBe(0);
  });

  test('is read again after another process on the same file revokes its tokens, and the old token is refused', async () => {
    const client = await t.as(userId);
    await client.ok(ME);
    const file = t.databaseUrl.slice('sqlite:'.length);
    const other = new Database(file);
    try {
      other.pragma('busy_timeout = 5000');
      other.prepare('update app_user set token_version = token_version + 1 where id = ?').run(userId);
    } finally {
      other.close();
    }
    t.resetQueryLog();
    const refused = await client.gql(CITIES);
    expect(refused.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(accountReads(t.queries)).toBeGreaterThan(0);
    // A token of the new version is served.
    expect((await (await t.as(userId)).ok<{ me: { username: string } }>(ME)).me.username).toBe('cached-clerk');
  });

  test("is read again after this process's own write deactivates it", async () => {
    const client = await t.as(userId);
    await client.ok(ME);
    await t.orm.em.getConnection().execute('update app_user set active = ? where id = ?', [false, userId]);
    const refused = await client.gql(ME);
    expect(refused.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    await t.orm.em.getConnection().execute('update app_user set active = ? where id = ?', [true, userId]);
    expect((await client.ok<{ me: { username: string } }>(ME)).me.username).toBe('cached-clerk');
  });
});
