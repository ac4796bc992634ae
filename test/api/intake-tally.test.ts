import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createIntake, createPlan, createProgram, createSchool, firstError, markFiled, versionOf } from '../helpers/fixtures.js';
import { testDatabase } from '../helpers/databases.js';
import { knexOf } from '../../server/src/read/sql.js';

/**
 * intake_tally holds students and intake records per plan line, target group, origin and source, written
 * only by triggers on intake. After every kind of write it must equal the same sums computed from the
 * intake rows.
 */
type Subtotal = [planId: number, targetGroup: string, originCode: string, source: string, students: number, records: number];

let t: TestApp;
let p1: number;
let p2: number;
const GRADUATE = 'JUNIOR_HIGH_GRADUATE';
const PAST = 'JUNIOR_HIGH_PAST';
const HANGZHOU = '330100';
const SICHUAN = '510000';
const REPORTED = 'REPORTED';
const ROSTER = 'ROSTER';

const knex = () => knexOf(t.orm.em.fork());
const rowsOf = (result: any): any[] => (Array.isArray(result) ? result : result.rows);
const sorted = (rows: any[]): Subtotal[] =>
  rows
    .map((r): Subtotal => [Number(r.plan_id), r.target_group, r.origin_code, r.source, Number(r.students), Number(r.records)])
    .sort((a, b) => (a.join('|') < b.join('|') ? -1 : 1));

async function expectTally(expected: Subtotal[]): Promise<void> {
  const tally = sorted(rowsOf(await knex().raw('select plan_id, target_group, origin_code, source, students, records from intake_tally')));
  const recomputed = sorted(
    rowsOf(
      await knex().raw(
        'select plan_id, target_group, origin_code, source, sum(count) as students, count(*) as records from intake group by plan_id, target_group, origin_code, source',
      ),
    ),
  );
  expect(tally).toEqual(recomputed);
  expect(tally).toEqual(expected);
}

const UPDATE = `mutation($id: ID!, $version: Int!, $planId: ID, $count: Int, $targetGroup: TargetGroup, $originCode: String) {
  updateIntake(id: $id, version: $version, planId: $planId, count: $count, targetGroup: $targetGroup, originCode: $originCode) { id }
}`;
const SAVE = `mutation($rows: [IntakeSaveRow!]!) { saveIntakes(rows: $rows) { id count } }`;
const intake = (planId: number, count: number, targetGroup: string, originCode: string) => ({
  planId: String(planId),
  count,
  targetGroup,
  originCode,
  registeredOn: '2025-09-10',
});

beforeAll(async () => {
  t = await createTestApp();
  const school = await createSchool(t, { name: '小计测试杭州技师学院', cityCode: HANGZHOU });
  const full = await createProgram(t, { schoolId: school, majorCode: '0101' });
  const partTime = await createProgram(t, { schoolId: school, majorCode: '0101', studyMode: 'PART_TIME' });
  const plans = [await createPlan(t, { programId: full, year: 2025, seats: 100 }), await createPlan(t, { programId: partTime, year: 2025, seats: 100 })];
  await markFiled(t, plans);
  [p1, p2] = plans.map(Number) as [number, number];
});
afterAll(async () => {
  await t.close();
});

