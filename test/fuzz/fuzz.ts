import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { startServerProcess } from '../helpers/server-process.js';
import { Random, randomOperation, type Operation } from './generate.js';

export interface FuzzOptions {
  seconds: number;
  seed: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** Seed the demo province (more rows for resolvers to meet; slower to start). */
  demo: boolean;
}

export interface FuzzFailure {
  kind: 'status' | 'crash' | 'unlogged' | 'not-json';
  detail: string;
  operation: Operation;
}

export interface FuzzReport {
  options: FuzzOptions;
  requests: number;
  seconds: number;
  statuses: Record<string, number>;
  codes: Record<string, number>;
  /** Unexpected errors the server logged with their request id (bugs to look at, not failures of the run). */
  internal: Array<{ requestId: string; operation: Operation }>;
  failures: FuzzFailure[];
  latencyMs: { p50: number; p95: number; max: number };
}

const ADMIN = { username: 'fuzzer', password: 'Fuzz-the-schema-2026' };

async function call(url: string, operation: Operation, token: string | null): Promise<{ status: number; text: string }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(operation),
    signal: AbortSignal.timeout(30000),
  });
  return { status: response.status, text: await response.text() };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/**
 * Random documents and variables generated from the live schema, sent to a real server on a fresh
 * SQLite file. Fails on any 5xx, a dead server, an answer that is not JSON, or an internal error whose
 * request id the server did not log.
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-fuzz-'));
  const server = await startServerProcess(
    `sqlite:${path.join(dir, 'fuzz.sqlite')}`,
    {
      DEMO_DATA: String(options.demo),
      ADMIN_USERNAME: ADMIN.username,
      ADMIN_PASSWORD: ADMIN.password,
    },
    { readyWithinMs: 300000 },
  );
  const report: FuzzReport = { options, requests: 0, seconds: 0, statuses: {}, codes: {}, internal: [], failures: [], latencyMs: { p50: 0, p95: 0, max: 0 } };
  try {
    const signIn = async () => {
      const login = {
        query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
        variables: { u: ADMIN.username, p: ADMIN.password },
      };
      return (JSON.parse((await call(server.url, login, null)).text) as { data: { login: { token: string } } }).data.login.token;
    };
    let token = await signIn();
    const introspection = JSON.parse((await call(server.url, { query: getIntrospectionQuery(), variables: {} }, token)).text) as { data: IntrospectionQuery };
    const schema = buildClientSchema(introspection.data);
    const random = new Random(options.seed);
    const latencies: number[] = [];
    const started = Date.now();
    const deadline = started + options.seconds * 1000;

    const worker = async () => {
      while (Date.now() < deadline && !report.failures.some((f) => f.kind === 'crash')) {
        const operation = randomOperation(schema, random);
        const anonymous = random.chance(0.1);
        const sent = Date.now();
        let answer: { status: number; text: string };
        try {
          answer = await call(server.url, operation, anonymous ? null : token);
        } catch (error) {
          report.failures.push({ kind: 'crash', detail: `${(error as Error).message}; server exit code ${server.process.exitCode}`, operation });
          return;
        }
        latencies.push(Date.now() - sent);
        report.requests += 1;
        report.statuses[answer.status] = (report.statuses[answer.status] ?? 0) + 1;
        if (answer.status >= 500) report.failures.push({ kind: 'status', detail: `${answer.status}: ${answer.text.slice(0, 300)}`, operation });
        let body: { errors?: Array<{ extensions?: { code?: string; requestId?: string } }> };
        try {
          body = JSON.parse(answer.text);
        } catch {
          report.failures.push({ kind: 'not-json', detail: answer.text.slice(0, 300), operation });
          continue;
        }
        for (const error of body.errors ?? []) {
          const code = error.extensions?.code ?? 'NONE';
          report.codes[code] = (report.codes[code] ?? 0) + 1;
          if (code === 'INTERNAL_SERVER_ERROR') report.internal.push({ requestId: error.extensions?.requestId ?? '', operation });
          // Something the fuzzer sent ended its session (a password change, a deactivation): sign in again.
          if (code === 'UNAUTHENTICATED' && !anonymous && !operation.query.includes('login')) token = await signIn();
        }
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    report.seconds = (Date.now() - started) / 1000;
    const sorted = latencies.sort((a, b) => a - b);
    report.latencyMs = { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), max: sorted.at(-1) ?? 0 };
    // Each internal error must be in the server's log under its request id.
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const { requestId, operation } of report.internal) {
      if (!requestId || !server.output().includes(`[request ${requestId}]`))
        report.failures.push({ kind: 'unlogged', detail: `request id ${requestId || 'missing'}`, operation });
    }
    if (server.process.exitCode !== null)
      report.failures.push({ kind: 'crash', detail: `server exited with ${server.process.exitCode}`, operation: { query: '', variables: {} } });
    return report;
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const table = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([key, n]) => `| ${key} | ${n} |`)
    .join('\n');

/** The figures of a run as Markdown (test/bench/results/fuzz-latest.md). */
export function reportMarkdown(report: FuzzReport, when = new Date()): string {
  const { options: o } = report;
  return `# Fuzz run (\`pnpm fuzz\`)

${when.toISOString()} · seed ${o.seed} · ${o.seconds} s budget · ${o.concurrency} in flight · ${o.demo ? 'demo province' : 'reference data only'} · SQLite

| figure | value |
|---|---|
| requests | ${report.requests} |
| requests per second | ${(report.requests / Math.max(report.seconds, 0.001)).toFixed(1)} |
| latency p50 / p95 / max | ${report.latencyMs.p50} / ${report.latencyMs.p95} / ${report.latencyMs.max} ms |
| internal errors (logged with request id) | ${report.internal.length} |
| failures (5xx, crash, not JSON, unlogged) | ${report.failures.length} |

HTTP statuses:

| status | answers |
|---|---|
${table(report.statuses)}

Error codes:

| code | errors |
|---|---|
${table(report.codes)}
${
  report.internal.length
    ? `\nInternal errors (first 5):\n\n${report.internal
        .slice(0, 5)
        .map((i) => `- \`${i.requestId}\`: \`${i.operation.query.slice(0, 200)}\``)
        .join('\n')}\n`
    : ''
}${
    report.failures.length
      ? `\nFailures (first 10):\n\n${report.failures
          .slice(0, 10)
          .map((f) => `- ${f.kind}: ${f.detail} — \`${f.operation.query.slice(0, 200)}\` ${JSON.stringify(f.operation.variables).slice(0, 200)}`)
          .join('\n')}\n`
      : ''
  }`;
}
