import { createHmac, randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startPostgresCluster } from '../../../scripts/postgres-cluster.mjs';
import { prepareDatabase, type PreparedDatabase } from './prepare.js';
import { CAMPAIGN_PROGRESS_FUNCTION } from './comparison-sql.js';
import { bulkSaveRequests, graphql, QUERY_TITLES, REQUESTS, VERSION_SLOT, type QueryName, type Request, type ServerKind } from './queries.js';
import { cpuSeconds, peakRssMiB, postgresCpuSeconds, startNode, type Started } from './processes.js';
import { runWrk } from './wrk.js';
import { buildServer, productionArgs } from '../../helpers/server-process.js';
import { goals, renderMarkdown, summarise, writeApiReport, type Measurement, type Report } from './report.js';
import { TEST_PERSONAL_DATA_KEYS } from '../../helpers/credentials.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const SETTINGS = {
  rounds: env('BENCH_API_ROUNDS', 5),
  warmupSeconds: env('BENCH_API_WARMUP', 3),
  seconds: env('BENCH_API_SECONDS', 10),
  connections: env('BENCH_API_CONNECTIONS', 8),
  bulkSeconds: env('BENCH_API_BULK_SECONDS', 20),
  bulkConnections: 1,
  wrkThreads: 1,
};
const ONLY_QUERIES = process.env.BENCH_API_QUERIES?.split(',') as QueryName[] | undefined;
const ONLY_SERVERS = process.env.BENCH_API_SERVERS?.split(',');
/** Directory for `node --cpu-prof` profiles of our two servers (none unless set). */
const PROFILE_DIR = process.env.BENCH_API_PROFILE_DIR;

interface Target {
  name: string;
  process: Started;
  kind: ServerKind;
  token?: string;
  database?: PreparedDatabase;
  onPostgres: boolean;
}

/**
 * The comparison servers compiled to JavaScript (into `dist/` here, beside their node_modules), so
 * that every server runs compiled, as ours does: none pays for a TypeScript loader at run time.
 */
function compileComparisonServers(): string {
  const outDir = path.join(here, 'dist');
  const files = ['postgraphile-server.ts', 'raw-server.ts', 'apollo-server.ts'].map((f) => path.join(here, f));
  const tsc = path.join(root, 'test', 'node_modules', '.bin', 'tsc');
  const args = [
    '--outDir',
    outDir,
    '--rootDir',
    here,
    '--module',
    'nodenext',
    '--moduleResolution',
    'nodenext',
    '--target',
    'es2022',
    '--skipLibCheck',
    '--noCheck',
    ...files,
  ];
  const result = spawnSync(tsc, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`the comparison servers do not compile:\n${result.stdout}${result.stderr}`);
  fs.writeFileSync(path.join(outDir, 'package.json'), '{ "type": "module" }\n');
  return outDir;
}

/** A token PostGraphile's JWT option accepts (HS256, its default audience), valid for a day. */
function postgraphileToken(secret: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ aud: 'postgraphile', sub: 'bench', exp: Math.floor(Date.now() / 1000) + 86400 })}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

async function postmasterPid(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
  const stat = fs.readFileSync(`/proc/${rows[0]!.pid}/stat`, 'utf8');
  await client.end();
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

function requestsFor(target: Target, query: QueryName): Request[] | null {
  if (ONLY_QUERIES && !ONLY_QUERIES.includes(query)) return null;
  if (query === 'bulkSave') return target.kind === 'ours' ? bulkSaveRequests(target.database!.bulk.ids, target.database!.bulk.seats) : null;
  const request = REQUESTS[target.kind][query];
  return request ? [request] : null;
}

async function send(target: Target, request: Request): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (target.token) headers.authorization = `Bearer ${target.token}`;
  const response = await fetch(`${target.process.base}${request.path}`, { method: request.method, headers, body: request.body });
  return { status: response.status, body: await response.json() };
}

