import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../helpers/test-app.js';
import { cityId, createPlan, createProgram, createSchool, firstError, markFiled, versionOf } from '../helpers/fixtures.js';
import { cityAdmin, provinceAdmin } from '../helpers/authorities.js';
import { createUser } from '../helpers/users.js';
import { testDatabase } from '../helpers/databases.js';
import { FixedClock } from '../../server/src/common/clock.js';
import { knexOf } from '../../server/src/read/sql.js';
import { checkCharacter, idNumber } from '../helpers/id-numbers.js';

/**
 * 学籍: ID numbers checked and derived from, personal data masked by role and encrypted at rest,
 * double registration refused, and intakes rolled up from the roster in the same transaction.
 */

const withWrongCheck = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');

const clock = new FixedClock('2026-06-15T04:00:00Z');
let t: TestApp;
const ids: Record<string, string> = {};
let province: Client;
let hangzhou: Client;
let ningbo: Client;
let staffA: Client;
let staffB: Client;
let staffC: Client;
let analyst: Client;
let service: Client;

const ZHANG = idNumber('330106', '20100315', '123'); // male (3 is odd), Hangzhou 西湖区
const LI = idNumber('510102', '20091120', '456'); // female, 成都

const CREATE = `mutation($planId: ID!, $name: String!, $idNumber: String, $birthDate: LocalDate, $sex: Sex, $targetGroup: TargetGroup!, $originCode: String, $registeredOn: LocalDate!) {
  createStudent(planId: $planId, name: $name, idNumber: $idNumber, birthDate: $birthDate, sex: $sex, targetGroup: $targetGroup, originCode: $originCode, registeredOn: $registeredOn) {
    id name idNumber birthDate sex originCode status statusOn schoolId version
  }
}`;
const SAVE = `mutation($rows: [StudentSaveRow!]!) { saveStudents(rows: $rows) { id } }`;
const READ = `query($id: ID!) { Student(id: $id) { id name idNumber birthDate sex originCode } }`;
const student = (planId: string | undefined, name: string, id: string, extra: Record<string, unknown> = {}) => ({
  planId,
  name,
  idNumber: id,
  targetGroup: 'JUNIOR_HIGH_GRADUATE',
  registeredOn: '2025-09-10',
  ...extra,
});

const knex = () => knexOf(t.orm.em.fork());
const rowsOf = (result: any): any[] => (Array.isArray(result) ? result : result.rows);

beforeAll(async () => {
  t = await createTestApp({ clock });
  ids.hangzhou = await cityId(t, '330100');
  ids.ningbo = await cityId(t, '330200');
  ids.schoolA = await createSchool(t, { name: '学籍测试杭州技工学校', cityCode: '330100', type: 'TECHNICAL_SCHOOL' });
  ids.schoolC = await createSchool(t, { name: '学籍测试杭州第二技工学校', cityCode: '330100', type: 'TECHNICAL_SCHOOL' });
  ids.schoolB = await createSchool(t, { name: '学籍测试宁波技工学校', cityCode: '330200', type: 'TECHNICAL_SCHOOL' });
  const programA = await createProgram(t, { schoolId: ids.schoolA, majorCode: '0101' });
  const programB = await createProgram(t, { schoolId: ids.schoolB, majorCode: '0101' });
  ids.planA = await createPlan(t, { programId: programA, year: 2025, seats: 6 });
  ids.planB = await createPlan(t, { programId: programB, year: 2025, seats: 10 });
  ids.draftA = await createPlan(t, { programId: programA, year: 2026, seats: 10 });
  await markFiled(t, [ids.planA, ids.planB]);
  province = await provinceAdmin(t);
  hangzhou = await cityAdmin(t, ids.hangzhou);
  ningbo = await cityAdmin(t, ids.ningbo);
  const staff = async (name: string, schoolId: string) => t.as(await createUser(t, { username: name, role: 'SCHOOL_STAFF', schoolId }));
  staffA = await staff('roll.a', ids.schoolA);
  staffB = await staff('roll.b', ids.schoolB);
  staffC = await staff('roll.c', ids.schoolC);
  analyst = await t.as(await createUser(t, { username: 'roll.analyst', role: 'ANALYST' }));
  service = await t.as(await createUser(t, { username: 'roll.service', role: 'SERVICE' }));
}, 120000);
afterAll(async () => {
  await t?.close();
});

