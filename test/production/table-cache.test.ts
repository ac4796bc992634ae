import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MikroORM } from '@mikro-orm/core';
import { closeOrm, openOrm } from '../../server/src/orm.js';
import { createApp, type App } from '../../server/src/app.js';
import { readEnv } from '../../server/src/env.js';
import { LISTENER_NAME, TableCache } from '../../server/src/read/table-cache.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { PASSWORD, createUser } from '../helpers/users.js';

/**
 * Each instance keeps the rows every request reads (its user, the city list) until PostgreSQL
 * announces a write to their table. These tests run a second instance in this process, on the same
 * database, with its own pool and its own listening connection.
 */
let t: TestApp;
let other: { orm: MikroORM; app: App; server: http.Server; url: string; queries: string[] };

const LOGIN = `mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`;

async function post(url: string, query: string, token: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions: Record<string, unknown> }> };
}

async function signIn(username: string): Promise<string> {
  const anonymous = await t.as(null);
  return (await anonymous.ok(LOGIN, { u: username, p: PASSWORD })).login.token;
}

/** Polls until `check` holds; a notification takes milliseconds, the limit only stops a broken feed from hanging. */
async function eventually(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`never happened: ${what}`);
}

const userReads = (queries: string[]) => queries.filter((sql) => /from "app_user"/.test(sql)).length;

/** Ends the listening connection of this test's database as a failover or an operator would. */
async function killListeners(): Promise<number> {
  const rows = await t.orm.em
    .getConnection()
    .execute(`select pg_terminate_backend(pid) as killed from pg_stat_activity where application_name = ? and datname = current_database()`, [LISTENER_NAME]);
  return rows.length;
}

