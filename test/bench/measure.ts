import http from 'node:http';
import type { AddressInfo } from 'node:net';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { MikroORM } from '@mikro-orm/core';
import { randomBytes } from 'node:crypto';
import { createHttpServer } from '../../server/src/http/http-server.js';
import { createApp } from '../../server/src/app.js';
import { ensureFirstAdmin } from '../../server/src/modules/user/first-admin.js';
import { TokenService } from '../../server/src/auth/tokens.js';
import { User } from '../../server/src/modules/user/user.entity.js';
import { BENCH_QUERIES } from './queries.js';
import { BENCH_QUESTIONS } from './questions.js';
import { queryRows } from '../../server/src/read/sql.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

export interface QueryTiming {
  name: string;
  p50: number;
  p95: number;
  /** Heap grown by one run (server and client share the process), in KiB, after a full GC. */
  heapKiB: number;
  responseBytes: number;
  /** For an analyst question: p50 of the same question as hand-written SQL, run straight on the connection. */
  sqlP50?: number;
  /** For an analyst question: p50 of its hand-written SQL asked over HTTP of the plainest server (the yardstick). */
  sqlHttpP50?: number;
}

/**
 * The analyst questions' yardstick: each one's hand-written SQL behind the plainest HTTP endpoint
 * (node:http, the rows as JSON), read through the same `queryRows` as ours, so that the ratio weighs
 * what the GraphQL layer adds and not the transport every answer needs. `POST /` with the question's
 * number as its body.
 */
async function startHandWrittenServer(orm: MikroORM): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const question = BENCH_QUESTIONS[Number(Buffer.concat(chunks).toString())];
      const answer = question ? queryRows(orm.em.fork(), question.sql).then((rows) => ({ data: rows })) : Promise.reject(new Error('no such question'));
      answer.then(
        (body) => {
          const text = JSON.stringify(body);
          response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
          response.end(text);
        },
        (error: Error) => {
          response.writeHead(500, { 'content-type': 'text/plain' });
          response.end(error.message);
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

const urlOf = (server: http.Server, path = '') => `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;

/** Runs of each query before timing: enough for its compiled execution and statements to be made and warm. */
export const WARM_UPS = 10;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** Each analyst query over HTTP against the real app: warm-up runs, then `runs` timed ones. */
export async function measureQueries(orm: MikroORM, runs: number, wanted: (name: string) => boolean = () => true): Promise<QueryTiming[]> {
  // Signed in as the province admin, who sees every row: the analyst's widest scope.
  const tokens = new TokenService(randomBytes(32).toString('hex'), 3600);
  await ensureFirstAdmin(orm, 'bench-admin', `Bench-${randomBytes(12).toString('hex')}`);
  const admin = await orm.em.fork().findOneOrFail(User, { username: 'bench-admin' });
  const { token } = await tokens.issue({ userId: admin.id, tokenVersion: admin.tokenVersion });
  const app = await createApp({ orm, tokens });
  const server = createHttpServer(app.handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = urlOf(server, '/graphql');
  const handWritten = await startHandWrittenServer(orm);
  const askHandWritten = async (question: number) => {
    const response = await fetch(urlOf(handWritten), { method: 'POST', body: String(question) });
    if (!response.ok) throw new Error(await response.text());
    return JSON.parse(await response.text()) as unknown;
  };
  const post = async (query: string) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    const text = await response.text();
    const body = JSON.parse(text) as { errors?: unknown[] };
    if (body.errors) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
    return text.length;
  };
  const timings: QueryTiming[] = [];
  const connection = orm.em.getConnection();
  try {
    const measured: Array<{ name: string; query: string; sql?: string }> = [
      ...BENCH_QUERIES,
      ...BENCH_QUESTIONS.map((q) => ({ ...q, name: `question: ${q.name}` })),
    ].filter(({ name }) => wanted(name));
    for (const { name, query, sql } of measured) {
      const question = sql ? BENCH_QUESTIONS.findIndex((q) => q.sql === sql) : -1;
      // A question's three ways are timed in turn within each run (in a rotating order), so that each
      // meets the same moments of a shared machine and none always follows another.
      const times = { api: [] as number[], onConnection: [] as number[], overHttp: [] as number[] };
      const ways: Array<[number[], () => Promise<unknown>]> = [[times.api, () => post(query)]];
      if (sql) ways.push([times.onConnection, () => connection.execute(sql)], [times.overHttp, () => askHandWritten(question)]);
      for (let i = 0; i < WARM_UPS; i++) for (const [, ask] of ways) await ask();
      gc();
      const before = process.memoryUsage().heapUsed;
      const responseBytes = await post(query);
      const heapKiB = Math.max(0, Math.round((process.memoryUsage().heapUsed - before) / 1024));
      for (let i = 0; i < runs; i++) {
        for (let w = 0; w < ways.length; w++) {
          const [into, ask] = ways[(i + w) % ways.length]!;
          const start = performance.now();
          await ask();
          into.push(performance.now() - start);
        }
      }
      const p = (sample: number[], at: number) =>
        percentile(
          [...sample].sort((a, b) => a - b),
          at,
        );
      const timing: QueryTiming = { name, p50: p(times.api, 50), p95: p(times.api, 95), heapKiB, responseBytes };
      if (sql) {
        timing.sqlP50 = p(times.onConnection, 50);
        timing.sqlHttpP50 = p(times.overHttp, 50);
      }
      timings.push(timing);
    }
  } finally {
    for (const s of [server, handWritten]) {
      s.closeAllConnections();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    }
    await app.stop();
  }
  return timings;
}
