import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildServer, startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { PASSWORD, createUser } from '../helpers/users.js';
import { LISTENER_NAME } from '../../server/src/read/table-cache.js';

let t: TestApp;
let a: ServerProcess;
let b: ServerProcess;

async function post(url: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...t.adminHeaders },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: Array<{ extensions: Record<string, unknown> }> };
}

beforeAll(async () => {
  t = await createTestApp();
  buildServer();
  // Both instances start together, compiled as production runs them: migrations and seeding must serialise, not collide.
  // b listens for table changes through DATABASE_LISTEN_URL (here the same database), as behind a transaction pooler.
  [a, b] = await Promise.all([
    startServerProcess(t.databaseUrl, {}, { compiled: true }),
    startServerProcess(t.databaseUrl, { DATABASE_LISTEN_URL: t.databaseUrl }, { compiled: true }),
  ]);
}, 120000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await t.close();
});

test('health and readiness endpoints', async () => {
  const base = a.url.replace('/graphql', '');
  expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok' });
  expect(await (await fetch(`${base}/ready`)).json()).toEqual({ status: 'ready' });
});

test('two instances behind one database behave as one system', async () => {
  const created = await post(a.url, `{ allCities(filter: { code: "330700" }) { id } }`);
  expect(created.errors).toBeUndefined();
  const cityId = created.data.allCities[0].id;
  const school = await post(a.url, `mutation($city: ID!) { createSchool(name: "双实例技师学院", type: TECHNICIAN_COLLEGE, cityId: $city) { id version } }`, {
    city: cityId,
  });
  expect(school.errors).toBeUndefined();
  const id = school.data.createSchool.id;

  const seenByB = await post(b.url, `query($id: ID!) { School(id: $id) { name city { nameZh } } }`, { id });
  expect(seenByB).toEqual({ data: { School: { name: '双实例技师学院', city: { nameZh: '金华市' } } } });

  const rename = (url: string, name: string) =>
    post(url, `mutation($id: ID!, $name: String!) { updateSchool(id: $id, version: 1, name: $name) { name version } }`, { id, name });
  const results = await Promise.all([rename(a.url, '双实例技师学院（甲）'), rename(b.url, '双实例技师学院（乙）')]);
  const winners = results.filter((r) => !r.errors);
  const losers = results.filter((r) => r.errors);
  expect(winners).toHaveLength(1);
  expect(losers).toHaveLength(1);
  expect(losers[0]!.errors![0]!.extensions.code, a.output() + b.output()).toBe('CONFLICT');

  const final = await post(a.url, `query($id: ID!) { School(id: $id) { name version } }`, { id });
  expect(final.data.School).toEqual(winners[0]!.data.updateSchool);
  expect(final.data.School.version).toBe(2);
});

test('a logout through one instance ends the session on the other, which had the user cached', async () => {
  const [{ listeners }] = await t.orm.em
    .getConnection()
    .execute('select count(*)::int as listeners from pg_stat_activity where application_name = ? and datname = current_database()', [LISTENER_NAME]);
  expect(listeners).toBe(3);
  await createUser(t, { username: 'leaves-two-instances', role: 'ANALYST' });
  const call = async (url: string, query: string, token?: string) => {
    const headers = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
    return (await (await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query }) })).json()) as {
      data?: any;
      errors?: Array<{ extensions: Record<string, unknown> }>;
    };
  };
  const login = await call(a.url, `mutation { login(username: "leaves-two-instances", password: "${PASSWORD}") { token } }`);
  const token = login.data.login.token as string;
  expect((await call(b.url, '{ me { username } }', token)).data).toEqual({ me: { username: 'leaves-two-instances' } });
  expect((await call(b.url, '{ me { username } }', token)).data).toEqual({ me: { username: 'leaves-two-instances' } });
  expect((await call(a.url, 'mutation { logout }', token)).data).toEqual({ logout: true });
  expect((await call(a.url, '{ me { id } }', token)).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  // b hears of the write through PostgreSQL within milliseconds; the limit only keeps a broken feed from hanging.
  let refused = false;
  for (let i = 0; i < 100 && !refused; i++) {
    refused = (await call(b.url, '{ me { id } }', token)).errors?.[0]?.extensions.code === 'UNAUTHENTICATED';
    if (!refused) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(refused, a.output() + b.output()).toBe(true);
});

test('SIGTERM shuts an instance down cleanly', async () => {
  // As operators run it: Apollo's own signal handling differs outside NODE_ENV=test.
  const c = await startServerProcess(t.databaseUrl, { NODE_ENV: 'production', MIGRATE_ON_START: 'false', SEED_ON_START: 'false' }, { compiled: true });
  expect(await c.stop()).toBe(0);
  expect(c.output()).toMatch(/SIGTERM: finishing in-flight requests, then closing the database/);
});