describe('ID numbers (GB 11643)', () => {
  test('a school registers a student: birth date, sex and origin come from the ID number', async () => {
    const created = (await staffA.ok(CREATE, student(ids.planA, ' 张三 ', ZHANG.toLowerCase()))).createStudent;
    expect(created).toMatchObject({
      name: '张三',
      idNumber: ZHANG,
      birthDate: '2010-03-15',
      sex: 'MALE',
      originCode: '330100',
      status: 'ENROLLED',
      statusOn: '2025-09-10',
    });
    expect(created.schoolId).toBe(ids.schoolA);
    ids.zhang = created.id;
  });

  test('the standard example 11010519491231002X checks; one wrong character does not', async () => {
    expect(checkCharacter('11010519491231002')).toBe('X');
    const wrong = firstError(await staffA.gql(CREATE, student(ids.planA, '王五', '110105194912310021')));
    expect(wrong.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idNumber' });
    expect(wrong.extensions.messageZh).toContain('校验码应为 X');
  });

  test.each([
    ['17 characters', ZHANG.slice(0, 17)],
    ['letters', 'ABCDEFGHIJKLMNOPQR'],
    ['a region in no province', idNumber('990106', '20100315', '123')],
    ['30 February', idNumber('330106', '20100230', '123')],
    ['a wrong check character', withWrongCheck(ZHANG)],
  ])('%s is refused and nothing is saved', async (_label, id) => {
    const before = await t.ok('{ _allStudentsMeta { count } }');
    const error = firstError(await staffA.gql(CREATE, student(ids.planA, '王五', id)));
    expect(error.extensions.field).toBe('idNumber');
    expect(await t.ok('{ _allStudentsMeta { count } }')).toEqual(before);
  });

  test('an entered birth date or sex must agree with the ID number; every problem of the row is named', async () => {
    const error = firstError(await staffA.gql(CREATE, student(ids.planA, '王五', LI, { birthDate: '2009-11-21', sex: 'MALE', registeredOn: '2026-01-01' })));
    expect(error.extensions.field).toBe('birthDate');
    expect(error.extensions.problems.map((p: { field: string }) => p.field)).toEqual(['birthDate', 'sex', 'registeredOn']);
    expect(error.extensions.messageZh).toContain('2009-11-20');
    expect(error.extensions.messageZh).toContain('2025-10-31');
  });

  test('R7 applies to the ID’s origin: a Hangzhou school may not take a 宁波 student unless the origin is corrected', async () => {
    const ningboId = idNumber('330203', '20100101', '222');
    expect(firstError(await staffA.gql(CREATE, student(ids.planA, '赵六', ningboId))).extensions).toMatchObject({ rule: 'R7', field: 'originCode' });
    // living in Hangzhou (户籍 elsewhere): the school corrects the origin
    const created = (await staffA.ok(CREATE, student(ids.planA, '赵六', ningboId, { originCode: '330100' }))).createStudent;
    expect(created.originCode).toBe('330100');
    ids.zhao = created.id;
  });

  test('too young for the entry basis, a draft line, or a date outside R9 are refused', async () => {
    expect(firstError(await staffA.gql(CREATE, student(ids.planA, '钱七', idNumber('330106', '20150101', '333')))).extensions.rule).toBe('AGE');
    expect(firstError(await staffA.gql(CREATE, student(ids.draftA, '钱七', idNumber('330106', '20100101', '333')))).extensions.rule).toBe('R6');
    expect(
      firstError(await staffA.gql(CREATE, student(ids.planA, '钱七', idNumber('330106', '20100101', '333'), { registeredOn: '2025-03-01' }))).extensions.rule,
    ).toBe('R9');
  });
});

describe('every role’s view of a student', () => {
  test('the province and the student’s school read it whole', async () => {
    for (const client of [province, staffA]) {
      expect((await client.ok(READ, { id: ids.zhang })).Student).toEqual({
        id: ids.zhang,
        name: '张三',
        idNumber: ZHANG,
        birthDate: '2010-03-15',
        sex: 'MALE',
        originCode: '330100',
      });
    }
  });

  test('the city bureau reads it masked: 张*, region and last four, no birth date', async () => {
    const masked = `330106********${ZHANG.slice(14)}`;
    expect((await hangzhou.ok(READ, { id: ids.zhang })).Student).toEqual({
      id: ids.zhang,
      name: '张*',
      idNumber: masked,
      birthDate: null,
      sex: 'MALE',
      originCode: '330100',
    });
    const list = (await hangzhou.ok('{ allStudents { id name idNumber } }')).allStudents;
    expect(list).toContainEqual({ id: ids.zhang, name: '张*', idNumber: masked });
    expect(JSON.stringify(list)).not.toContain(ZHANG);
  });

  test('another city and another school see nothing; analysts and outside systems read no student rows', async () => {
    expect((await ningbo.ok(READ, { id: ids.zhang })).Student).toBeNull();
    expect((await staffC.ok(READ, { id: ids.zhang })).Student).toBeNull();
    expect((await staffC.ok('{ allStudents { id } }')).allStudents).toEqual([]);
    for (const client of [analyst, service]) {
      expect(firstError(await client.gql(READ, { id: ids.zhang })).extensions.code).toBe('FORBIDDEN');
      expect(firstError(await client.gql('{ allStudents { id } }')).extensions.code).toBe('FORBIDDEN');
    }
  });

  test('names, ID numbers and birth dates cannot be filtered, sorted or searched (no guessing by asking)', async () => {
    for (const query of [
      `{ allStudents(filter: { idNumber: "${ZHANG}" }) { id } }`,
      `{ allStudents(filter: { name: "张三" }) { id } }`,
      `{ allStudents(filter: { birthDate_gte: "2010-03-15" }) { id } }`,
      `{ allStudents(where: { name: { eq: "张三" } }) { id } }`,
      `{ allStudents(sortField: "name") { id } }`,
      `{ allStudents(sortField: "birthDate") { id } }`,
    ]) {
      expect((await hangzhou.gql(query)).errors?.length).toBeGreaterThan(0);
    }
    expect((await hangzhou.ok(`{ allStudents(filter: { q: "张三" }) { id } }`)).allStudents).toEqual([]);
  });

  test('the city bureau opens one record in full; the opening is an audit entry; another city opens nothing', async () => {
    const revealed = (await hangzhou.ok(`query($id: ID!) { revealStudent(id: $id) { id name idNumber birthDate } }`, { id: ids.zhang })).revealStudent;
    expect(revealed).toEqual({ id: ids.zhang, name: '张三', idNumber: ZHANG, birthDate: '2010-03-15' });
    expect((await ningbo.ok(`query($id: ID!) { revealStudent(id: $id) { id } }`, { id: ids.zhang })).revealStudent).toBeNull();
    expect(firstError(await analyst.gql(`query($id: ID!) { revealStudent(id: $id) { id } }`, { id: ids.zhang })).extensions.code).toBe('FORBIDDEN');
    const entries = (
      await province.ok(`query($id: Int) { allAuditEntries(filter: { entityName: "StudentReveal", entityId: $id }) { actorName cityId changes } }`, {
        id: Number(ids.zhang),
      })
    ).allAuditEntries;
    expect(entries).toEqual([
      { actorName: `bureau.${ids.hangzhou}`, cityId: Number(ids.hangzhou), changes: expect.objectContaining({ studentId: [null, Number(ids.zhang)] }) },
    ]);
    // the city bureau finds its own openings in its audit trail
    expect((await hangzhou.ok(`{ allAuditEntries(filter: { entityName: "StudentReveal" }) { entityId } }`)).allAuditEntries).toHaveLength(1);
  });

  test('the audit trail of writes keeps no name or ID number', async () => {
    const entries = (
      await hangzhou.ok(`query($id: Int) { allAuditEntries(filter: { entityName: "Student", entityId: $id }) { changes } }`, { id: Number(ids.zhang) })
    ).allAuditEntries;
    expect(entries.length).toBeGreaterThan(0);
    const text = JSON.stringify(entries);
    expect(text).not.toContain('张三');
    expect(text).not.toContain(ZHANG);
    expect(text).not.toContain('2010-03-15');
  });
});

describe('double registration (双重学籍)', () => {
  test('the same ID number on the roll of another school is refused; the other school is named only to those who may see it', async () => {
    const asNingboStaff = firstError(await staffB.gql(CREATE, student(ids.planB, '张三', ZHANG, { originCode: '330200' })));
    expect(asNingboStaff.extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'DOUBLE_REGISTRATION', field: 'idNumber' });
    expect(asNingboStaff.extensions.messageZh).not.toContain('学籍测试杭州技工学校');
    expect(asNingboStaff.extensions.messageZh).toContain('省内其他院校');
    const asProvince = firstError(await province.gql(CREATE, student(ids.planB, '张三', ZHANG, { originCode: '330200' })));
    expect(asProvince.extensions.messageZh).toContain('学籍测试杭州技工学校');
    expect((await province.ok(`query($s: ID) { _allStudentsMeta(filter: { schoolId: $s }) { count } }`, { s: ids.schoolB }))._allStudentsMeta.count).toBe(0);
  });

  test('once withdrawn, the ID number may register elsewhere; returning to the roll then is refused', async () => {
    await staffA.ok(`mutation($id: ID!, $v: Int!) { changeStudentStatus(id: $id, to: SUSPENDED, version: $v, on: "2026-03-01") { status } }`, {
      id: ids.zhang,
      v: await versionOf(staffA, 'Student', ids.zhang),
    });
    // suspended is still on the roll
    expect(firstError(await staffB.gql(CREATE, student(ids.planB, '张三', ZHANG, { originCode: '330200' }))).extensions.rule).toBe('DOUBLE_REGISTRATION');
    const moved = await staffA.ok(
      `mutation($id: ID!, $v: Int!) { changeStudentStatus(id: $id, to: WITHDRAWN, version: $v, on: "2026-04-01") { status statusOn statusHistory { status on } } }`,
      {
        id: ids.zhang,
        v: await versionOf(staffA, 'Student', ids.zhang),
      },
    );
    expect(moved.changeStudentStatus).toEqual({
      status: 'WITHDRAWN',
      statusOn: '2026-04-01',
      statusHistory: [
        { status: 'ENROLLED', on: '2025-09-10' },
        { status: 'SUSPENDED', on: '2026-03-01' },
        { status: 'WITHDRAWN', on: '2026-04-01' },
      ],
    });
    ids.zhangB = (await staffB.ok(CREATE, student(ids.planB, '张三', ZHANG, { originCode: '330200' }))).createStudent.id;
    const back = await staffA.gql(`mutation($id: ID!, $v: Int!) { changeStudentStatus(id: $id, to: ENROLLED, version: $v) { status } }`, {
      id: ids.zhang,
      v: await versionOf(staffA, 'Student', ids.zhang),
    });
    expect(firstError(back).extensions.rule).toBe('STUDENT_STATUS');
  });

  test('status moves: no move out of an ended record, no date before the last step or after today, a foreign row is FORBIDDEN', async () => {
    const move = (client: Client, id: string | undefined, to: string, version: number, on?: string) =>
      client.gql(`mutation($id: ID!, $to: StudentStatus!, $v: Int!, $on: LocalDate) { changeStudentStatus(id: $id, to: $to, version: $v, on: $on) { id } }`, {
        id,
        to,
        v: version,
        on,
      });
    const version = await versionOf(staffB, 'Student', ids.zhangB);
    expect(firstError(await move(staffB, ids.zhangB, 'SUSPENDED', version, '2025-09-01')).extensions.field).toBe('on');
    expect(firstError(await move(staffB, ids.zhangB, 'SUSPENDED', version, '2026-06-16')).extensions.field).toBe('on');
    expect(firstError(await move(staffB, ids.zhangB, 'SUSPENDED', version + 5)).extensions.code).toBe('CONFLICT');
    expect(firstError(await move(staffA, ids.zhangB, 'SUSPENDED', version)).extensions.code).toBe('FORBIDDEN');
    expect(firstError(await move(hangzhou, ids.zhangB, 'SUSPENDED', version)).extensions.code).toBe('FORBIDDEN');
    expect(firstError(await move(staffA, '99999999', 'SUSPENDED', version)).extensions.code).toBe('FORBIDDEN');
  });

  test('duplicates entered before the check are listed for the province only', async () => {
    // Two rows on the roll with one ID number, written around the API (as data entered before the check was).
    const [row] = rowsOf(await knex().raw('select * from student where id = ?', [Number(ids.zhangB)]));
    const { id: _id, ...copy } = row;
    const history = typeof copy.status_history === 'string' ? copy.status_history : JSON.stringify(copy.status_history);
    await knex()('student').insert({ ...copy, status_history: history, school_id: Number(ids.schoolA), plan_id: Number(ids.planA) });
    const report = (await province.ok('{ duplicateStudents { count students { id school { name } idNumber } } }')).duplicateStudents;
    expect(report).toHaveLength(1);
    expect(report[0].count).toBe(2);
    expect(report[0].students.map((s: { school: { name: string } }) => s.school.name).sort()).toEqual(['学籍测试宁波技工学校', '学籍测试杭州技工学校']);
    expect(report[0].students.every((s: { idNumber: string }) => s.idNumber === ZHANG)).toBe(true);
    for (const client of [hangzhou, staffA, analyst]) expect(firstError(await client.gql('{ duplicateStudents { count } }')).extensions.code).toBe('FORBIDDEN');
    expect(firstError(await province.gql('{ duplicateStudents(limit: 100000) { count } }')).extensions.field).toBe('limit');
    await knex()('student')
      .where({ school_id: Number(ids.schoolA), id_hash: row.id_hash, status: 'ENROLLED' })
      .delete();
    expect(await province.ok('{ duplicateStudents { count } }')).toEqual({ duplicateStudents: [] });
  });
});

