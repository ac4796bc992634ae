import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../helpers/test-app.js';
import { cityId, createPlan, createProgram, createSchool, firstError, markFiled, versionOf } from '../helpers/fixtures.js';
import { cityAdmin, provinceAdmin } from '../helpers/authorities.js';
import { createUser } from '../helpers/users.js';
import { FixedClock } from '../../server/src/common/clock.js';
import { knexOf } from '../../server/src/read/sql.js';
import { idNumber } from '../helpers/id-numbers.js';

/**
 * What rosters make possible: the joint check against external rolls (联合核查), the in-school
 * population with its 2020 base (翻一番), exits over time, and analyst figures that count students.
 */

const clock = new FixedClock('2026-06-15T04:00:00Z');
let t: TestApp;
const ids: Record<string, string> = {};
let province: Client;
let hangzhou: Client;
let ningbo: Client;
let staffA: Client;
let staffB: Client;
let analyst: Client;

const ON_BOTH_ROLLS = idNumber('330106', '20100101', '011');
const HANGZHOU_IDS = [ON_BOTH_ROLLS, idNumber('330106', '20100102', '021'), idNumber('330106', '20100103', '031')];
const NINGBO_IDS = [idNumber('330203', '20100104', '041'), idNumber('330203', '20100105', '051')];
const NOBODY = idNumber('330106', '20100106', '061');

const UPLOAD = `mutation($kind: ExternalRosterKind!, $label: String!, $ids: [String!]!) {
  uploadExternalRoster(kind: $kind, label: $label, idNumbers: $ids) { matched roster { id kind label entries uploadedOn } }
}`;
const CASES = `{ allJointCheckCases { id status note schoolId version student { id name idNumber } } }`;
const knex = () => knexOf(t.orm.em.fork());
const rowsOf = (result: any): any[] => (Array.isArray(result) ? result : result.rows);

async function register(client: Client, planId: string, name: string, id: string, registeredOn: string): Promise<string> {
  const data = await client.ok(
    `mutation($p: ID!, $n: String!, $i: String!, $r: LocalDate!) { createStudent(planId: $p, name: $n, idNumber: $i, targetGroup: JUNIOR_HIGH_GRADUATE, registeredOn: $r) { id } }`,
    { p: planId, n: name, i: id, r: registeredOn },
  );
  return data.createStudent.id;
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  ids.hangzhou = await cityId(t, '330100');
  ids.ningbo = await cityId(t, '330200');
  ids.schoolA = await createSchool(t, { name: '名册测试杭州技工学校', cityCode: '330100', type: 'SENIOR_TECHNICAL_SCHOOL' });
  ids.schoolB = await createSchool(t, { name: '名册测试宁波技工学校', cityCode: '330200', type: 'TECHNICAL_SCHOOL' });
  const programA = await createProgram(t, { schoolId: ids.schoolA, majorCode: '0101' });
  const advancedA = await createProgram(t, { schoolId: ids.schoolA, majorCode: '0101', level: 'ADVANCED' });
  const programB = await createProgram(t, { schoolId: ids.schoolB, majorCode: '0101' });
  ids.planA = await createPlan(t, { programId: programA, year: 2025, seats: 50 });
  ids.advancedA = await createPlan(t, { programId: advancedA, year: 2025, seats: 50 });
  ids.planB = await createPlan(t, { programId: programB, year: 2025, seats: 50 });
  await markFiled(t, [ids.planA, ids.advancedA, ids.planB]);
  province = await provinceAdmin(t);
  hangzhou = await cityAdmin(t, ids.hangzhou);
  ningbo = await cityAdmin(t, ids.ningbo);
  staffA = await t.as(await createUser(t, { username: 'rolls.a', role: 'SCHOOL_STAFF', schoolId: ids.schoolA }));
  staffB = await t.as(await createUser(t, { username: 'rolls.b', role: 'SCHOOL_STAFF', schoolId: ids.schoolB }));
  analyst = await t.as(await createUser(t, { username: 'rolls.analyst', role: 'ANALYST' }));
  ids.both = await register(staffA, ids.planA, '陈一', HANGZHOU_IDS[0]!, '2025-09-05');
  await register(staffA, ids.planA, '陈二', HANGZHOU_IDS[1]!, '2025-09-06');
  ids.leaver = await register(staffA, ids.advancedA, '陈三', HANGZHOU_IDS[2]!, '2025-09-07');
  for (const [i, id] of NINGBO_IDS.entries()) await register(staffB, ids.planB, `林${i}`, id, '2025-09-08');
}, 120000);
afterAll(async () => {
  await t?.close();
});