/** The answers' rows, whatever each server calls their containers, to check that all servers answer alike. */
function normalise(query: QueryName, body: any): unknown {
  const data = body.data;
  if (query === 'record') {
    const school = data.School ?? data.schoolById ?? data.school;
    const { cityByCityId, city, ...rest } = school;
    return { ...rest, id: String(rest.id), city: { ...(city ?? cityByCityId), id: String((city ?? cityByCityId).id) } };
  }
  if (query === 'nested') {
    const cities = data.allCities?.nodes ?? data.allCities ?? data.cities;
    return cities.map((c: any) => ({
      ...c,
      id: String(c.id),
      schoolsByCityId: undefined,
      schools: (c.schools ?? c.schoolsByCityId.nodes).map((s: any) => ({
        ...s,
        id: String(s.id),
        enrollmentPlansBySchoolId: undefined,
        plans: (s.plans ?? s.enrollmentPlansBySchoolId.nodes).map((p: any) => ({ ...p, id: String(p.id) })),
      })),
    }));
  }
  return data.campaignProgress?.rows ?? data.campaignProgress?.nodes ?? data.rows;
}

/**
 * Where the bulk save's rows stand: the one version they share (each save changes them all) and which
 * of the two bodies (1: seats + 1, 2: seats as loaded) changes them now.
 */
async function bulkState(target: Target): Promise<{ version: number; firstBody: number }> {
  const { ids, seats } = target.database!.bulk;
  const { body } = await send(target, graphql(`{ allEnrollmentPlans(perPage: ${ids.length}, filter: { ids: [${ids.join(',')}] }) { id version seats } }`));
  const rows: Array<{ id: string; version: number; seats: number }> = body.data.allEnrollmentPlans;
  const versions = new Set(rows.map((row) => row.version));
  if (versions.size !== 1) throw new Error(`the bulk save's rows have versions ${[...versions].join(', ')}; expected one`);
  const first = rows.find((row) => Number(row.id) === ids[0])!;
  return { version: first.version, firstBody: first.seats === seats[0] ? 1 : 2 };
}

/** Waits out a save wrk left in flight when it stopped, so the next run reads the rows as they will be met. */
async function savesSettled(target: Target): Promise<void> {
  for (let before = (await bulkState(target)).version; ;) {
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const after = (await bulkState(target)).version;
    if (after === before) return;
    before = after;
  }
}

const withVersion = (request: Request, version: number): Request => ({ ...request, body: request.body?.replaceAll(VERSION_SLOT, String(version)) });

/** Every server answers every query once, without errors and with the same rows as the raw SQL. */
async function checkAnswers(targets: Target[]): Promise<void> {
  for (const query of ['record', 'nested', 'progress', 'bulkSave'] as QueryName[]) {
    let reference: { name: string; rows: unknown } | null = null;
    for (const target of targets) {
      const requests = requestsFor(target, query);
      if (!requests) continue;
      for (const request of requests) {
        const { status, body } = await send(target, query === 'bulkSave' ? withVersion(request, (await bulkState(target)).version) : request);
        if (status !== 200 || body.errors)
          throw new Error(`${target.name} ${query}: HTTP ${status} ${JSON.stringify(body).slice(0, 2000)}\n${target.process.output().slice(-4000)}`);
      }
      if (query === 'bulkSave') continue;
      const { body } = await send(target, requests[0]!);
      const rows = normalise(query, body);
      const json = JSON.stringify(rows);
      console.log(`  ${target.name} ${query}: ${json.length} bytes of rows`);
      if (reference === null) reference = { name: target.name, rows: JSON.parse(json) };
      else if (!isDeepStrictEqual(JSON.parse(json), reference.rows)) throw new Error(`${target.name} answers ${query} differently from ${reference.name}`);
    }
  }
}

