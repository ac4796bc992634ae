import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createIntake, createPlan, createProgram, createSchool, markFiled, versionOf } from '../helpers/fixtures.js';
import { FixedClock } from '../../server/src/common/clock.js';
import { knexOf } from '../../server/src/read/sql.js';
import { idNumber } from '../helpers/id-numbers.js';

/**
 * The unverified part of every figure (students of REPORTED intakes, typed with no roster behind
 * them) as campaignProgress, levelMix, sourceMix, cityRanking and the yearly summaries report it from the
 * subtotals, against the same sums computed here from the intake rows themselves.
 */

let t: TestApp;
const ids: Record<string, string> = {};
const HANGZHOU = '330100';
const NINGBO = '330200';
const PROVINCE = '330000';
const SICHUAN = '510000';

const student = (planId: string, name: string, id: string, registeredOn = '2025-09-05') => ({
  planId,
  name,
  idNumber: id,
  targetGroup: 'JUNIOR_HIGH_GRADUATE',
  registeredOn,
});
const SAVE_STUDENTS = `mutation($rows: [StudentSaveRow!]!) { saveStudents(rows: $rows) { id } }`;
const rowsOf = (result: any): any[] => (Array.isArray(result) ? result : result.rows);

/** REPORTED students straight from the intake rows, by city, year, school and whether they count (R1). */
interface Reported {
  cityCode: string;
  year: number;
  schoolId: string;
  counted: boolean;
  students: number;
}
async function reportedIntakes(): Promise<Reported[]> {
  const rows = rowsOf(
    await knexOf(t.orm.em.fork()).raw(
      `select c.code, p.year, p.school_id, pr.study_mode, sum(i.count) as n
       from intake i join enrollment_plan p on p.id = i.plan_id join program pr on pr.id = p.program_id
       join school s on s.id = p.school_id join city c on c.id = s.city_id
       where i.source = 'REPORTED' group by c.code, p.year, p.school_id, pr.study_mode`,
    ),
  );
  return rows.map((r) => ({
    cityCode: r.code,
    year: Number(r.year),
    schoolId: String(r.school_id),
    counted: r.study_mode !== 'SKILLS_TRAINING',
    students: Number(r.n),
  }));
}

/** The sum of the REPORTED students that match: a city (330000: every city), some years, a school, counted or not. */
function sumOf(reported: Reported[], where: { cityCode: string; years: number[]; schoolId?: string | null; counted: boolean }): number {
  return reported
    .filter((r) => where.cityCode === PROVINCE || r.cityCode === where.cityCode)
    .filter((r) => where.years.includes(r.year) && r.counted === where.counted && (!where.schoolId || r.schoolId === where.schoolId))
    .reduce((sum, r) => sum + r.students, 0);
}

const CAMPAIGN = [2023, 2024, 2025, 2026, 2027];