describe('joint check against external rosters (联合核查)', () => {
  test('a list with a bad ID number is refused whole, naming each bad entry; only the province uploads', async () => {
    const bad = firstError(
      await province.gql(UPLOAD, { kind: 'GENERAL_HIGH_SCHOOL', label: '2025 普通高中', ids: [NOBODY, '12345', ON_BOTH_ROLLS, 'x'.repeat(5000)] }),
    );
    expect(bad.extensions.rows.map((r: { index: number }) => r.index)).toEqual([1, 3]);
    expect(Number(rowsOf(await knex().raw('select count(*) as n from external_roster'))[0].n)).toEqual(0);
    for (const client of [hangzhou, staffA, analyst]) {
      expect(firstError(await client.gql(UPLOAD, { kind: 'GENERAL_HIGH_SCHOOL', label: 'x', ids: [NOBODY] })).extensions.code).toBe('FORBIDDEN');
    }
    const tooMany = Array.from({ length: 20001 }, () => NOBODY);
    expect(firstError(await province.gql(UPLOAD, { kind: 'GENERAL_HIGH_SCHOOL', label: 'x', ids: tooMany })).extensions.field).toBe('idNumbers');
  });

  test('an upload keeps hashes only and opens a case for each student on a technical school’s roll', async () => {
    const uploaded = (
      await province.ok(UPLOAD, { kind: 'GENERAL_HIGH_SCHOOL', label: '2025 年秋季普通高中学籍', ids: [NOBODY, ON_BOTH_ROLLS.toLowerCase(), NOBODY] })
    ).uploadExternalRoster;
    expect(uploaded).toMatchObject({ matched: 1, roster: { kind: 'GENERAL_HIGH_SCHOOL', entries: 2, uploadedOn: '2026-06-15' } });
    const stored = JSON.stringify(rowsOf(await knex().raw('select * from external_roster_entry')));
    expect(stored).not.toContain(NOBODY);
    expect(stored).not.toContain(ON_BOTH_ROLLS);
    const cases = (await province.ok(CASES)).allJointCheckCases;
    expect(cases).toEqual([
      {
        id: expect.any(String),
        status: 'OPEN',
        note: null,
        schoolId: ids.schoolA,
        version: 1,
        student: { id: ids.both, name: '陈一', idNumber: ON_BOTH_ROLLS },
      },
    ]);
    ids.case = cases[0].id;
  });

  test('the school and its city see the case (the city masked); another city and the other school do not', async () => {
    expect((await staffA.ok(CASES)).allJointCheckCases).toHaveLength(1);
    const asCity = (await hangzhou.ok(CASES)).allJointCheckCases;
    expect(asCity[0].student).toEqual({ id: ids.both, name: '陈*', idNumber: `330106********${ON_BOTH_ROLLS.slice(14)}` });
    expect((await ningbo.ok(CASES)).allJointCheckCases).toEqual([]);
    expect((await staffB.ok(CASES)).allJointCheckCases).toEqual([]);
    expect(firstError(await analyst.gql(CASES)).extensions.code).toBe('FORBIDDEN');
  });

  test('the school writes its explanation; the bureau decides; cases are neither made nor deleted by hand', async () => {
    const update = (client: Client, fields: string) =>
      client.gql(`mutation($id: ID!, $v: Int!) { updateJointCheckCase(id: $id, version: $v, ${fields}) { status note } }`, {
        id: ids.case,
        v: 0,
      });
    const version = () => versionOf(province, 'JointCheckCase', ids.case);
    const write = async (client: Client, fields: string) =>
      client.gql(`mutation($id: ID!, $v: Int!) { updateJointCheckCase(id: $id, version: $v, ${fields}) { status note } }`, {
        id: ids.case,
        v: await version(),
      });
    expect(firstError(await update(staffA, 'note: "x"')).extensions.code).toBe('CONFLICT');
    expect((await write(staffA, 'note: "该生已于2025年8月从普通高中退学，附退学证明"')).data?.updateJointCheckCase.note).toContain('退学');
    expect(firstError(await write(staffA, 'status: EXPLAINED')).extensions.code).toBe('FORBIDDEN');
    expect(firstError(await write(ningbo, 'status: EXPLAINED')).extensions.code).toBe('FORBIDDEN');
    expect((await write(hangzhou, 'status: EXPLAINED')).data?.updateJointCheckCase.status).toBe('EXPLAINED');
    // an explained case is no longer the school's to write
    expect(firstError(await write(staffA, 'note: "补充"')).extensions.code).toBe('FORBIDDEN');
    expect((await write(province, 'status: REFERRED, note: "重复学籍，移交纪检监察"')).data?.updateJointCheckCase.status).toBe('REFERRED');
    expect(firstError(await write(province, 'status: OPEN')).extensions.rule).toBe('JOINT_CHECK');
    const remove = await province.gql(`mutation($id: ID!, $v: Int!) { deleteJointCheckCase(id: $id, version: $v) { id } }`, {
      id: ids.case,
      v: await version(),
    });
    expect(firstError(remove).extensions.rule).toBe('JOINT_CHECK');
    expect(firstError(await province.gql(`mutation { createJointCheckCase(status: OPEN) { id } }`)).extensions.rule).toBe('JOINT_CHECK');
  });
});