describe('roster import through saveStudents', () => {
  test('a roster with bad rows saves nothing and names every bad row', async () => {
    const before = (await province.ok('{ _allStudentsMeta { count } }'))._allStudentsMeta.count;
    const rows = [
      student(ids.planB, '孙一', idNumber('330203', '20100505', '101')),
      student(ids.planB, '孙二', withWrongCheck(idNumber('330203', '20100505', '102'))),
      student(ids.planB, '孙三', idNumber('330203', '20100505', '103'), { registeredOn: '2025-11-01' }),
      student(ids.planB, '', idNumber('330203', '20100505', '104')),
      student(ids.planB, '孙五', idNumber('330203', '20100505', '101')),
    ];
    const error = firstError(await staffB.gql(SAVE, { rows }));
    expect(error.extensions.rows.map((r: { index: number; field: string }) => [r.index, r.field])).toEqual([
      [1, 'idNumber'],
      [2, 'registeredOn'],
      [3, 'name'],
      [4, 'idNumber'],
    ]);
    expect(error.extensions.rows[3].message).toContain('学籍测试宁波技工学校');
    expect((await province.ok('{ _allStudentsMeta { count } }'))._allStudentsMeta.count).toBe(before);
  });

  test('a good roster saves whole, within the line’s seats (R8)', async () => {
    const rows = [1, 2, 3, 4, 5].map((i) =>
      student(ids.planB, `周${'一二三四五'[i - 1]}`, idNumber('330203', '20100601', `20${i}`), { registeredOn: `2025-09-1${i}` }),
    );
    expect((await staffB.ok(SAVE, { rows })).saveStudents).toHaveLength(5);
    // 10 seats, 6 taken now: five more exceed them, and none is saved
    const more = [1, 2, 3, 4, 5].map((i) => student(ids.planB, `吴${i}`, idNumber('330203', '20100701', `30${i}`)));
    const error = firstError(await staffB.gql(SAVE, { rows: more }));
    expect(error.extensions.rows.map((r: { index: number; rule: string }) => [r.index, r.rule])).toEqual([[4, 'R8']]);
  });
});

