import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { MikroORM } from '@mikro-orm/core';
import { openOrm, migrate, closeOrm } from '../../server/src/orm.js';
import { seedReference } from '../../server/src/seeders/reference.js';
import { City } from '../../server/src/modules/city/city.entity.js';
import { Major } from '../../server/src/modules/major/major.entity.js';
import { postgresUnavailableReason, startPostgresCluster } from '../../scripts/postgres-cluster.mjs';
import { generateProvince } from './generate.js';
import { bulkLoad } from './load.js';
import { measureQueries, type QueryTiming } from './measure.js';
import { writeReport, type DatabaseResult } from './report.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
/** `sqlite`, `postgresql` or both (the default). */
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,postgresql').split(',');
/** Only the queries whose name contains this text (all when unset). */
const ONLY = process.env.BENCH_ONLY ?? '';
const here = path.dirname(fileURLToPath(import.meta.url));

const seconds = (start: number) => (performance.now() - start) / 1000;

/**
 * Generates the province and loads it. The generated rows (hundreds of MB) are let go before any
 * timing: kept alive in this process, which also runs the server, the garbage collector's work on them
 * would weigh on every answer measured, the API's more than the plain server's (it allocates more).
 */
async function loadProvince(orm: MikroORM, ids: Parameters<typeof generateProvince>[0]) {
  let start = performance.now();
  const tables = generateProvince(ids);
  const generateSeconds = seconds(start);
  start = performance.now();
  await bulkLoad(orm, tables);
  const loadSeconds = seconds(start);
  const rows: Record<string, number> = Object.fromEntries(tables.map((t) => [t.name, t.rows.length]));
  return { generateSeconds, loadSeconds, rows };
}

/** Migrates, loads the generated province with bulk INSERTs, then times every analyst query. */
async function benchDatabase(database: 'sqlite' | 'postgresql', url: string): Promise<DatabaseResult> {
  console.log(`\n${database}: migrating and loading the province…`);
  const orm = await openOrm({ databaseUrl: url });
  try {
    const start = performance.now();
    await migrate(orm);
    await orm.em.fork().transactional((em) => seedReference(em));
    const migrateSeconds = seconds(start);
    const em = orm.em.fork();
    const ids = { city: new Map((await em.find(City, {})).map((c) => [c.code, c.id])), major: new Map((await em.find(Major, {})).map((m) => [m.code, m.id])) };
    const { generateSeconds, loadSeconds, rows } = await loadProvince(orm, ids);
    rows.intake_tally = await em
      .getConnection()
      .execute('select count(*) as n from intake_tally')
      .then(([r]) => Number(r.n));
    console.log(`${database}: loaded ${JSON.stringify(rows)} in ${loadSeconds.toFixed(1)} s; timing ${RUNS} runs per query…`);
    const queries: QueryTiming[] = await measureQueries(orm, RUNS, (name) => name.includes(ONLY));
    return { database, migrateSeconds, generateSeconds, loadSeconds, rows, queries };
  } finally {
    await closeOrm(orm);
  }
}

async function main(): Promise<void> {
  const results: DatabaseResult[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-bench-'));
  try {
    if (DATABASES.includes('sqlite')) results.push(await benchDatabase('sqlite', `sqlite:${path.join(dir, 'bench.sqlite')}`));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const reason = postgresUnavailableReason();
  if (!DATABASES.includes('postgresql')) {
    // only SQLite asked for
  } else if (reason) {
    console.log(`\nSKIPPED PostgreSQL: ${reason}`);
  } else {
    const cluster = await startPostgresCluster();
    try {
      const admin = new pg.Client({ connectionString: cluster.url });
      await admin.connect();
      await admin.query('create database bench');
      await admin.end();
      results.push(await benchDatabase('postgresql', cluster.url.replace(/\/postgres$/, '/bench')));
    } finally {
      cluster.stop();
    }
  }
  const written = writeReport(path.join(here, 'results'), results, RUNS);
  console.log(`\n${written.text}\nWritten to ${written.files.join(', ')}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