beforeAll(async () => {
  t = await createTestApp();
  const queries: string[] = [];
  const orm = await openOrm({ databaseUrl: t.databaseUrl, onQuery: (sql) => queries.push(sql) });
  const app = await createApp({ orm, tokens: t.tokens });
  const server = http.createServer(app.handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  other = { orm, app, server, queries, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql` };
}, 120000);

afterAll(async () => {
  other.server.closeAllConnections();
  await new Promise<void>((resolve) => other.server.close(() => resolve()));
  await other.app.stop();
  await closeOrm(other.orm);
  await t.close();
});

describe('the request user', () => {
  test('is read once per instance, not on every request', async () => {
    await createUser(t, { username: 'cached-reader', role: 'ANALYST' });
    const token = await signIn('cached-reader');
    other.queries.splice(0);
    for (let i = 0; i < 3; i++) expect((await post(other.url, '{ __typename }', token)).data).toEqual({ __typename: 'Query' });
    expect(userReads(other.queries)).toBe(1);
  });

  test('logging out through one instance ends the session on the other', async () => {
    await createUser(t, { username: 'two-instance-leaver', role: 'ANALYST' });
    const token = await signIn('two-instance-leaver');
    expect((await post(other.url, '{ me { username } }', token)).data).toEqual({ me: { username: 'two-instance-leaver' } });
    expect((await post(t.url, 'mutation { logout }', token)).data).toEqual({ logout: true });
    await eventually(
      async () => (await post(other.url, '{ me { id } }', token)).errors?.[0]?.extensions.code === 'UNAUTHENTICATED',
      'the other instance refuses the token',
    );
  });

  test('a write by any other client (plain SQL) is heard too', async () => {
    const id = await createUser(t, { username: 'deactivated-by-sql', role: 'ANALYST' });
    const token = await signIn('deactivated-by-sql');
    expect((await post(other.url, '{ me { username } }', token)).data).toEqual({ me: { username: 'deactivated-by-sql' } });
    await t.orm.em.getConnection().execute('update app_user set active = false where id = ?', [id]);
    await eventually(
      async () => (await post(other.url, '{ me { id } }', token)).errors?.[0]?.extensions.code === 'UNAUTHENTICATED',
      'the deactivated user is refused',
    );
  });
});

describe('the city list of analyst answers', () => {
  const PROGRESS = '{ campaignProgress(year: 2025, cityCode: "330100") { rows { cityName } } }';
  const cityName = async (token: string) => (await post(other.url, PROGRESS, token)).data?.campaignProgress.rows[0].cityName;

  test('is read once per instance and follows a rename made anywhere', async () => {
    const [admin] = Object.values(t.adminHeaders).map((header) => header.replace('Bearer ', ''));
    expect(await cityName(admin!)).toBe('杭州市');
    other.queries.splice(0);
    expect(await cityName(admin!)).toBe('杭州市');
    expect(other.queries.filter((sql) => /from "city"/.test(sql))).toEqual([]);

    await t.orm.em.getConnection().execute(`update city set name_zh = '杭州市（更名）' where code = '330100'`);
    try {
      await eventually(async () => (await cityName(admin!)) === '杭州市（更名）', 'the renamed city shows');
    } finally {
      await t.orm.em.getConnection().execute(`update city set name_zh = '杭州市' where code = '330100'`);
    }
  });
});

describe('while the listening connection is down', () => {
  test('nothing is cached, and what changed meanwhile is read once it listens again', async () => {
    const cache = await TableCache.open(t.orm);
    try {
      let loads = 0;
      const load = async () => {
        loads++;
        const [row] = await t.orm.em.getConnection().execute('select role from app_user where username = ?', ['province-cache-check']);
        return row?.role ?? null;
      };
      expect(cache.live).toBe(true);
      await cache.read('app_user', 'province-cache-check', load);
      await cache.read('app_user', 'province-cache-check', load);
      expect(loads).toBe(1);

      expect(await killListeners()).toBeGreaterThanOrEqual(1);
      await eventually(() => !cache.live, 'the cache notices the lost connection');
      await createUser(t, { username: 'province-cache-check', role: 'ANALYST' });
      expect(await cache.read('app_user', 'province-cache-check', load)).toBe('ANALYST');
      expect(await cache.read('app_user', 'province-cache-check', load)).toBe('ANALYST');
      expect(loads).toBe(3);

      await eventually(() => cache.live, 'the cache listens again');
      await cache.read('app_user', 'province-cache-check', load);
      await cache.read('app_user', 'province-cache-check', load);
      expect(loads).toBe(4);
    } finally {
      await cache.close();
    }
  });

  test('a listening address that does not answer leaves the cache empty, never stale', async () => {
    const port = new URL(t.databaseUrl).port;
    const cache = await TableCache.open(t.orm, t.databaseUrl.replace(`:${port}/`, ':1/'));
    try {
      let loads = 0;
      const load = async () => ++loads;
      expect(cache.live).toBe(false);
      expect(await cache.read('app_user', 1, load)).toBe(1);
      expect(await cache.read('app_user', 1, load)).toBe(2);
    } finally {
      await cache.close();
    }
    expect(() => readEnv({ DATABASE_LISTEN_URL: 'mysql://db/x' })).toThrow(/DATABASE_LISTEN_URL/);
    expect(readEnv({ DATABASE_LISTEN_URL: t.databaseUrl }).databaseListenUrl).toBe(t.databaseUrl);
  });

  test('requests keep working through the outage', async () => {
    await createUser(t, { username: 'through-outage', role: 'ANALYST' });
    const token = await signIn('through-outage');
    expect(await killListeners()).toBeGreaterThanOrEqual(1);
    expect((await post(other.url, '{ me { username } }', token)).data).toEqual({ me: { username: 'through-outage' } });
    expect((await post(t.url, '{ me { username } }', token)).data).toEqual({ me: { username: 'through-outage' } });
  });
});

describe('a read that overlaps a change', () => {
  test('is answered but not kept: it may have seen the row before the change', async () => {
    const cache = await TableCache.open(t.orm);
    try {
      let release!: () => void;
      const slowLoad = async () => {
        await new Promise<void>((resolve) => (release = resolve));
        return 'before';
      };
      await cache.read('city', 'marker', async () => 'kept');
      const overlapping = cache.read('city', 'all', slowLoad);
      await t.orm.em.getConnection().execute(`update city set name_en = name_en where code = '330100'`);
      // The notification empties the table's entries: the marker is read again once it has come.
      await eventually(async () => (await cache.read('city', 'marker', async () => 'read again')) === 'read again', 'the change is heard');
      release();
      expect(await overlapping).toBe('before');
      expect(await cache.read('city', 'all', async () => 'after')).toBe('after');
    } finally {
      await cache.close();
    }
  });
});