describe('intake_tally follows every write of intake', () => {
  let a: string;
  let b: string;
  let c: string;

  test('starts empty', async () => {
    await expectTally([]);
  });

  test('creates add to their subtotal, or open a new one', async () => {
    a = await createIntake(t, intake(p1, 10, GRADUATE, HANGZHOU));
    b = await createIntake(t, intake(p1, 5, GRADUATE, HANGZHOU));
    c = await createIntake(t, intake(p1, 3, PAST, SICHUAN));
    await expectTally([
      [p1, GRADUATE, HANGZHOU, REPORTED, 15, 2],
      [p1, PAST, SICHUAN, REPORTED, 3, 1],
    ]);
  });

  test('an updated count replaces the old one', async () => {
    await t.ok(UPDATE, { id: a, version: await versionOf(t, 'Intake', a), count: 12 });
    await expectTally([
      [p1, GRADUATE, HANGZHOU, REPORTED, 17, 2],
      [p1, PAST, SICHUAN, REPORTED, 3, 1],
    ]);
  });

  test('a change of plan line, target group or origin moves the students; an emptied subtotal disappears', async () => {
    await t.ok(UPDATE, { id: c, version: await versionOf(t, 'Intake', c), planId: String(p2) });
    await expectTally([
      [p1, GRADUATE, HANGZHOU, REPORTED, 17, 2],
      [p2, PAST, SICHUAN, REPORTED, 3, 1],
    ]);
    await t.ok(UPDATE, { id: b, version: await versionOf(t, 'Intake', b), targetGroup: PAST });
    await expectTally([
      [p1, GRADUATE, HANGZHOU, REPORTED, 12, 1],
      [p1, PAST, HANGZHOU, REPORTED, 5, 1],
      [p2, PAST, SICHUAN, REPORTED, 3, 1],
    ]);
    await t.ok(UPDATE, { id: c, version: await versionOf(t, 'Intake', c), originCode: HANGZHOU, count: 4 });
    await expectTally([
      [p1, GRADUATE, HANGZHOU, REPORTED, 12, 1],
      [p1, PAST, HANGZHOU, REPORTED, 5, 1],
      [p2, PAST, HANGZHOU, REPORTED, 4, 1],
    ]);
  });

  test('a delete subtracts, and the last intake of a subtotal removes it', async () => {
    await t.ok(`mutation($id: ID!, $v: Int!) { deleteIntake(id: $id, version: $v) { id } }`, { id: b, v: await versionOf(t, 'Intake', b) });
    await expectTally([
      [p1, GRADUATE, HANGZHOU, REPORTED, 12, 1],
      [p2, PAST, HANGZHOU, REPORTED, 4, 1],
    ]);
  });

  test('a bulk save creates, updates and deletes in one go', async () => {
    const { saveIntakes } = await t.ok(SAVE, {
      rows: [
        intake(p1, 6, GRADUATE, HANGZHOU),
        intake(p2, 2, GRADUATE, SICHUAN),
        { id: a, version: await versionOf(t, 'Intake', a), count: 20 },
        { id: c, version: await versionOf(t, 'Intake', c), delete: true },
      ],
    });
    expect(saveIntakes.map((r: any) => r.count)).toEqual([6, 2, 20]);
    await expectTally([
      [p1, GRADUATE, HANGZHOU, REPORTED, 26, 2],
      [p2, GRADUATE, SICHUAN, REPORTED, 2, 1],
    ]);
  });

  test('a failed bulk save leaves every subtotal as it was (all or nothing)', async () => {
    const result = await t.gql(SAVE, {
      rows: [intake(p1, 4, PAST, HANGZHOU), { id: a, version: await versionOf(t, 'Intake', a), count: 1 }, intake(p2, 500, GRADUATE, HANGZHOU)],
    });
    // The third row exceeds the plan line's 100 seats (R8); the two rows before it are undone too.
    const error = firstError(result);
    expect(error.extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R8' });
    expect(error.extensions.rows.map((r: any) => r.index)).toEqual([2]);
    await expectTally([
      [p1, GRADUATE, HANGZHOU, REPORTED, 26, 2],
      [p2, GRADUATE, SICHUAN, REPORTED, 2, 1],
    ]);
  });

  test('a plan line that has intakes cannot be deleted through the API; its subtotals stay', async () => {
    const result = await t.gql(`mutation($id: ID!, $v: Int!) { deleteEnrollmentPlan(id: $id, version: $v) { id } }`, {
      id: String(p2),
      v: await versionOf(t, 'EnrollmentPlan', String(p2)),
    });
    // A filed line is locked (R8); were it not, its intakes would still refer to it.
    expect(firstError(result).extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R8' });
    await expectTally([
      [p1, GRADUATE, HANGZHOU, REPORTED, 26, 2],
      [p2, GRADUATE, SICHUAN, REPORTED, 2, 1],
    ]);
  });
});

/** Writes around the API, as a bulk load or a script would make them. */
const now = () => (testDatabase() === 'sqlite' ? Date.now() : new Date());
const insertSql = 'insert into intake (plan_id, count, target_group, origin_code, registered_on, version, created_at, updated_at) values ';

describe('writes outside the API', () => {
  test('a multi-row INSERT with several rows per subtotal (as a bulk load) and a multi-row UPDATE', async () => {
    const rows = [
      [p1, 1, PAST, HANGZHOU],
      [p1, 2, PAST, HANGZHOU],
      [p2, 3, PAST, HANGZHOU],
      [p2, 4, GRADUATE, SICHUAN],
    ];
    await knex().raw(
      insertSql + rows.map(() => '(?, ?, ?, ?, ?, 1, ?, ?)').join(', '),
      rows.flatMap((r) => [...r, '2025-09-10', now(), now()]),
    );
    await expectTally([
      [p1, GRADUATE, HANGZHOU, REPORTED, 26, 2],
      [p1, PAST, HANGZHOU, REPORTED, 3, 2],
      [p2, GRADUATE, SICHUAN, REPORTED, 6, 2],
      [p2, PAST, HANGZHOU, REPORTED, 3, 1],
    ]);
    await knex().raw('update intake set target_group = ?, count = count + 1 where plan_id = ? and target_group = ?', [GRADUATE, p1, PAST]);
    await expectTally([
      [p1, GRADUATE, HANGZHOU, REPORTED, 31, 4],
      [p2, GRADUATE, SICHUAN, REPORTED, 6, 2],
      [p2, PAST, HANGZHOU, REPORTED, 3, 1],
    ]);
  });

  test('deleting a plan line together with its intakes in one transaction leaves no subtotal of it', async () => {
    await knex().transaction(async (trx) => {
      await trx.raw('delete from intake where plan_id = ?', [p2]);
      await trx.raw('delete from enrollment_plan where id = ?', [p2]);
    });
    await expectTally([[p1, GRADUATE, HANGZHOU, REPORTED, 31, 4]]);
  });

  test('a rolled-back transaction rolls back its subtotals', async () => {
    await expect(
      knex().transaction(async (trx) => {
        await trx.raw(insertSql + '(?, 7, ?, ?, ?, 1, ?, ?)', [p1, PAST, SICHUAN, '2025-09-10', now(), now()]);
        await trx.raw('delete from intake where plan_id = ? and target_group = ?', [p1, GRADUATE]);
        throw new Error('abandoned');
      }),
    ).rejects.toThrow('abandoned');
    await expectTally([[p1, GRADUATE, HANGZHOU, REPORTED, 31, 4]]);
  });
});

describe('subtotals by source', () => {
  const bothSources = (): Subtotal[] => [
    [p1, GRADUATE, HANGZHOU, REPORTED, 31, 4],
    [p1, GRADUATE, HANGZHOU, ROSTER, 4, 1],
  ];

  test('a change of source moves the students to the other source’s subtotal (as the demo turns typed counts into rosters)', async () => {
    await knex().raw(insertSql + '(?, 4, ?, ?, ?, 1, ?, ?)', [p1, GRADUATE, HANGZHOU, '2025-09-11', now(), now()]);
    await expectTally([[p1, GRADUATE, HANGZHOU, REPORTED, 35, 5]]);
    await knex().raw('update intake set source = ? where plan_id = ? and registered_on = ?', [ROSTER, p1, '2025-09-11']);
    await expectTally(bothSources());
  });

  const byDatabase = (sqlite: string, postgresql: string) => (testDatabase() === 'sqlite' ? sqlite : postgresql);
  const bySource = () => byDatabase('Migration20261206092006', 'Migration20261206092007');
  const byRecords = () => byDatabase('Migration20261206124500', 'Migration20261206124501');
  const tallyRows = async (columns: string) => rowsOf(await knex().raw(`select ${columns} from intake_tally order by source`));

  test('the migration that adds the count of records rebuilds the subtotals from the intakes, and so does its undoing', async () => {
    const migrator = t.orm.getMigrator();
    await migrator.down({ migrations: [byRecords()] });
    const columns = Object.keys((await tallyRows('*'))[0]);
    expect(columns).not.toContain('records');
    const before = (await tallyRows('source, students')).map((r: any) => [r.source, Number(r.students)]);
    expect(before).toEqual([
      [REPORTED, 31],
      [ROSTER, 4],
    ]);
    // without the count of records, the triggers still keep the students
    await knex().raw('update intake set count = count + 1 where plan_id = ? and source = ?', [p1, ROSTER]);
    expect((await tallyRows('source, students')).map((r: any) => Number(r.students))).toEqual([31, 5]);
    await migrator.up({ migrations: [byRecords()] });
    if (testDatabase() === 'sqlite') {
      // its primary key holds every column: a plan line's subtotals are one range of one B-tree
      const [table] = rowsOf(await knex().raw(`select sql from sqlite_master where name = 'intake_tally'`));
      expect(table.sql).toMatch(/without rowid$/i);
    }
    await expectTally([
      [p1, GRADUATE, HANGZHOU, REPORTED, 31, 4],
      [p1, GRADUATE, HANGZHOU, ROSTER, 5, 1],
    ]);
    await knex().raw('update intake set count = count - 1 where plan_id = ? and source = ?', [p1, ROSTER]);
    await expectTally(bothSources());
  });

  test('the migration that adds the source rebuilds the subtotals from the intakes, and so does its undoing', async () => {
    const migrator = t.orm.getMigrator();
    await migrator.down({ migrations: [byRecords()] });
    await migrator.down({ migrations: [bySource()] });
    const before = rowsOf(await knex().raw('select * from intake_tally')).map((r: any) => [
      Number(r.plan_id),
      r.target_group,
      r.origin_code,
      Number(r.students),
    ]);
    expect(before).toEqual([[p1, GRADUATE, HANGZHOU, 35]]);
    await migrator.up({ migrations: [bySource()] });
    await migrator.up({ migrations: [byRecords()] });
    await expectTally(bothSources());
    // the triggers work on the new key after the rebuild
    await knex().raw('update intake set source = ? where plan_id = ?', [REPORTED, p1]);
    await expectTally([[p1, GRADUATE, HANGZHOU, REPORTED, 35, 5]]);
  });
});
