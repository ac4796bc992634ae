import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../helpers/test-app.js';
import { createPlan, createProgram, createSchool, markFiled } from '../helpers/fixtures.js';
import { createUser } from '../helpers/users.js';
import { rosterRows, runRosterImport } from '../helpers/roster-import.js';
import { importJobRow, studentsOnLine as countStudents, tablesOf } from '../helpers/import-tables.js';

/**
 * On SQLite there is one writer: an import stages its rows in short transactions (common/staged-write.ts)
 * and moves them in with one more, so other users' writes go on between its parts, while readers see
 * none of its rows until all of them are in.
 */

const ROWS = 5000;
let t: TestApp;
let staff: Client;
let planId: string;
let cityId: number;

const db = () => tablesOf(t.orm);
const studentsOnLine = () => countStudents(t.orm, planId);
const jobRow = (id: string) => importJobRow(t.orm, id);

/** Another user's one-row write, in a transaction of its own on the write connection. */
const otherWrite = (n: number) =>
  t.orm.em.fork().transactional(async (tx) => {
    const now = Date.now();
    await tx
      .getConnection()
      .execute(
        `insert into outreach_visit (version, created_at, updated_at, city_id, visited_on, province_code, delegation_lead) values (1, ?, ?, ?, '2026-05-01', '510000', ?)`,
        [now, now, cityId, `导入旁写入${n}`],
        'run',
        tx.getTransactionContext(),
      );
  });

beforeAll(async () => {
  t = await createTestApp();
  const schoolId = await createSchool(t, { name: '并行写入测试技工学校', cityCode: '330100', type: 'TECHNICAL_SCHOOL' });
  planId = await createPlan(t, { programId: await createProgram(t, { schoolId, majorCode: '0101' }), year: 2025, seats: ROWS });
  await markFiled(t, [planId]);
  staff = await t.as(await createUser(t, { username: 'beside.staff', role: 'SCHOOL_STAFF', schoolId }));
  cityId = Number((await db()('city').where({ code: '330100' }).first()).id);
}, 120000);
afterAll(async () => {
  await t?.close();
});

test('other writes commit between the parts of an import; readers see none of it or all of it', async () => {
  const jobId = await runRosterImport((query, variables) => staff.ok(query, variables), rosterRows(planId, '并行学生', 40000, ROWS));

  const seen = new Set<number>();
  let between = 0;
  let writes = 0;
  for (let job = await jobRow(jobId); !['DONE', 'FAILED', 'INTERRUPTED'].includes(job.status); job = await jobRow(jobId)) {
    seen.add(await studentsOnLine());
    if (job.status !== 'WRITING' || job.written === 0) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      continue;
    }
    await otherWrite(writes++);
    // a client's requests come through the event loop; this loop in the server's process must let it turn
    // (the import plans its next slice outside any transaction, in turns of the event loop)
    await new Promise((resolve) => setImmediate(resolve));
    // committed while the import still had rows to write: between its parts, none of them visible yet
    // (the job and the students read in one statement, so both as of one commit)
    const [after] = await db().raw(`select (select status from import_job where id = ?) as status, (select count(*) from student where plan_id = ?) as n`, [
      Number(jobId),
      Number(planId),
    ]);
    if (after.status === 'WRITING') {
      between++;
      expect(Number(after.n)).toBe(0);
    }
  }

  expect((await jobRow(jobId)).status).toBe('DONE');
  expect(between).toBeGreaterThan(0);
  expect([...seen].every((n) => n === 0 || n === ROWS)).toBe(true);
  expect(await studentsOnLine()).toBe(ROWS);
  expect(Number((await db()('outreach_visit').where('delegation_lead', 'like', '导入旁写入%').count({ n: '*' }))[0]!.n)).toBe(writes);
  // each student with its audit entry, under the id it was given before it was staged
  const students = (
    await db()('student')
      .where({ plan_id: Number(planId) })
      .select('id')
  ).map((row) => Number(row.id));
  const entries = await db()('audit_entry').where({ entity_name: 'Student', action: 'CREATE' }).whereIn('entity_id', students).select('entity_id', 'changes');
  expect(entries.map((entry) => Number(entry.entity_id)).sort((a, b) => a - b)).toEqual(students.sort((a, b) => a - b));
  expect(entries.every((entry) => JSON.parse(entry.changes).plan[1] === Number(planId))).toBe(true);
  // nothing of the staging is left on the write connection
  const staged = await t.orm.em.getConnection('write').execute(`select name from temp.sqlite_master where name like 'staged_%'`);
  expect(staged).toEqual([]);
}, 180000);
