import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { cityId, createIntake, createPlan, createProgram, createSchool, firstError, versionOf } from '../helpers/fixtures.js';
import { create, createCompany, createPartnership, creditCode } from '../helpers/company-fixtures.js';
import { FixedClock } from '../../server/src/common/clock.js';
import { advance, count } from './rule-fixtures.js';

let t: TestApp;
const clock = new FixedClock('2026-11-15T04:00:00Z');
const ids: Record<string, string> = {};

/** 衢州 2026: a city college and a provincial college, lines over the workflow, intakes of every kind. */
beforeAll(async () => {
  t = await createTestApp({ clock });
  ids.quzhou = await cityId(t, '330800');
  const college = await createSchool(t, { name: '衢州总结技师学院', cityCode: '330800' });
  const provincial = await createSchool(t, { name: '浙江总结技师学院', cityCode: '330800', provincial: true });
  const program = (schoolId: string, majorCode: string, extra: Record<string, string> = {}) => createProgram(t, { schoolId, majorCode, ...extra });
  const intermediate = await program(college, '0101');
  const advanced = await program(college, '0102', { level: 'ADVANCED', entryBasis: 'SENIOR_HIGH' });
  const partTime = await program(college, '0103', { studyMode: 'PART_TIME' });
  const skills = await program(college, '0104', { studyMode: 'SKILLS_TRAINING' });
  const provincialProgram = await program(provincial, '0101');
  const lines = {
    intermediate: await createPlan(t, { programId: intermediate, year: 2026, seats: 50 }),
    advanced: await createPlan(t, { programId: advanced, year: 2026, seats: 30 }),
    spring: await createPlan(t, { programId: partTime, year: 2026, season: 'SPRING', seats: 10 }),
    skills: await createPlan(t, { programId: skills, year: 2026, seats: 20 }),
    provincial: await createPlan(t, { programId: provincialProgram, year: 2026, seats: 40 }),
  };
  // R9: the lines were filed before their students registered
  clock.set('2026-03-01T04:00:00Z');
  await advance(t, Object.values(lines), 'FILED');
  clock.set('2026-11-15T04:00:00Z');
  await createPlan(t, { programId: partTime, year: 2026, seats: 15 });
  const intake = (planId: string, n: number, targetGroup: string, originCode: string, registeredOn = '2026-09-10') =>
    createIntake(t, { planId, count: n, targetGroup, originCode, registeredOn });
  await intake(lines.intermediate, 20, 'JUNIOR_HIGH_GRADUATE', '330800');
  await intake(lines.intermediate, 5, 'JUNIOR_HIGH_PAST', '510000');
  await intake(lines.advanced, 10, 'SENIOR_HIGH_GRADUATE', '330800');
  await intake(lines.spring, 4, 'ENTERPRISE_EMPLOYEE', '330800', '2026-03-20');
  await intake(lines.skills, 8, 'UNEMPLOYED', '330800');
  await intake(lines.provincial, 6, 'JUNIOR_HIGH_GRADUATE', '330100');
  await t.ok(`mutation($schoolId: ID!) { createSchoolTarget(schoolId: $schoolId, year: 2026, seats: 100) { id } }`, { schoolId: college });

  const company = await createCompany(t, { name: '衢州总结机械有限公司', creditCode: creditCode('330800', 801), cityId: ids.quzhou });
  const partnershipId = await createPartnership(t, { schoolId: college, companyId: company });
  await create(t, 'createOrderClass', {
    partnershipId,
    programId: intermediate,
    year: 2026,
    season: 'AUTUMN',
    name: '衢州机械订单班',
    seats: 20,
    enrolled: 18,
  });
  await create(t, 'createCrossRegionAgreement', {
    programId: intermediate,
    partnerProvinceCode: '520000',
    partnerInstitution: '贵州省毕节市职业技术学校',
    stages: [
      { where: 'PARTNER', years: 1 },
      { where: 'ZHEJIANG', years: 2 },
    ],
    seats: 25,
    signedOn: '2026-04-01',
  });
});
afterAll(async () => {
  await t.close();
});

