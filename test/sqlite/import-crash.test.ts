import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createPlan, createProgram, createSchool, markFiled } from '../helpers/fixtures.js';
import { createUser } from '../helpers/users.js';
import { rosterRows, runRosterImport } from '../helpers/roster-import.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { importJobRow, studentsOnLine as countStudents, tablesOf } from '../helpers/import-tables.js';

/**
 * kill -9 at any moment of an import leaves all of its rows or none (staged in tables its server's
 * connection takes with it, then moved in by one transaction that also marks it done); a job its
 * server lost is reported interrupted and runs again.
 */

const ROWS = 6000;
let t: TestApp;
let server: ServerProcess;
let headers: Record<string, string>;
let planId: string;

async function post(query: string, variables: Record<string, unknown> = {}): Promise<any> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const db = () => tablesOf(t.orm);
const studentsOnLine = () => countStudents(t.orm, planId);
const rosterSum = async () =>
  Number(
    (
      await db()('intake')
        .where({ plan_id: Number(planId), source: 'ROSTER' })
        .sum({ n: 'count' })
    )[0]!.n ?? 0,
  );
const jobRow = (id: string) => importJobRow(t.orm, id);

/** A job its server lost stays "running" until it has been silent for a while: ages it rather than wait, and sees it interrupted. */
async function age(id: string): Promise<void> {
  await db()('import_job')
    .where({ id: Number(id) })
    .update({ updated_at: Date.now() - 10 * 60 * 1000 });
  expect((await post(`query($id: ID!) { importJob(id: $id) { status written } }`, { id })).importJob).toEqual({ status: 'INTERRUPTED', written: 0 });
}

beforeAll(async () => {
  t = await createTestApp();
  const schoolId = await createSchool(t, { name: '断电测试技工学校', cityCode: '330100', type: 'TECHNICAL_SCHOOL' });
  planId = await createPlan(t, { programId: await createProgram(t, { schoolId, majorCode: '0101' }), year: 2025, seats: ROWS });
  await markFiled(t, [planId]);
  headers = (await t.as(await createUser(t, { username: 'crash.staff', role: 'SCHOOL_STAFF', schoolId }))).headers;
  server = await startServerProcess(t.databaseUrl);
}, 180000);
afterAll(async () => {
  await server?.stop();
  await t?.close();
});

test('kill -9 during an import: all of it or none, and the job runs again', async () => {
  const jobId = await runRosterImport(post, rosterRows(planId, '断电学生', 20000, ROWS));
  // killed while its rows are being staged (some parts committed): none of them is seen afterwards
  let job = await jobRow(jobId);
  for (let i = 0; i < 6000 && !(job.status === 'WRITING' && job.written > 0); i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    job = await jobRow(jobId);
  }
  await server.kill();
  expect(job).toMatchObject({ status: 'WRITING' });
  expect(job.written).toBeGreaterThan(0);
  expect(await studentsOnLine()).toBe(0);
  expect(await rosterSum()).toBe(0);
  server = await startServerProcess(t.databaseUrl);
  await age(jobId);

  let done = false;
  for (const delay of [100, 600, 1200, 2000, 3000]) {
    await post(`mutation($job: ID!) { runImport(job: $job) { id } }`, { job: jobId });
    await new Promise((resolve) => setTimeout(resolve, delay));
    await server.kill();
    const written = await studentsOnLine();
    const status = (await jobRow(jobId)).status;
    // nothing half-written: every student with its roll-up and the job's DONE, or none of it
    expect([0, ROWS]).toContain(written);
    expect(await rosterSum()).toBe(written);
    expect(status === 'DONE').toBe(written === ROWS);
    server = await startServerProcess(t.databaseUrl);
    if (written === ROWS) {
      done = true;
      break;
    }
    await age(jobId);
  }
  if (!done) {
    await post(`mutation($job: ID!) { runImport(job: $job) { id } }`, { job: jobId });
    for (let i = 0; i < 600 && (await jobRow(jobId)).status !== 'DONE'; i++) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect((await jobRow(jobId)).status).toBe('DONE');
  expect(await studentsOnLine()).toBe(ROWS);
  expect(await rosterSum()).toBe(ROWS);
}, 240000);