describe('in-school population (在校学生) and the 翻一番 base', () => {
  const POPULATION = `query($on: LocalDate, $by: PopulationGroupBy!) { studentPopulation(on: $on, groupBy: $by) { key label students baseline ratio } }`;

  test('students are in school from registration until they leave the roll', async () => {
    await staffA.ok(`mutation($id: ID!, $v: Int!) { changeStudentStatus(id: $id, to: WITHDRAWN, version: $v, on: "2026-03-10") { id } }`, {
      id: ids.leaver,
      v: await versionOf(staffA, 'Student', ids.leaver),
    });
    const byCity = async (on: string) =>
      Object.fromEntries((await analyst.ok(POPULATION, { on, by: 'CITY' })).studentPopulation.map((r: any) => [r.key, r.students]));
    expect(await byCity('2025-09-04')).toEqual({ '330000': 0 });
    expect(await byCity('2025-09-07')).toEqual({ '330000': 3, '330100': 3 });
    expect(await byCity('2026-01-01')).toEqual({ '330000': 5, '330100': 3, '330200': 2 });
    expect(await byCity('2026-03-10')).toEqual({ '330000': 4, '330100': 2, '330200': 2 });
    const byLevel = (await province.ok(POPULATION, { on: '2026-01-01', by: 'LEVEL' })).studentPopulation;
    expect(byLevel.map((r: any) => [r.key, r.students])).toEqual([
      ['ADVANCED', 1],
      ['INTERMEDIATE', 4],
    ]);
    const byYear = (await province.ok(POPULATION, { on: '2026-01-01', by: 'ENTRY_YEAR' })).studentPopulation;
    expect(byYear.map((r: any) => [r.key, r.students])).toEqual([['2025', 5]]);
  });

  test('the province enters each city’s 2020 base; the ratio is students over base', async () => {
    await province.ok(`mutation($c: ID!) { createPopulationBaseline(cityId: $c, students: 4) { id } }`, { c: ids.hangzhou });
    expect(
      firstError(await hangzhou.gql(`mutation($c: ID!) { createPopulationBaseline(cityId: $c, students: 1) { id } }`, { c: ids.hangzhou })).extensions.code,
    ).toBe('FORBIDDEN');
    const rows = (await analyst.ok(POPULATION, { on: '2026-01-01', by: 'CITY' })).studentPopulation;
    expect(rows.find((r: any) => r.key === '330100')).toEqual({ key: '330100', label: '杭州市', students: 3, baseline: 4, ratio: 0.75 });
    expect(rows.find((r: any) => r.key === '330200')).toMatchObject({ students: 2, baseline: null, ratio: null });
    expect(rows.find((r: any) => r.key === '330000')).toMatchObject({ students: 5, baseline: 4, ratio: 1.25 });
  });

  test('a city bureau counts its city, school staff their school', async () => {
    const rows = (await ningbo.ok(POPULATION, { on: '2026-01-01', by: 'SCHOOL' })).studentPopulation;
    expect(rows).toEqual([{ key: ids.schoolB, label: '名册测试宁波技工学校', students: 2, baseline: null, ratio: null }]);
    expect((await staffA.ok(POPULATION, { on: '2026-01-01', by: 'CITY' })).studentPopulation).toEqual([
      { key: '330100', label: '杭州市', students: 3, baseline: 4, ratio: 0.75 },
    ]);
  });

  test('exits per month: the withdrawal in March 2026; a year outside the campaign is refused', async () => {
    const months = (await hangzhou.ok(`{ studentExits(year: 2026) { month graduated withdrawn transferred } }`)).studentExits;
    expect(months).toHaveLength(12);
    expect(months.filter((m: any) => m.withdrawn + m.graduated + m.transferred > 0)).toEqual([
      { month: '2026-03', graduated: 0, withdrawn: 1, transferred: 0 },
    ]);
    expect((await ningbo.ok(`{ studentExits(year: 2026) { withdrawn } }`)).studentExits.every((m: any) => m.withdrawn === 0)).toBe(true);
    expect(firstError(await analyst.gql(`{ studentExits(year: 1900) { month } }`)).extensions.field).toBe('year');
    expect((await analyst.gql(`{ studentPopulation(on: "2026-02-30") { key } }`)).errors?.length).toBe(1);
  });

  test('a city with a 2020 base and nobody in school is listed with 0 students, province-wide and to its own bureau', async () => {
    const wenzhou = await cityId(t, '330300');
    await province.ok(`mutation($c: ID!) { createPopulationBaseline(cityId: $c, students: 10) { id } }`, { c: wenzhou });
    const byCity = async (client: Client) => (await client.ok(POPULATION, { on: '2026-01-01', by: 'CITY' })).studentPopulation;
    const empty = { key: '330300', label: '温州市', students: 0, baseline: 10, ratio: 0 };
    const rows = await byCity(analyst);
    expect(rows.map((r: any) => r.key)).toEqual(['330000', '330100', '330200', '330300']);
    expect(rows[0]).toMatchObject({ students: 5, baseline: 14 });
    expect(rows[3]).toEqual(empty);
    expect(await byCity(await cityAdmin(t, wenzhou))).toEqual([empty]);
    expect((await byCity(hangzhou)).map((r: any) => r.key)).toEqual(['330100']);
    expect((await byCity(staffA)).map((r: any) => r.key)).toEqual(['330100']);
  });
});