const FIGURES = `cityTarget schoolTargets planLines plannedSeats plannedSeatsByStatus { key count } intakes skillsTrainingIntakes
  intakesByLevel { key count } intakesBySeason { key count } intakesByTargetGroup { key count } intakesByOrigin { key count }
  crossCityIntakes otherProvinceIntakes orderClasses orderClassSeats orderClassEnrolled crossRegionAgreements crossRegionSeats`;

const createSummary = (vars: Record<string, unknown>) =>
  t.gql(
    `mutation($cityId: ID!, $year: Int!, $problems: String) { createAnnualSummary(cityId: $cityId, year: $year, problems: $problems) { id version status dueOn } }`,
    vars,
  );
const submit = (id: string) => t.gql(`mutation($id: ID!) { submitAnnualSummary(id: $id) { status submittedOn late } }`, { id });

describe('R10 annual summary', () => {
  test('figures are generated from targets, plans, intakes, order classes and cross-region agreements', async () => {
    const created = await createSummary({ cityId: ids.quzhou, year: 2026 });
    ids.summary = created.data!.createAnnualSummary.id;
    const data = await t.ok(`query($id: ID!) { AnnualSummary(id: $id) { figures { ${FIGURES} } } }`, { id: ids.summary });
    expect(data.AnnualSummary.figures).toEqual({
      cityTarget: 6370,
      schoolTargets: 100,
      planLines: 6,
      plannedSeats: 145,
      plannedSeatsByStatus: [
        { key: 'DRAFT', count: 15 },
        { key: 'FILED', count: 130 },
      ],
      intakes: 45,
      skillsTrainingIntakes: 8,
      intakesByLevel: [
        { key: 'ADVANCED', count: 10 },
        { key: 'INTERMEDIATE', count: 35 },
      ],
      intakesBySeason: [
        { key: 'AUTUMN', count: 41 },
        { key: 'SPRING', count: 4 },
      ],
      intakesByTargetGroup: [
        { key: 'ENTERPRISE_EMPLOYEE', count: 4 },
        { key: 'JUNIOR_HIGH_GRADUATE', count: 26 },
        { key: 'JUNIOR_HIGH_PAST', count: 5 },
        { key: 'SENIOR_HIGH_GRADUATE', count: 10 },
      ],
      intakesByOrigin: [
        { key: '330100', count: 6 },
        { key: '330800', count: 34 },
        { key: '510000', count: 5 },
      ],
      crossCityIntakes: 6,
      otherProvinceIntakes: 5,
      orderClasses: 1,
      orderClassSeats: 20,
      orderClassEnrolled: 18,
      crossRegionAgreements: 1,
      crossRegionSeats: 25,
    });
  });

  test('status is DUE until 30 November (China time) and OVERDUE after, from the injected clock', async () => {
    const read = () => t.ok(`query($id: ID!) { AnnualSummary(id: $id) { status dueOn } }`, { id: ids.summary });
    expect((await read()).AnnualSummary).toEqual({ status: 'DUE', dueOn: '2026-11-30' });
    clock.set('2026-11-30T15:59:00Z');
    expect((await read()).AnnualSummary.status).toBe('DUE');
    clock.set('2026-11-30T16:00:00Z');
    expect((await read()).AnnualSummary.status).toBe('OVERDUE');
  });

  test('submission needs the narrative; once submitted the summary is locked', async () => {
    const bare = await submit(ids.summary!);
    expect(firstError(bare).extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R10', field: 'problems' });
    const problems = await t.ok(`mutation($id: ID!, $v: Int!) { updateAnnualSummary(id: $id, version: $v, problems: "生源竞争激烈") { version } }`, {
      id: ids.summary,
      v: await versionOf(t, 'AnnualSummary', ids.summary),
    });
    const half = await submit(ids.summary!);
    expect(firstError(half).extensions).toMatchObject({ rule: 'R10', field: 'nextYearMeasures' });
    await t.ok(`mutation($id: ID!, $v: Int!) { updateAnnualSummary(id: $id, version: $v, nextYearMeasures: "扩大高级工班招生") { id } }`, {
      id: ids.summary,
      v: problems.updateAnnualSummary.version,
    });

    const done = await t.ok(`mutation($id: ID!) { submitAnnualSummary(id: $id) { status submittedOn late } }`, { id: ids.summary });
    expect(done.submitAnnualSummary).toEqual({ status: 'SUBMITTED', submittedOn: '2026-12-01', late: true });
    expect(firstError(await submit(ids.summary!)).extensions).toMatchObject({ rule: 'R10' });
    const edit = await t.gql(`mutation($id: ID!, $v: Int!) { updateAnnualSummary(id: $id, version: $v, problems: "改写") { id } }`, {
      id: ids.summary,
      v: await versionOf(t, 'AnnualSummary', ids.summary),
    });
    expect(firstError(edit).extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R10' });
    const remove = await t.gql(`mutation($id: ID!, $v: Int!) { deleteAnnualSummary(id: $id, version: $v) { id } }`, {
      id: ids.summary,
      v: await versionOf(t, 'AnnualSummary', ids.summary),
    });
    expect(firstError(remove).extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R10' });
    const read = await t.ok(`query($id: ID!) { AnnualSummary(id: $id) { problems nextYearMeasures submittedOn } }`, { id: ids.summary });
    expect(read.AnnualSummary).toEqual({ problems: '生源竞争激烈', nextYearMeasures: '扩大高级工班招生', submittedOn: '2026-12-01' });
  });

  test('a year that has not begun cannot be submitted, and a bulk save refuses a second summary for a city and year', async () => {
    clock.set('2026-12-02T04:00:00Z');
    const next = await createSummary({ cityId: ids.quzhou, year: 2027, problems: '无' });
    await t.ok(`mutation($id: ID!, $v: Int!) { updateAnnualSummary(id: $id, version: $v, nextYearMeasures: "无") { id } }`, {
      id: next.data!.createAnnualSummary.id,
      v: await versionOf(t, 'AnnualSummary', next.data!.createAnnualSummary.id),
    });
    expect(firstError(await submit(next.data!.createAnnualSummary.id)).extensions).toMatchObject({ rule: 'R10', field: 'year' });
    const duplicate = await t.gql(`mutation($rows: [AnnualSummarySaveRow!]!) { saveAnnualSummaries(rows: $rows) { id } }`, {
      rows: [
        { cityId: await cityId(t, '330100'), year: 2026 },
        { cityId: ids.quzhou, year: 2026 },
      ],
    });
    expect(firstError(duplicate).extensions.rows.map((r: { index: number; code: string }) => [r.index, r.code])).toEqual([[1, 'CONFLICT']]);
    expect(await count(t, 'AnnualSummary', 'AnnualSummaries', { year: 2026 })).toBe(1);
  });

  test('the province sees every city: submitted, due or overdue, with figures batched', async () => {
    clock.set('2026-11-20T04:00:00Z');
    const query = `{ annualSummaryStatuses(year: 2026) { city { code } status dueOn summary { submittedOn } figures { intakes } } }`;
    t.resetQueryLog();
    const due = await t.ok(query);
    expect(due.annualSummaryStatuses).toHaveLength(11);
    expect(due.annualSummaryStatuses[7]).toEqual({
      city: { code: '330800' },
      status: 'SUBMITTED',
      dueOn: '2026-11-30',
      summary: { submittedOn: '2026-12-01' },
      figures: { intakes: 45 },
    });
    expect(due.annualSummaryStatuses[0]).toEqual({ city: { code: '330100' }, status: 'DUE', dueOn: '2026-11-30', summary: null, figures: { intakes: 0 } });
    // Cities and summaries, eleven grouped figure queries (the last one the enrollment-order register's) for all eleven cities at once, and the cities' codes.
    expect(t.selects()).toHaveLength(14);

    clock.set('2026-12-01T04:00:00Z');
    const late = await t.ok(`{ annualSummaryStatuses(year: 2026) { status } }`);
    expect(late.annualSummaryStatuses.map((s: { status: string }) => s.status)).toEqual([
      ...Array(7).fill('OVERDUE'),
      'SUBMITTED',
      ...Array(3).fill('OVERDUE'),
    ]);
  });
});