async function measure(
  target: Target,
  query: QueryName,
  requests: Request[],
  round: number,
  postmaster: number | null,
  scratchDir: string,
): Promise<Measurement> {
  const connections = query === 'bulkSave' ? SETTINGS.bulkConnections : SETTINGS.connections;
  const options = { connections, threads: SETTINGS.wrkThreads, token: target.token, scratchDir };
  const version = async () => (query === 'bulkSave' ? await bulkState(target) : {});
  // A save takes seconds: it gets a longer window so that each round completes several.
  const seconds = query === 'bulkSave' ? Math.max(SETTINGS.seconds, SETTINGS.bulkSeconds) : SETTINGS.seconds;
  // No warm-up for saves: wrk stops with a save in flight, which would move the rows' version on
  // after the timed run has read it. Each save takes long enough to warm itself.
  if (SETTINGS.warmupSeconds > 0 && query !== 'bulkSave') await runWrk(target.process.base, requests, { ...options, seconds: SETTINGS.warmupSeconds });
  const timedOptions = { ...options, ...(await version()), seconds };
  const cpuBefore = cpuSeconds(target.process.pid);
  const dbBefore = target.onPostgres && postmaster ? postgresCpuSeconds(postmaster) : 0;
  const result = await runWrk(target.process.base, requests, timedOptions);
  const serverCpu = cpuSeconds(target.process.pid) - cpuBefore;
  if (query === 'bulkSave') await savesSettled(target);
  const databaseCpu = target.onPostgres && postmaster ? postgresCpuSeconds(postmaster) - dbBefore : 0;
  const errors = result.connectErrors + result.readErrors + result.writeErrors + result.statusErrors + result.timeouts + result.graphqlErrors;
  const m: Measurement = {
    server: target.name,
    query,
    round,
    requests: result.requests,
    seconds: result.durationUs / 1e6,
    p50Ms: result.p50Us / 1000,
    p99Ms: result.p99Us / 1000,
    errors,
    serverCpu,
    databaseCpu,
    loadAverage: os.loadavg()[0]!,
  };
  console.log(
    `  round ${round} ${target.name.padEnd(16)} ${query.padEnd(9)} ${(m.requests / m.seconds).toFixed(2).padStart(8)} req/s  p50 ${m.p50Ms.toFixed(1)} ms  p99 ${m.p99Ms.toFixed(1)} ms  cpu ${((serverCpu * 1000) / m.requests).toFixed(2)} ms/req  load ${m.loadAverage.toFixed(1)}${errors ? `  ${errors} errors` : ''}`,
  );
  return m;
}

