import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';
import type { MikroORM } from '@mikro-orm/core';
import { startPostgresCluster } from '../../scripts/postgres-cluster.mjs';
import { openOrm, migrate, closeOrm } from '../../server/src/orm.js';
import { seedReference } from '../../server/src/seeders/reference.js';
import { ensureFirstAdmin } from '../../server/src/modules/user/first-admin.js';
import { createApp } from '../../server/src/app.js';
import { createHttpServer } from '../../server/src/http/http-server.js';
import { TokenService } from '../../server/src/auth/tokens.js';
import { MAX_SAVE_ROWS } from '../../server/src/common/resource.js';
import { City } from '../../server/src/modules/city/city.entity.js';
import { Intake } from '../../server/src/modules/intake/intake.entity.js';
import { AuditEntry, AuditAction } from '../../server/src/modules/audit/audit-entry.entity.js';
import { User } from '../../server/src/modules/user/user.entity.js';
import { nthIdNumber } from '../helpers/id-numbers.js';
import { buildServer, startServerProcess } from '../helpers/server-process.js';
import { TEST_JWT_SECRET } from '../helpers/credentials.js';

/**
 * `pnpm bench:write`: intake rows saved through the API (`saveIntakes`, creates and updates) beside
 * the limits of the database — the same rows with their audit rows as prepared multi-row INSERTs in
 * one transaction through the driver, and MikroORM's `insertMany` — on SQLite and PostgreSQL.
 * Server and client share this process; each figure is the median of `BENCH_WRITE_ROUNDS` runs.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const ROUNDS = Number(process.env.BENCH_WRITE_ROUNDS ?? 3);
const SIZES = [100, 500, 2000];
const IMPORT_ROWS = Number(process.env.BENCH_WRITE_IMPORT_ROWS ?? 20000);
/** `BENCH_WRITE_CASES=imports`: the imports only (for profiling them); `server`: only the roster import into the compiled server in its own process (its RSS). */
const ONLY_IMPORTS = process.env.BENCH_WRITE_CASES === 'imports' || process.env.BENCH_WRITE_CASES === 'server';
const ONLY_SERVER = process.env.BENCH_WRITE_CASES === 'server';
const SECRET = 'bench-write-secret-0123456789abcdef';
const ADMIN = { username: 'bench', password: 'Bench-password-2023' };

interface Figure {
  database: string;
  case: string;
  rows: number;
  ms: number;
  /** Longest wait of another user's small read and one-row write while it ran, and the longest stall of the event loop. */
  held?: { readMs: number; writeMs: number; stallMs: number };
  /** The server's RSS before and at its peak meanwhile. */
  rss?: { beforeMiB: number; peakMiB: number };
  /** CPU time (user + system) the server's own process spent meanwhile. */
  serverCpuMs?: number;
}

interface Fixture {
  url: string;
  orm: MikroORM;
  planIds: number[];
  cityId: number;
  token: string;
  /** The admin's token as servers started by `startServerProcess` sign them. */
  processToken: string;
  close(): Promise<void>;
}

async function prepare(url: string): Promise<Fixture> {
  const orm = await openOrm({ databaseUrl: url });
  await migrate(orm);
  await orm.em.fork().transactional((em) => seedReference(em));
  await ensureFirstAdmin(orm, ADMIN.username, ADMIN.password);
  const em = orm.em.fork();
  const hz = await em.findOneOrFail(City, { code: '330100' });
  const run = (sql: string, params: unknown[] = []) => em.getConnection().execute(sql, params as never[], 'all');
  const now = url.startsWith('sqlite:') ? Date.now() : new Date().toISOString();
  await run(
    `insert into school (version, created_at, updated_at, name, type, city_id, provincial, ownership) values (1, ?, ?, '压测技师学院', 'TECHNICIAN_COLLEGE', ?, false, 'PUBLIC')`,
    [now, now, hz.id],
  );
  const [school] = await run(`select id from school where name = '压测技师学院'`);
  const [major] = await run(`select id from major where code = '0102'`);
  await run(
    `insert into program (version, created_at, updated_at, school_id, major_id, level, entry_basis, study_mode, duration_years, filed_on)
     values (1, ?, ?, ?, ?, 'INTERMEDIATE', 'JUNIOR_HIGH', 'FULL_TIME', 3, '2022-06-01')`,
    [now, now, school.id, major.id],
  );
  const [program] = await run(`select id from program where school_id = ?`, [school.id]);
  for (const year of [2026, 2027]) {
    await run(
      `insert into enrollment_plan (version, created_at, updated_at, school_id, program_id, year, season, seats, status) values (1, ?, ?, ?, ?, ?, 'AUTUMN', 1000000, 'FILED')`,
      [now, now, school.id, program.id, year],
    );
  }
  const planIds = (await run(`select id from enrollment_plan where program_id = ? order by id`, [program.id])).map((r: { id: unknown }) => Number(r.id));
  const admin = await em.findOneOrFail(User, { username: ADMIN.username });
  const tokens = new TokenService(SECRET, 3600);
  const { token } = await tokens.issue({ userId: admin.id, tokenVersion: admin.tokenVersion, role: admin.role });
  const processToken = (await new TokenService(TEST_JWT_SECRET, 3600).issue({ userId: admin.id, tokenVersion: admin.tokenVersion, role: admin.role })).token;
  const app = await createApp({ orm, tokens });
  const server = createHttpServer(app.handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    orm,
    planIds,
    cityId: hz.id,
    token,
    processToken,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.stop();
      await closeOrm(orm);
    },
  };
}

