import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../helpers/test-app.js';
import { createPlan, createProgram, createSchool, firstError, markFiled } from '../helpers/fixtures.js';
import { createUser } from '../helpers/users.js';
import { idNumber, nthIdNumber } from '../helpers/id-numbers.js';
import { FixedClock } from '../../server/src/common/clock.js';
import { knexOf } from '../../server/src/read/sql.js';

/**
 * Import jobs: rows added in parts, validated as one set (every problem listed by row and field),
 * written in one transaction or not at all; progress, cancelling, and each user's jobs its own.
 */

const clock = new FixedClock('2026-06-15T04:00:00Z');
let t: TestApp;
let staffA: Client;
let staffB: Client;
let analyst: Client;
const ids: Record<string, string> = {};

const JOB = 'id resource status rowCount validated written problemCount message';
const START = `mutation($resource: ImportableResource!) { startImport(resource: $resource) { ${JOB} } }`;
const ADD = `mutation($job: ID!, $rows: [JSONObject!]!) { addImportRows(job: $job, rows: $rows) { ${JOB} } }`;
const RUN = `mutation($job: ID!) { runImport(job: $job) { ${JOB} } }`;
const CANCEL = `mutation($job: ID!) { cancelImport(job: $job) { ${JOB} } }`;
const READ = `query($id: ID!, $limit: Int) { importJob(id: $id) { ${JOB} problems(limit: $limit) { ord code rule field message } } }`;

const student = (planId: string, n: number, extra: Record<string, unknown> = {}) => ({
  planId,
  name: `导入学生${n}`,
  idNumber: nthIdNumber(n),
  targetGroup: 'JUNIOR_HIGH_GRADUATE',
  registeredOn: '2025-09-10',
  ...extra,
});

const count = async (table: string, where: Record<string, unknown> = {}) => Number((await knexOf(t.orm.em.fork())(table).where(where).count({ n: '*' }))[0]!.n);

/** Adds rows in parts of 1,000, as a client must. */
async function importRows(client: Client, resource: string, rows: unknown[]): Promise<string> {
  const job = (await client.ok(START, { resource })).startImport;
  for (let i = 0; i < rows.length; i += 1000) await client.ok(ADD, { job: job.id, rows: rows.slice(i, i + 1000) });
  return job.id;
}

const ENDED = ['DONE', 'FAILED', 'CANCELLED', 'INTERRUPTED'];

async function finished(client: Client, id: string, limit = 100): Promise<any> {
  for (let i = 0; i < 600; i++) {
    const job = (await client.ok(READ, { id, limit })).importJob;
    if (ENDED.includes(job.status)) return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`import ${id} did not end`);
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  ids.schoolA = await createSchool(t, { name: '导入测试杭州技工学校', cityCode: '330100', type: 'TECHNICAL_SCHOOL' });
  ids.schoolB = await createSchool(t, { name: '导入测试宁波技工学校', cityCode: '330200', type: 'TECHNICAL_SCHOOL' });
  const programA = await createProgram(t, { schoolId: ids.schoolA, majorCode: '0101' });
  const programB = await createProgram(t, { schoolId: ids.schoolB, majorCode: '0101' });
  ids.planA = await createPlan(t, { programId: programA, year: 2025, seats: 5000 });
  ids.planB = await createPlan(t, { programId: programB, year: 2025, seats: 100 });
  await markFiled(t, [ids.planA, ids.planB]);
  staffA = await t.as(await createUser(t, { username: 'import.a', role: 'SCHOOL_STAFF', schoolId: ids.schoolA }));
  staffB = await t.as(await createUser(t, { username: 'import.b', role: 'SCHOOL_STAFF', schoolId: ids.schoolB }));
  analyst = await t.as(await createUser(t, { username: 'import.analyst', role: 'ANALYST' }));
}, 120000);
afterAll(async () => {
  await t?.close();
});