function machine(pgVersion: string, sqliteVersion: string): Record<string, string> {
  const cpus = os.cpus();
  // `wrk --version` prints its version, then its usage, and exits with 1.
  const wrk = spawnSync('wrk', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0]!.split(' Copyright')[0]!;
  return {
    CPU: `${cpus.length} × ${cpus[0]?.model ?? 'unknown'}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    OS: `${os.type()} ${os.release()}`,
    Node: process.version,
    databases: `${pgVersion}, ${sqliteVersion}`,
    'load tool': wrk,
    date: new Date().toISOString(),
    'load average at the end': os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / '),
  };
}

async function main(): Promise<void> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-bench-api-'));
  const jwtSecret = randomBytes(32).toString('hex');
  const cluster = await startPostgresCluster();
  const started: Started[] = [];
  try {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('create database bench');
    await admin.end();
    const pgUrl = cluster.url.replace(/\/postgres$/, '/bench');
    console.log('Generating and loading the province into SQLite and PostgreSQL…');
    const sqlite = await prepareDatabase(`sqlite:${path.join(scratch, 'bench.sqlite')}`, jwtSecret);
    const postgres = await prepareDatabase(pgUrl, jwtSecret);
    console.log(`  loaded in ${sqlite.loadSeconds.toFixed(1)} s (SQLite), ${postgres.loadSeconds.toFixed(1)} s (PostgreSQL)`);
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    await client.query(CAMPAIGN_PROGRESS_FUNCTION);
    await client.end();
    const postmaster = await postmasterPid(pgUrl);
    // Ours runs compiled, as in production (`pnpm build`, then start:production's node arguments); so do the others.
    buildServer();
    const compiled = compileComparisonServers();

    const ours = (database: PreparedDatabase) => ({
      cwd: path.join(root, 'server'),
      env: {
        NODE_ENV: 'production',
        DATABASE_URL: database.url,
        JWT_SECRET: jwtSecret,
        ...TEST_PERSONAL_DATA_KEYS,
        MIGRATE_ON_START: 'false',
        SEED_ON_START: 'false',
        DEMO_DATA: 'false',
        ADMIN_USERNAME: 'bench-admin',
      },
      readyPath: '/ready',
      cpuProfileDir: PROFILE_DIR,
    });
    const comparison = (extra: Record<string, string> = {}) => ({ cwd: compiled, env: { DATABASE_URL: pgUrl, NODE_ENV: 'production', ...extra } });
    const all: Array<[string, () => Promise<Target>]> = [
      [
        'ours-sqlite',
        async () => ({
          name: 'ours-sqlite',
          kind: 'ours',
          onPostgres: false,
          token: sqlite.token,
          database: sqlite,
          process: await startNode('ours-sqlite', productionArgs(), ours(sqlite)),
        }),
      ],
      [
        'ours-postgresql',
        async () => ({
          name: 'ours-postgresql',
          kind: 'ours',
          onPostgres: true,
          token: postgres.token,
          database: postgres,
          process: await startNode('ours-postgresql', productionArgs(), ours(postgres)),
        }),
      ],
      [
        'postgraphile',
        async () => ({
          name: 'postgraphile',
          kind: 'postgraphile',
          onPostgres: true,
          process: await startNode('postgraphile', ['postgraphile-server.js'], { ...comparison(), readyPath: '/graphql' }),
        }),
      ],
      [
        'postgraphile-jwt',
        async () => ({
          name: 'postgraphile-jwt',
          kind: 'postgraphile',
          onPostgres: true,
          token: postgraphileToken(jwtSecret),
          process: await startNode('postgraphile-jwt', ['postgraphile-server.js'], { ...comparison({ JWT_SECRET: jwtSecret }), readyPath: '/graphql' }),
        }),
      ],
      [
        'raw',
        async () => ({
          name: 'raw',
          kind: 'raw',
          onPostgres: true,
          process: await startNode('raw', ['raw-server.js'], { ...comparison(), readyPath: '/school/1' }),
        }),
      ],
      [
        'apollo-http',
        async () => ({
          name: 'apollo-http',
          kind: 'apollo',
          onPostgres: true,
          process: await startNode('apollo-http', ['apollo-server.js'], { ...comparison({ APOLLO_TRANSPORT: 'http' }), readyPath: '/graphql' }),
        }),
      ],
      [
        'apollo-express',
        async () => ({
          name: 'apollo-express',
          kind: 'apollo',
          onPostgres: true,
          process: await startNode('apollo-express', ['apollo-server.js'], { ...comparison({ APOLLO_TRANSPORT: 'express' }), readyPath: '/graphql' }),
        }),
      ],
    ];
    const targets: Target[] = [];
    for (const [name, start] of all) {
      if (ONLY_SERVERS && !ONLY_SERVERS.includes(name)) continue;
      const target = await start();
      started.push(target.process);
      targets.push(target);
    }
    console.log('Checking that every server gives the same answers…');
    await checkAnswers(targets);

    const measurements: Measurement[] = [];
    for (let round = 1; round <= SETTINGS.rounds; round++) {
      for (const query of ['record', 'nested', 'progress', 'bulkSave'] as QueryName[]) {
        // Each round starts with a different server, so none always runs first.
        const order = targets.map((_, i) => targets[(i + round - 1) % targets.length]!);
        for (const target of order) {
          const requests = requestsFor(target, query);
          if (requests) measurements.push(await measure(target, query, requests, round, postmaster, scratch));
        }
      }
    }

    const peakRss = Object.fromEntries(targets.map((t) => [t.name, peakRssMiB(t.process.pid)]));
    const summaries = summarise(measurements).sort((a, b) => Object.keys(QUERY_TITLES).indexOf(a.query) - Object.keys(QUERY_TITLES).indexOf(b.query));
    const report: Report = {
      machine: machine(postgres.engine, sqlite.engine),
      settings: { ...SETTINGS },
      summaries,
      peakRssMiB: peakRss,
      goals: goals(summaries, peakRss),
      measurements,
    };
    console.log(`\n${renderMarkdown(report)}`);
    if (!ONLY_QUERIES && !ONLY_SERVERS) console.log(`\nWritten to ${writeApiReport(path.join(here, '..', 'results'), report).join(', ')}`);
    else console.log('\n(a narrowed run: results not written)');
  } finally {
    await Promise.all(started.map((s) => s.stop()));
    cluster.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  if (PROFILE_DIR) console.log(`CPU profiles of our servers: ${PROFILE_DIR}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