const intakeRow = (planId: number, i: number) => ({
  planId: String(planId),
  count: 1 + (i % 3),
  targetGroup: 'JUNIOR_HIGH_GRADUATE',
  originCode: '330100',
  registeredOn: '2026-09-01',
});

async function save(f: Fixture, rows: Array<Record<string, unknown>>): Promise<Array<{ id: string; version: number }>> {
  const response = await fetch(f.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${f.token}` },
    body: JSON.stringify({ query: 'mutation($rows: [IntakeSaveRow!]!) { saveIntakes(rows: $rows) { id version } }', variables: { rows } }),
  });
  const body = (await response.json()) as { data?: { saveIntakes: Array<{ id: string; version: number }> }; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
  return body.data!.saveIntakes;
}

async function gql<T>(f: Fixture, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(f.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${f.token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
  return body.data!;
}

const studentRow = (planId: number, n: number) => ({
  planId: String(planId),
  name: `压测学生${n}`,
  idNumber: nthIdNumber(n),
  targetGroup: 'JUNIOR_HIGH_GRADUATE',
  registeredOn: '2026-09-01',
});

/** An import job through the API: rows added in parts, run, and followed until it ends. */
async function importJob(f: Fixture, resource: string, rows: Array<Record<string, unknown>>): Promise<void> {
  const { startImport } = await gql<{ startImport: { id: string } }>(f, 'mutation($r: ImportableResource!) { startImport(resource: $r) { id } }', {
    r: resource,
  });
  for (let i = 0; i < rows.length; i += MAX_SAVE_ROWS) {
    await gql(f, 'mutation($job: ID!, $rows: [JSONObject!]!) { addImportRows(job: $job, rows: $rows) { id } }', {
      job: startImport.id,
      rows: rows.slice(i, i + MAX_SAVE_ROWS),
    });
  }
  await gql(f, 'mutation($job: ID!) { runImport(job: $job) { id } }', { job: startImport.id });
  for (;;) {
    const { importJob: job } = await gql<{ importJob: { status: string; problemCount: number; message: string | null } }>(
      f,
      'query($id: ID!) { importJob(id: $id) { status problemCount message problems(limit: 3) { ord message } } }',
      { id: startImport.id },
    );
    if (job.status === 'DONE') return;
    if (['FAILED', 'CANCELLED', 'INTERRUPTED'].includes(job.status)) throw new Error(`import ${job.status}: ${JSON.stringify(job).slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * What another user waits meanwhile: a small read and a one-row write sent one after another for as
 * long as `work` runs; the longest wait of each is what the work held them.
 */
async function whileProbing(
  f: Fixture,
  work: () => Promise<unknown>,
): Promise<{ ms: number; held: NonNullable<Figure['held']>; rss: NonNullable<Figure['rss']> }> {
  const stalls = monitorEventLoopDelay({ resolution: 10 });
  stalls.enable();
  const sampling = sampleRss(() => process.memoryUsage().rss / 2 ** 20);
  let running = true;
  const longest = { read: 0, write: 0 };
  const probe = async (kind: 'read' | 'write', ask: () => Promise<unknown>) => {
    while (running) {
      const ms = await timed(ask);
      longest[kind] = Math.max(longest[kind], ms);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const visit = { cityId: String(f.cityId), visitedOn: '2026-05-01', provinceCode: '510000', delegationLead: '压测' };
  const probes = [
    probe('read', () => gql(f, '{ _allIntakesMeta { count } }')),
    probe('write', async () => {
      const { createOutreachVisit: made } = await gql<{ createOutreachVisit: { id: string; version: number } }>(
        f,
        'mutation($cityId: ID!, $visitedOn: LocalDate!, $provinceCode: String!, $delegationLead: String!) { createOutreachVisit(cityId: $cityId, visitedOn: $visitedOn, provinceCode: $provinceCode, delegationLead: $delegationLead) { id version } }',
        visit,
      );
      await gql(f, 'mutation($id: ID!, $version: Int!) { deleteOutreachVisit(id: $id, version: $version) { id } }', made);
    }),
  ];
  const ms = await timed(work);
  running = false;
  await Promise.all(probes);
  stalls.disable();
  return { ms, held: { readMs: longest.read, writeMs: longest.write, stallMs: stalls.max / 1e6 }, rss: sampling.stop() };
}

/** Samples a process's RSS every 20 ms until stopped: the figure before, and the highest seen. */
function sampleRss(rssMiB: () => number): { stop(): NonNullable<Figure['rss']> } {
  const beforeMiB = rssMiB();
  let peakMiB = beforeMiB;
  const sampler = setInterval(() => (peakMiB = Math.max(peakMiB, rssMiB())), 20);
  return {
    stop() {
      clearInterval(sampler);
      return { beforeMiB, peakMiB: Math.max(peakMiB, rssMiB()) };
    },
  };
}

/**
 * A roster import into the server as production runs it (compiled, `start:production`'s heap setting,
 * its own process), so that the RSS measured is the server's alone: the figure the 300 MiB goal is about.
 */
async function rosterInServerProcess(name: string, databaseUrl: string, f: Fixture, firstStudent: number): Promise<Figure> {
  buildServer();
  const server = await startServerProcess(databaseUrl, {}, { compiled: true });
  try {
    const target = { ...f, url: server.url, token: f.processToken };
    const status = () => fs.readFileSync(`/proc/${server.process.pid}/status`, 'utf8');
    // utime and stime, in clock ticks of 10 ms (fields 14 and 15 of /proc/<pid>/stat, after the command's parenthesis)
    const cpuMs = () => {
      const fields = fs.readFileSync(`/proc/${server.process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10;
    };
    const cpuBefore = cpuMs();
    const sampling = sampleRss(() => Number(/VmRSS:\s+(\d+)/.exec(status())![1]) / 1024);
    let ms;
    let rss;
    try {
      ms = await timed(() =>
        importJob(
          target,
          'Student',
          Array.from({ length: IMPORT_ROWS }, (_, i) => studentRow(f.planIds[0]!, firstStudent + i)),
        ),
      );
    } finally {
      rss = sampling.stop();
    }
    const serverCpuMs = cpuMs() - cpuBefore;
    return { database: name, case: 'import job of a student roster, server in its own process (compiled)', rows: IMPORT_ROWS, ms, rss, serverCpuMs };
  } finally {
    await server.stop();
  }
}

/** Saves of at most MAX_SAVE_ROWS rows one after another, as a client with more rows sends them. */
async function saveAll(f: Fixture, rows: Array<Record<string, unknown>>) {
  const saved = [];
  for (let i = 0; i < rows.length; i += MAX_SAVE_ROWS) saved.push(...(await save(f, rows.slice(i, i + MAX_SAVE_ROWS))));
  return saved;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** The physical limit: prepared multi-row INSERTs of the rows and then of their audit rows, one transaction, through the driver. */
async function rawInsert(orm: MikroORM, databaseUrl: string, planId: number, n: number): Promise<number> {
  const rows = Array.from({ length: n }, (_, i) => intakeRow(planId, i));
  const audit = (r: ReturnType<typeof intakeRow>) =>
    JSON.stringify({
      plan: [null, planId],
      count: [null, r.count],
      targetGroup: [null, r.targetGroup],
      originCode: [null, r.originCode],
      registeredOn: [null, r.registeredOn],
    });
  const CHUNK = 500;
  if (databaseUrl.startsWith('sqlite:')) {
    // better-sqlite3's own connection, taken from the pool the server uses (SQLite has one writer)
    const client = (
      orm.em.getConnection() as unknown as { getKnex(): { client: { acquireConnection(): Promise<any>; releaseConnection(c: unknown): Promise<void> } } }
    ).getKnex().client;
    const db = await client.acquireConnection();
    try {
      const now = Date.now();
      const values = (k: number, width: number) => Array.from({ length: k }, () => `(${Array(width).fill('?').join(', ')})`).join(', ');
      const insertIntakes = (k: number) =>
        db.prepare(
          `insert into intake (version, created_at, updated_at, plan_id, count, target_group, origin_code, registered_on) values ${values(k, 8)} returning id`,
        );
      const insertAudit = (k: number) =>
        db.prepare(
          `insert into audit_entry (version, created_at, updated_at, action, entity_name, entity_id, actor_id, actor_name, city_id, changes) values ${values(k, 10)}`,
        );
      return await timed(async () =>
        db.transaction(() => {
          for (let i = 0; i < n; i += CHUNK) {
            const chunk = rows.slice(i, i + CHUNK);
            const ids = insertIntakes(chunk.length)
              .all(...chunk.flatMap((r) => [1, now, now, planId, r.count, r.targetGroup, r.originCode, r.registeredOn]))
              .map((row: { id: number }) => row.id);
            insertAudit(chunk.length).run(...chunk.flatMap((r, j) => [1, now, now, 'CREATE', 'Intake', ids[j], 1, ADMIN.username, null, audit(r)]));
          }
        })(),
      );
    } finally {
      await client.releaseConnection(db);
    }
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const now = new Date();
    const values = (k: number, width: number) =>
      Array.from({ length: k }, (_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`).join(', ');
    return await timed(async () => {
      await client.query('begin');
      for (let i = 0; i < n; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK);
        const inserted = await client.query({
          name: `bench-intakes-${chunk.length}`,
          text: `insert into intake (version, created_at, updated_at, plan_id, count, target_group, origin_code, registered_on) values ${values(chunk.length, 8)} returning id`,
          values: chunk.flatMap((r) => [1, now, now, planId, r.count, r.targetGroup, r.originCode, r.registeredOn]),
        });
        const ids = inserted.rows.map((row: { id: number }) => row.id);
        await client.query({
          name: `bench-audit-${chunk.length}`,
          text: `insert into audit_entry (version, created_at, updated_at, action, entity_name, entity_id, actor_id, actor_name, city_id, changes) values ${values(chunk.length, 10)}`,
          values: chunk.flatMap((r, j) => [1, now, now, 'CREATE', 'Intake', ids[j], 1, ADMIN.username, null, audit(r)]),
        });
      }
      await client.query('commit');
    });
  } finally {
    await client.end();
  }
}

/** MikroORM's `insertMany` of the same rows and their audit rows in one transaction. */
async function ormInsertMany(orm: MikroORM, planId: number, n: number): Promise<number> {
  const rows = Array.from({ length: n }, (_, i) => intakeRow(planId, i));
  return timed(() =>
    orm.em.fork().transactional(async (em) => {
      for (let i = 0; i < n; i += 1000) {
        const chunk = rows.slice(i, i + 1000);
        const now = new Date();
        const ids = await em.insertMany(
          Intake,
          chunk.map((r) => ({
            plan: planId,
            count: r.count,
            targetGroup: r.targetGroup,
            originCode: r.originCode,
            registeredOn: r.registeredOn,
            version: 1,
            createdAt: now,
            updatedAt: now,
          })) as never[],
        );
        await em.insertMany(
          AuditEntry,
          chunk.map((r, j) => ({
            action: AuditAction.CREATE,
            entityName: 'Intake',
            // SQLite answers a multi-row insert with its first id only; the rows took the ids after it
            entityId: ids.length === chunk.length ? Number(ids[j]) : Number(ids[0]) + j,
            actorId: 1,
            actorName: ADMIN.username,
            cityId: null,
            changes: { count: [null, r.count] },
            version: 1,
            createdAt: now,
            updatedAt: now,
          })),
        );
      }
    }),
  );
}

async function benchDatabase(name: string, databaseUrl: string): Promise<Figure[]> {
  const f = await prepare(databaseUrl);
  const figures: Figure[] = [];
  const add = (c: string, rows: number, runs: number[]) => figures.push({ database: name, case: c, rows, ms: median(runs) });
  try {
    // warm-up: compiled statements, JIT
    await saveAll(
      f,
      Array.from({ length: 200 }, (_, i) => intakeRow(f.planIds[0]!, i)),
    );
    for (const n of ONLY_IMPORTS ? [] : SIZES) {
      const creates: number[] = [];
      const updates: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        let saved: Array<{ id: string; version: number }> = [];
        creates.push(
          await timed(
            async () =>
              (saved = await saveAll(
                f,
                Array.from({ length: n }, (_, i) => intakeRow(f.planIds[0]!, i)),
              )),
          ),
        );
        const changes = saved.map((s, i) => ({ id: s.id, version: s.version, count: 1 + ((i + 1) % 3) }));
        updates.push(await timed(() => saveAll(f, changes)));
      }
      add('save (create) through the API', n, creates);
      add('save (update) through the API', n, updates);
      add('raw multi-row INSERT + audit (driver)', n, await series(() => rawInsert(f.orm, databaseUrl, f.planIds[1]!, n)));
      add('MikroORM insertMany + audit', n, await series(() => ormInsertMany(f.orm, f.planIds[1]!, n)));
    }
    if (ONLY_SERVER) {
      figures.push(await rosterInServerProcess(name, databaseUrl, f, IMPORT_ROWS));
      return figures;
    }
    const largestSave = await whileProbing(f, () =>
      save(
        f,
        Array.from({ length: MAX_SAVE_ROWS }, (_, i) => intakeRow(f.planIds[0]!, i)),
      ),
    );
    figures.push({ database: name, case: 'the largest save (one request) through the API', rows: MAX_SAVE_ROWS, ...largestSave });
    const intakeImport = await whileProbing(f, () =>
      importJob(
        f,
        'Intake',
        Array.from({ length: IMPORT_ROWS }, (_, i) => intakeRow(f.planIds[0]!, i)),
      ),
    );
    figures.push({ database: name, case: 'import job of intakes through the API', rows: IMPORT_ROWS, ...intakeImport });
    const rosterImport = await whileProbing(f, () =>
      importJob(
        f,
        'Student',
        Array.from({ length: IMPORT_ROWS }, (_, i) => studentRow(f.planIds[0]!, i)),
      ),
    );
    figures.push({ database: name, case: 'import job of a student roster through the API', rows: IMPORT_ROWS, ...rosterImport });
    figures.push(await rosterInServerProcess(name, databaseUrl, f, IMPORT_ROWS));
    add('raw multi-row INSERT + audit (driver)', IMPORT_ROWS, await series(() => rawInsert(f.orm, databaseUrl, f.planIds[1]!, IMPORT_ROWS), 1));
  } finally {
    await f.close();
  }
  return figures;
}

async function series(run: () => Promise<number>, rounds = ROUNDS): Promise<number[]> {
  const results = [];
  for (let i = 0; i < rounds; i++) results.push(await run());
  return results;
}

function render(figures: Figure[], peakRss: number): string {
  const lines = [
    '# Write benchmark (`pnpm bench:write`)',
    '',
    `${new Date().toISOString().slice(0, 16)}Z, ${os.cpus().length} CPU(s) (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, median of ${ROUNDS} run(s) (imports: one).`,
    "Intake rows (R6–R9 rules, audit entry each); API saves go over HTTP to the server in the same process, but for the last roster import, sent to the compiled server in a process of its own (its RSS is the server's alone).",
    '',
    '| database | case | rows | ms | ms/row | longest wait of another read / write meanwhile, longest event-loop stall (ms) | RSS before → peak meanwhile (MiB) | server CPU (ms) |',
    '|---|---|---:|---:|---:|---:|---:|---:|',
    ...figures.map(
      (f) =>
        `| ${f.database} | ${f.case} | ${f.rows} | ${f.ms.toFixed(0)} | ${(f.ms / f.rows).toFixed(3)} | ${f.held ? `${f.held.readMs.toFixed(0)} / ${f.held.writeMs.toFixed(0)}, ${f.held.stallMs.toFixed(0)}` : ''} | ${f.rss ? `${f.rss.beforeMiB.toFixed(0)} → ${f.rss.peakMiB.toFixed(0)}` : ''} | ${f.serverCpuMs?.toFixed(0) ?? ''} |`,
    ),
    '',
    `Peak RSS of the process: ${peakRss.toFixed(0)} MiB.`,
    '',
  ];
  return lines.join('\n');
}

async function main() {
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss / 2 ** 20)), 50);
  const figures: Figure[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-bench-write-'));
  try {
    // `BENCH_WRITE_DATABASES=sqlite` or `postgresql`: that database only
    if (process.env.BENCH_WRITE_DATABASES !== 'postgresql') figures.push(...(await benchDatabase('SQLite', `sqlite:${path.join(dir, 'bench.sqlite')}`)));
    if (process.env.BENCH_WRITE_DATABASES !== 'sqlite') {
      const cluster = await startPostgresCluster();
      try {
        const admin = new pg.Client({ connectionString: cluster.url });
        await admin.connect();
        await admin.query('create database bench_write');
        await admin.end();
        figures.push(...(await benchDatabase('PostgreSQL', cluster.url.replace(/\/postgres$/, '/bench_write'))));
      } finally {
        cluster.stop();
      }
    }
  } finally {
    clearInterval(sampler);
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const report = render(figures, peak);
  console.log(report);
  fs.mkdirSync(path.join(here, 'results'), { recursive: true });
  fs.writeFileSync(path.join(here, 'results', 'write-latest.md'), report);
}

await main();