describe('analyst figures count students', () => {
  test('campaignProgress and levelMix of 2025 equal the students registered in 2025, city by city', async () => {
    const progress = (await analyst.ok(`{ campaignProgress(year: 2025) { rows { cityCode enrolled unverified } } }`)).campaignProgress.rows;
    const levels = (await analyst.ok(`{ levelMix(year: 2025) { cityCode advanced } }`)).levelMix;
    const advancedOf = (code: string) => levels.find((r: any) => r.cityCode === code)?.advanced;
    const enrolled = Object.fromEntries(progress.filter((r: any) => r.enrolled > 0).map((r: any) => [r.cityCode, [r.enrolled, advancedOf(r.cityCode)]]));
    const counted = rowsOf(
      await knex().raw(
        `select c.code, count(*) as n, sum(case when pr.level = 'ADVANCED' then 1 else 0 end) as adv from student s join school sc on sc.id = s.school_id join city c on c.id = sc.city_id
         join enrollment_plan p on p.id = s.plan_id join program pr on pr.id = p.program_id where p.year = 2025 group by c.code`,
      ),
    );
    const expected = Object.fromEntries(counted.map((r: any) => [r.code, [Number(r.n), Number(r.adv)]]));
    expect(expected).toEqual({ '330100': [3, 1], '330200': [2, 0] });
    expect(enrolled).toEqual({ ...expected, '330000': [5, 1] });
    expect(progress.every((r: any) => r.unverified === 0)).toBe(true);
  });

  test('a typed (REPORTED) count next to a roster is counted and marked unverified', async () => {
    await staffB.ok(
      `mutation($p: ID!) { createIntake(planId: $p, count: 2, targetGroup: JUNIOR_HIGH_PAST, originCode: "330200", registeredOn: "2025-09-20") { source } }`,
      { p: ids.planB },
    );
    const progress = (await analyst.ok(`{ campaignProgress(year: 2025) { rows { cityCode enrolled unverified } } }`)).campaignProgress.rows;
    const of = (code: string) => progress.find((r: any) => r.cityCode === code);
    expect(of('330200')).toEqual({ cityCode: '330200', enrolled: 4, unverified: 2 });
    expect(of('330100')).toEqual({ cityCode: '330100', enrolled: 3, unverified: 0 });
    expect(of('330000')).toEqual({ cityCode: '330000', enrolled: 7, unverified: 2 });
  });
});