/** Every report's unverified figures equal the sums of the intake rows. */
async function expectUnverifiedFromIntakes(): Promise<Reported[]> {
  const reported = await reportedIntakes();
  const counted = (cityCode: string, years: number[], schoolId?: string | null) => sumOf(reported, { cityCode, years, schoolId, counted: true });

  const { campaignProgress } = await t.ok(`{ campaignProgress { rows { year cityCode unverified } cumulative { cityCode unverified } } }`);
  for (const r of campaignProgress.rows) expect(r.unverified, `campaignProgress ${r.cityCode} ${r.year}`).toBe(counted(r.cityCode, [r.year]));
  expect(campaignProgress.cumulative).toEqual({ cityCode: PROVINCE, unverified: counted(PROVINCE, CAMPAIGN) });
  const ningbo = (await t.ok(`{ campaignProgress(cityCode: "${NINGBO}") { cumulative { unverified } } }`)).campaignProgress;
  expect(ningbo.cumulative.unverified).toBe(counted(NINGBO, CAMPAIGN));

  const province = (await t.ok(`{ levelMix { year cityCode schoolId unverified } }`)).levelMix;
  const city = (await t.ok(`{ levelMix(cityCode: "${HANGZHOU}") { year cityCode schoolId unverified } }`)).levelMix;
  for (const r of [...province, ...city])
    expect(r.unverified, `levelMix ${r.cityCode} ${r.schoolId} ${r.year}`).toBe(counted(r.cityCode, [r.year], r.schoolId));
  expect(city.some((r: any) => r.schoolId === ids.schoolA)).toBe(true);

  const sources = (await t.ok(`{ sourceMix { year cityCode unverified skillsTrainingUnverified } }`)).sourceMix;
  for (const r of sources) {
    expect(r.unverified, `sourceMix ${r.cityCode} ${r.year}`).toBe(counted(r.cityCode, [r.year]));
    expect(r.skillsTrainingUnverified, `sourceMix skills ${r.cityCode} ${r.year}`).toBe(
      sumOf(reported, { cityCode: r.cityCode, years: [r.year], counted: false }),
    );
  }

  for (const year of [2025, null]) {
    const { cityRanking } = await t.ok(`query($year: Int) { cityRanking(year: $year) { cityCode unverified } }`, { year });
    for (const r of cityRanking) expect(r.unverified, `cityRanking ${r.cityCode} ${year}`).toBe(counted(r.cityCode, year ? [year] : CAMPAIGN));
    expect(cityRanking.some((r: any) => r.unverified > 0)).toBe(true);
  }

  for (const year of [2024, 2025]) {
    const statuses = (
      await t.ok(`query($y: Int!) { annualSummaryStatuses(year: $y) { city { code } figures { intakesUnverified skillsTrainingIntakesUnverified } } }`, {
        y: year,
      })
    ).annualSummaryStatuses;
    for (const s of statuses) {
      expect(s.figures, `summary ${s.city.code} ${year}`).toEqual({
        intakesUnverified: counted(s.city.code, [year]),
        skillsTrainingIntakesUnverified: sumOf(reported, { cityCode: s.city.code, years: [year], counted: false }),
      });
    }
  }
  return reported;
}

/** Of every total, the part that is not unverified is the students on rosters of the lines counted. */
async function expectVerifiedPartIsTheRoster(): Promise<void> {
  const onRoster = rowsOf(
    await knexOf(t.orm.em.fork()).raw(
      `select c.code, count(*) as n from student st join enrollment_plan p on p.id = st.plan_id join program pr on pr.id = p.program_id
       join school s on s.id = p.school_id join city c on c.id = s.city_id where p.year = 2025 and pr.study_mode <> 'SKILLS_TRAINING' group by c.code`,
    ),
  );
  const students = new Map(onRoster.map((r) => [r.code, Number(r.n)]));
  const { campaignProgress, levelMix, sourceMix, annualSummaryStatuses } = await t.ok(`{
    campaignProgress(year: 2025) { rows { cityCode enrolled unverified } }
    levelMix(year: 2025) { cityCode enrolled unverified }
    sourceMix(year: 2025) { cityCode enrolled unverified }
    annualSummaryStatuses(year: 2025) { city { code } figures { intakes intakesUnverified } }
  }`);
  for (const code of [HANGZHOU, NINGBO]) {
    const expected = students.get(code) ?? 0;
    const progress = campaignProgress.rows.find((r: any) => r.cityCode === code);
    const levels = levelMix.find((r: any) => r.cityCode === code);
    const source = sourceMix.find((r: any) => r.cityCode === code);
    const summary = annualSummaryStatuses.find((s: any) => s.city.code === code).figures;
    expect([progress.enrolled - progress.unverified, levels.enrolled - levels.unverified, source.enrolled - source.unverified]).toEqual([
      expected,
      expected,
      expected,
    ]);
    expect(summary.intakes - summary.intakesUnverified).toBe(expected);
  }
}

