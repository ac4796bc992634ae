import { afterAll, beforeAll, expect, test } from 'vitest';
import { inject } from 'vitest';
import pg from 'pg';
import type { MikroORM } from '@mikro-orm/core';
import { closeOrm, openOrm } from '../../server/src/orm.js';
import { readRows, readRowsByKey } from '../../server/src/read/rows.js';
import { City } from '../../server/src/modules/city/city.entity.js';
import { cloneTemplate } from '../helpers/databases.js';

/**
 * Lookups by key on PostgreSQL keep connections of the ORM's pool between lookups
 * (server/src/read/lookup-connections.ts): never more than half of it, and never one that anything
 * else needs. Each test opens its own ORM on a small pool.
 */
let database: { url: string; drop(): Promise<void> };
let admin: pg.Client;
let cityIds: number[];

beforeAll(async () => {
  database = await cloneTemplate(inject('templateUrl'));
  admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  await admin.query(`set application_name = 'lookup test'`);
  const orm = await openOrm({ databaseUrl: database.url });
  cityIds = (await readRows(orm.em.fork(), City, {}, { orderBy: [{ id: 'ASC' }] })).map((row) => row.id);
  await closeOrm(orm);
});
afterAll(async () => {
  await admin.end();
  await database.drop();
});

/** Connections to the test's database other than the test's own. */
async function backends(): Promise<number> {
  const { rows } = await admin.query(`select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`);
  return rows[0].n;
}

const lookup = (orm: MikroORM, ids: number[]) => readRowsByKey(orm.em.fork(), City, 'id', ids, ['code', 'id']);

test('concurrent lookups each get their own rows, on at most half of the pool', async () => {
  const orm = await openOrm({ databaseUrl: database.url, poolMax: 4 });
  try {
    const asked = Array.from({ length: 60 }, (_, i) => [cityIds[i % cityIds.length]!, cityIds[(i * 7) % cityIds.length]!]);
    const answers = await Promise.all(asked.map((ids) => lookup(orm, ids)));
    answers.forEach((rows, i) => expect(rows.map((row) => row.id).sort()).toEqual([...new Set(asked[i])].sort()));
    expect(await backends()).toBeLessThanOrEqual(2);
  } finally {
    await closeOrm(orm);
  }
});

test('a connection lookups hold goes to a transaction that needs it', async () => {
  const orm = await openOrm({ databaseUrl: database.url, poolMax: 2 });
  try {
    await lookup(orm, cityIds.slice(0, 3));
    // Two transactions open at once need both connections of the pool, one of which the lookups held.
    let entered = 0;
    let bothIn!: () => void;
    const together = new Promise<void>((resolve) => (bothIn = resolve));
    const transaction = () =>
      orm.em.fork().transactional(async (em) => {
        await em.getConnection().execute('select 1', [], 'all', em.getTransactionContext());
        if (++entered === 2) bothIn();
        await together;
        return readRowsByKey(em, City, 'id', cityIds.slice(0, 2));
      });
    const [first, second] = await Promise.all([transaction(), transaction()]);
    expect(first.map((row) => row.id)).toEqual(cityIds.slice(0, 2));
    expect(second.map((row) => row.id)).toEqual(cityIds.slice(0, 2));
    expect((await lookup(orm, [cityIds[4]!])).map((row) => row.id)).toEqual([cityIds[4]]);
  } finally {
    await closeOrm(orm);
  }
});

test('lookups waiting beside a transaction that holds the rest of the pool all complete', async () => {
  const orm = await openOrm({ databaseUrl: database.url, poolMax: 2 });
  try {
    const answers = await orm.em.fork().transactional(async (em) => {
      await em.getConnection().execute('select 1', [], 'all', em.getTransactionContext());
      return Promise.all(cityIds.map((id) => lookup(orm, [id])));
    });
    expect(answers.map((rows) => rows[0]?.id)).toEqual(cityIds);
  } finally {
    await closeOrm(orm);
  }
});

test('closing the ORM closes the connections lookups held', async () => {
  const orm = await openOrm({ databaseUrl: database.url, poolMax: 4 });
  await Promise.all(cityIds.map((id) => lookup(orm, [id])));
  expect(await backends()).toBeGreaterThan(0);
  await closeOrm(orm);
  expect(await backends()).toBe(0);
});

test('a lookup after its connection was ended reads on another', async () => {
  const orm = await openOrm({ databaseUrl: database.url, poolMax: 4 });
  try {
    await lookup(orm, [cityIds[0]!]);
    await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`);
    // The server has ended them; the client learns it when the socket closes.
    for (let i = 0; i < 100 && (await backends()) > 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setImmediate(resolve));
    expect((await lookup(orm, [cityIds[1]!])).map((row) => row.id)).toEqual([cityIds[1]]);
  } finally {
    await closeOrm(orm);
  }
});