describe('intakes are derived from the roster', () => {
  const sums = async (source: string) =>
    rowsOf(await knex().raw(source))
      .map((r: any) => [Number(r.plan_id), r.target_group, r.origin_code, Number(r.n)].join('|'))
      .sort();

  test('every student counts once in a ROSTER intake; subtotals and figures equal the roster', async () => {
    const fromStudents = await sums('select plan_id, target_group, origin_code, count(*) as n from student group by plan_id, target_group, origin_code');
    const fromIntakes = await sums(
      `select plan_id, target_group, origin_code, sum(count) as n from intake where source = 'ROSTER' group by plan_id, target_group, origin_code`,
    );
    const fromTally = await sums('select plan_id, target_group, origin_code, students as n from intake_tally');
    expect(fromIntakes).toEqual(fromStudents);
    expect(fromTally).toEqual(fromStudents);
    expect(fromStudents.length).toBeGreaterThan(0);
  });

  test('ROSTER intakes are written only through students', async () => {
    const [intake] = (await staffB.ok(`query($p: ID) { allIntakes(filter: { planId: $p }) { id version source count } }`, { p: ids.planB })).allIntakes;
    expect(intake.source).toBe('ROSTER');
    const update = await staffB.gql(`mutation($id: ID!, $v: Int!) { updateIntake(id: $id, version: $v, count: 9) { id } }`, {
      id: intake.id,
      v: intake.version,
    });
    expect(firstError(update).extensions.rule).toBe('ROSTER');
    const remove = await staffB.gql(`mutation($id: ID!, $v: Int!) { deleteIntake(id: $id, version: $v) { id } }`, { id: intake.id, v: intake.version });
    expect(firstError(remove).extensions.rule).toBe('ROSTER');
  });

  test('moving a student to another target group and deleting one move the counts with them', async () => {
    const [first] = (await staffB.ok(`query($p: ID) { allStudents(filter: { planId: $p }, sortField: "id") { id version } }`, { p: ids.planB })).allStudents;
    await staffB.ok(`mutation($id: ID!, $v: Int!) { updateStudent(id: $id, version: $v, targetGroup: JUNIOR_HIGH_PAST) { id } }`, {
      id: first.id,
      v: first.version,
    });
    const byGroup = async () =>
      Object.fromEntries(
        (await staffB.ok(`query($p: ID) { allIntakes(filter: { planId: $p }) { targetGroup count } }`, { p: ids.planB })).allIntakes.map((i: any) => [
          `${i.targetGroup}`,
          i.count,
        ]),
      );
    const after = await byGroup();
    expect(after.JUNIOR_HIGH_PAST).toBe(1);
    await staffB.ok(`mutation($id: ID!, $v: Int!) { deleteStudent(id: $id, version: $v) { id } }`, {
      id: first.id,
      v: await versionOf(staffB, 'Student', first.id),
    });
    expect((await byGroup()).JUNIOR_HIGH_PAST).toBeUndefined();
  });
});