beforeAll(async () => {
  t = await createTestApp({ clock: new FixedClock('2026-06-15T04:00:00Z') });
  ids.schoolA = await createSchool(t, { name: '核实测试杭州技师学院', cityCode: HANGZHOU });
  ids.schoolB = await createSchool(t, { name: '核实测试宁波技工学校', cityCode: NINGBO, type: 'TECHNICAL_SCHOOL' });
  const fullA = await createProgram(t, { schoolId: ids.schoolA, majorCode: '0101' });
  const advancedA = await createProgram(t, { schoolId: ids.schoolA, majorCode: '0101', level: 'ADVANCED' });
  const skillsA = await createProgram(t, { schoolId: ids.schoolA, majorCode: '0101', studyMode: 'SKILLS_TRAINING' });
  const fullB = await createProgram(t, { schoolId: ids.schoolB, majorCode: '0101' });
  ids.fullA = await createPlan(t, { programId: fullA, year: 2025, seats: 50 });
  ids.fullA2024 = await createPlan(t, { programId: fullA, year: 2024, seats: 50 });
  ids.advancedA = await createPlan(t, { programId: advancedA, year: 2025, seats: 50 });
  ids.skillsA = await createPlan(t, { programId: skillsA, year: 2025, seats: 50 });
  ids.fullB = await createPlan(t, { programId: fullB, year: 2025, seats: 50 });
  await markFiled(t, [ids.fullA, ids.fullA2024, ids.advancedA, ids.skillsA, ids.fullB]);

  // Rosters: three students on Hangzhou's intermediate line, one on its skills training, two in Ningbo.
  await t.ok(SAVE_STUDENTS, {
    rows: [
      student(ids.fullA, '赵一', idNumber('330106', '20100101', '011')),
      student(ids.fullA, '赵二', idNumber('330106', '20100102', '021')),
      student(ids.fullA, '赵三', idNumber('330106', '20100103', '031')),
      student(ids.skillsA, '赵四', idNumber('330106', '19900104', '041')),
      student(ids.fullB, '钱一', idNumber('330203', '20100105', '051')),
      student(ids.fullB, '钱二', idNumber('330203', '20100106', '061')),
    ],
  });
  // Typed counts: beside the roster on the same line, on lines without one, out of province, last year, skills training.
  ids.besideRoster = await createIntake(t, { planId: ids.fullA, count: 4, originCode: HANGZHOU, registeredOn: '2025-09-10' });
  await createIntake(t, { planId: ids.advancedA, count: 6, targetGroup: 'JUNIOR_HIGH_PAST', originCode: HANGZHOU, registeredOn: '2025-09-12' });
  await createIntake(t, { planId: ids.fullB, count: 2, originCode: SICHUAN, registeredOn: '2025-09-15' });
  await createIntake(t, { planId: ids.fullA2024, count: 7, originCode: HANGZHOU, registeredOn: '2024-09-10' });
  await createIntake(t, { planId: ids.skillsA, count: 9, targetGroup: 'ENTERPRISE_EMPLOYEE', originCode: HANGZHOU, registeredOn: '2025-09-20' });
}, 120000);
afterAll(async () => {
  await t?.close();
});

describe('the unverified part of every figure equals the REPORTED intakes', () => {
  test('campaignProgress, levelMix, sourceMix and the yearly summaries, city by city, school by school, year by year', async () => {
    const reported = await expectUnverifiedFromIntakes();
    // the fixture is what it says: typed counts in both cities and years, counted and not
    expect(sumOf(reported, { cityCode: HANGZHOU, years: [2025], counted: true })).toBe(10);
    expect(sumOf(reported, { cityCode: HANGZHOU, years: [2024], counted: true })).toBe(7);
    expect(sumOf(reported, { cityCode: NINGBO, years: [2025], counted: true })).toBe(2);
    expect(sumOf(reported, { cityCode: HANGZHOU, years: [2025], counted: false })).toBe(9);
    await expectVerifiedPartIsTheRoster();
  });

  test('after a student moves to another line, a student is removed and a typed count is corrected', async () => {
    const { allStudents } = await t.ok(`query($p: ID) { allStudents(filter: { planId: $p }, sortField: "id") { id version } }`, { p: ids.fullA });
    // a roster student onto the advanced line, which holds only typed counts so far
    await t.ok(`mutation($id: ID!, $v: Int!, $p: ID!) { updateStudent(id: $id, version: $v, planId: $p) { id } }`, {
      id: allStudents[0].id,
      v: allStudents[0].version,
      p: ids.advancedA,
    });
    await t.ok(`mutation($id: ID!, $v: Int!) { deleteStudent(id: $id, version: $v) { id } }`, { id: allStudents[1].id, v: allStudents[1].version });
    await t.ok(`mutation($id: ID!, $v: Int!) { updateIntake(id: $id, version: $v, count: 1) { id } }`, {
      id: ids.besideRoster,
      v: await versionOf(t, 'Intake', ids.besideRoster),
    });
    const reported = await expectUnverifiedFromIntakes();
    expect(sumOf(reported, { cityCode: HANGZHOU, years: [2025], counted: true })).toBe(7);
    await expectVerifiedPartIsTheRoster();
  });
});