describe('a roster larger than one save', () => {
  test('2,500 students in three parts are validated and written at once, with their roll-up and audit', async () => {
    const before = await count('student');
    const auditBefore = await count('audit_entry', { entity_name: 'Student' });
    const rows = Array.from({ length: 2500 }, (_, n) => student(ids.planA!, n));
    const id = await importRows(staffA, 'Student', rows);
    const queued = (await staffA.ok(RUN, { job: id })).runImport;
    expect(queued).toMatchObject({ status: 'QUEUED', rowCount: 2500 });
    const job = await finished(staffA, id);
    expect(job).toMatchObject({ status: 'DONE', rowCount: 2500, validated: 2500, written: 2500, problemCount: 0, problems: [] });
    expect(await count('student')).toBe(before + 2500);
    expect(await count('audit_entry', { entity_name: 'Student' })).toBe(auditBefore + 2500);
    const rolled = await knexOf(t.orm.em.fork())('intake')
      .where({ plan_id: Number(ids.planA), source: 'ROSTER' })
      .sum({ n: 'count' });
    expect(Number(rolled[0]!.n)).toBe(2500);
    // the staged rows are gone once written
    expect(await count('import_row', { job_id: Number(id) })).toBe(0);
  });

  test('bad rows: nothing is written and every row with a problem is listed with its position and field', async () => {
    await staffA.ok(`mutation($rows: [StudentSaveRow!]!) { saveStudents(rows: $rows) { id } }`, { rows: [student(ids.planA!, 3500)] });
    const before = await count('student');
    const rows = [
      student(ids.planA!, 3000),
      student(ids.planA!, 3001, { idNumber: idNumber('330106', '20100315', '123').slice(0, 17) + 'Y' }),
      student(ids.planA!, 3002),
      student(ids.planB!, 3003), // another school's plan line
      student(ids.planA!, 3004, { targetGroup: 'NOT_A_GROUP' }), // not of the input type
      student(ids.planA!, 3002, { name: '重复的人' }), // the same ID number twice in the import
      student(ids.planA!, 3500), // already on the roll
      student(ids.planA!, 3007, { shoeSize: 42 }), // a field the type does not have
    ];
    const id = await importRows(staffA, 'Student', rows);
    await staffA.ok(RUN, { job: id });
    const job = await finished(staffA, id);
    expect(job.status).toBe('FAILED');
    expect(await count('student')).toBe(before);
    const byOrd = Object.fromEntries(job.problems.map((p: any) => [p.ord, p]));
    expect(Object.keys(byOrd).map(Number)).toEqual([1, 3, 4, 5, 6, 7]);
    expect(job.problemCount).toBe(6);
    expect(byOrd[1]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idNumber' });
    expect(byOrd[3].field).toBe('planId');
    expect(byOrd[4]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'targetGroup' });
    expect(byOrd[4].message).toContain('招生对象');
    expect(byOrd[5]).toMatchObject({ rule: 'DOUBLE_REGISTRATION' });
    expect(byOrd[6]).toMatchObject({ rule: 'DOUBLE_REGISTRATION' });
    expect(byOrd[7]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'shoeSize' });
    expect(byOrd[7].message).toContain('没有字段 shoeSize');
  });

  test('problems are read a page at a time, in row order', async () => {
    const rows = Array.from({ length: 30 }, (_, n) => student(ids.planA!, 4000 + n, { targetGroup: 'NOPE' }));
    const id = await importRows(staffA, 'Student', rows);
    await staffA.ok(RUN, { job: id });
    const job = await finished(staffA, id, 10);
    expect(job.problemCount).toBe(30);
    expect(job.problems.map((p: any) => p.ord)).toEqual([...Array(10).keys()]);
    const page = await staffA.ok(`query($id: ID!) { importJob(id: $id) { problems(offset: 25, limit: 10) { ord } } }`, { id });
    expect(page.importJob.problems.map((p: any) => p.ord)).toEqual([25, 26, 27, 28, 29]);
  });
});

describe('a job’s life', () => {
  test('a job cancelled before it runs writes nothing and takes no more rows', async () => {
    const before = await count('student');
    const id = await importRows(staffA, 'Student', [student(ids.planA!, 5000)]);
    expect((await staffA.ok(CANCEL, { job: id })).cancelImport.status).toBe('CANCELLED');
    const added = firstError(await staffA.gql(ADD, { job: id, rows: [student(ids.planA!, 5001)] }));
    expect(added.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'job' });
    const run = firstError(await staffA.gql(RUN, { job: id }));
    expect(run.extensions.field).toBe('job');
    expect(await count('student')).toBe(before);
  });

  test('a finished job cannot be cancelled or run again', async () => {
    const id = await importRows(staffA, 'Student', [student(ids.planA!, 5100)]);
    await staffA.ok(RUN, { job: id });
    expect((await finished(staffA, id)).status).toBe('DONE');
    expect(firstError(await staffA.gql(CANCEL, { job: id })).extensions).toMatchObject({ code: 'CONFLICT', rule: 'IMPORT_STATE' });
    expect(firstError(await staffA.gql(RUN, { job: id })).extensions.field).toBe('job');
  });

  test('a job without rows does not run', async () => {
    const job = (await staffA.ok(START, { resource: 'Student' })).startImport;
    expect(firstError(await staffA.gql(RUN, { job: job.id })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'job' });
    await staffA.ok(CANCEL, { job: job.id });
  });

  test('the user’s own jobs are listed, newest first', async () => {
    const { myImportJobs } = await staffA.ok(`{ myImportJobs { id status } }`);
    expect(myImportJobs.length).toBeGreaterThan(3);
    const numbers = myImportJobs.map((j: any) => Number(j.id));
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    expect((await staffB.ok(`{ myImportJobs { id } }`)).myImportJobs).toEqual([]);
  });
});

describe('scope', () => {
  test('another user neither sees nor feeds nor runs someone’s job', async () => {
    const id = await importRows(staffA, 'Student', [student(ids.planA!, 6000)]);
    expect((await staffB.ok(READ, { id })).importJob).toBeNull();
    for (const operation of [ADD, RUN, CANCEL]) {
      const error = firstError(await staffB.gql(operation, { job: id, rows: [student(ids.planB!, 6001)] }));
      expect(error.extensions.code).toBe('NOT_FOUND');
    }
    expect((await staffA.ok(READ, { id })).importJob.rowCount).toBe(1);
    await staffA.ok(CANCEL, { job: id });
  });

  test('rows of another place fail as they would in a save', async () => {
    const id = await importRows(staffB, 'Student', [student(ids.planA!, 6100)]);
    await staffB.ok(RUN, { job: id });
    const job = await finished(staffB, id);
    expect(job.status).toBe('FAILED');
    expect(job.problems[0]).toMatchObject({ ord: 0, field: 'planId' });
  });

  test('a role that may not write the resource cannot start its import', async () => {
    expect(firstError(await analyst.gql(START, { resource: 'Student' })).extensions.code).toBe('FORBIDDEN');
    expect(firstError(await analyst.gql(START, { resource: 'NoSuchThing' })).extensions.code).toBe('BAD_USER_INPUT');
  });
});