describe('encryption at rest', () => {
  test('the database holds no plain ID number, and the hash is not the bare SHA-256 of it', async () => {
    const rows = rowsOf(await knex().raw('select * from student'));
    expect(rows.length).toBeGreaterThan(0);
    const text = JSON.stringify(rows);
    expect(text).not.toContain(ZHANG);
    expect(text).not.toContain(ZHANG.slice(6, 14) + ZHANG.slice(14, 17));
    const { createHash } = await import('node:crypto');
    expect(text).not.toContain(createHash('sha256').update(ZHANG).digest('hex'));
    if (testDatabase() === 'sqlite') {
      await knex().raw('pragma wal_checkpoint(TRUNCATE)');
      const file = t.databaseUrl.replace(/^sqlite:/, '');
      for (const path of [file, `${file}-wal`].filter((p) => fs.existsSync(p))) {
        const bytes = fs.readFileSync(path);
        expect(bytes.includes(Buffer.from(ZHANG))).toBe(false);
        expect(bytes.includes(Buffer.from(LI))).toBe(false);
      }
    }
  });
});

describe('hostile input', () => {
  test('a huge ID number, a huge roster, foreign plan lines and malformed ids are refused without a change', async () => {
    const before = (await province.ok('{ _allStudentsMeta { count } }'))._allStudentsMeta.count;
    expect(firstError(await staffA.gql(CREATE, student(ids.planA, '王五', '3'.repeat(100000)))).extensions.field).toBe('idNumber');
    expect(firstError(await staffA.gql(CREATE, student(ids.planA, '王'.repeat(10000), idNumber('330106', '20100101', '999')))).extensions.field).toBe('name');
    const many = Array.from({ length: 1001 }, () => student(ids.planA, '王五', ZHANG));
    expect(firstError(await staffA.gql(SAVE, { rows: many })).extensions.rule).toBe('ROW_LIMIT');
    expect(firstError(await staffA.gql(CREATE, student(ids.planB, '王五', idNumber('330203', '20100101', '999')))).extensions.code).toBe('FORBIDDEN');
    expect(firstError(await hangzhou.gql(CREATE, student(ids.planB, '王五', idNumber('330203', '20100101', '999')))).extensions.code).toBe('FORBIDDEN');
    expect(firstError(await staffA.gql(`{ revealStudent(id: "${'9'.repeat(5000)}") { id } }`)).extensions.code).toBe('BAD_USER_INPUT');
    expect((await province.ok('{ _allStudentsMeta { count } }'))._allStudentsMeta.count).toBe(before);
  });
});
