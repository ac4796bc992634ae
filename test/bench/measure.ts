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
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** Each analyst query over HTTP against the real app: warm-up runs, then `runs` timed ones. */
export async function measureQueries(orm: MikroORM, runs: number): Promise<QueryTiming[]> {
  // Signed in as the province admin, who sees every row: the analyst's widest scope.
  const tokens = new TokenService(randomBytes(32).toString('hex'), 3600);
  await ensureFirstAdmin(orm, 'bench-admin', `Bench-${randomBytes(12).toString('hex')}`);
  const admin = await orm.em.fork().findOneOrFail(User, { username: 'bench-admin' });
  const { token } = await tokens.issue({ userId: admin.id, tokenVersion: admin.tokenVersion });
  const app = await createApp({ orm, tokens });
  const server = createHttpServer(app.handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
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
    ];
    for (const { name, query, sql } of measured) {
      for (let i = 0; i < 3; i++) await post(query);
      gc();
      const before = process.memoryUsage().heapUsed;
      const responseBytes = await post(query);
      const heapKiB = Math.max(0, Math.round((process.memoryUsage().heapUsed - before) / 1024));
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        await post(query);
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      const timing: QueryTiming = { name, p50: percentile(times, 50), p95: percentile(times, 95), heapKiB, responseBytes };
      if (sql) {
        for (let i = 0; i < 3; i++) await connection.execute(sql);
        const sqlTimes: number[] = [];
        for (let i = 0; i < runs; i++) {
          const start = performance.now();
          await connection.execute(sql);
          sqlTimes.push(performance.now() - start);
        }
        timing.sqlP50 = percentile(
          sqlTimes.sort((a, b) => a - b),
          50,
        );
      }
      timings.push(timing);
    }
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await app.stop();
  }
  return timings;
}
