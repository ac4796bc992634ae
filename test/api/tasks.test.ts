import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../helpers/test-app.js';
import { cityId, createIntake, createPlan, createProgram, createSchool } from '../helpers/fixtures.js';
import { cityAdmin, provinceAdmin } from '../helpers/authorities.js';
import { createUser } from '../helpers/users.js';
import { FixedClock } from '../../server/src/common/clock.js';
import { advance, transition } from '../rules/rule-fixtures.js';

/** 20 October 2026: autumn registration closes in 11 days, the 2026 summary is due in 41. */
const clock = new FixedClock('2026-10-20T04:00:00Z');
let t: TestApp;
let staff: Client;
let bureau: Client;
let province: Client;
let analyst: Client;
const ids: Record<string, string> = {};

interface TaskRow {
  key: string;
  kind: string;
  count: number;
  daysLeft: number | null;
  dueOn: string | null;
  cityId: string | null;
  resource: string;
  filter: string;
  titleZh: string;
}
const TASKS = '{ myTasks { key kind count daysLeft dueOn cityId resource filter titleZh titleEn } }';
const tasksOf = async (client: Client): Promise<TaskRow[]> => (await client.ok<{ myTasks: TaskRow[] }>(TASKS)).myTasks;
const find = (tasks: TaskRow[], key: string) => tasks.find((task) => task.key === key);

beforeAll(async () => {
  t = await createTestApp({ clock });
  ids.quzhou = await cityId(t, '330800');
  ids.school = await createSchool(t, { name: '衢州待办技工学校', cityCode: '330800', type: 'TECHNICIAN_COLLEGE' });
  ids.neighbour = await createSchool(t, { name: '衢州邻校技工学校', cityCode: '330800' });
  ids.provincial = await createSchool(t, { name: '浙江待办技师学院', cityCode: '330800', provincial: true });
  const program = (schoolId: string, majorCode: string) => createProgram(t, { schoolId, majorCode });
  const [a, b, c, d, n, p] = await Promise.all([
    program(ids.school, '0101'),
    program(ids.school, '0102'),
    program(ids.school, '0103'),
    program(ids.school, '0104'),
    program(ids.neighbour, '0101'),
    program(ids.provincial, '0101'),
  ]);
  ids.draft = await createPlan(t, { programId: a!, year: 2027, seats: 40 });
  ids.returned = await createPlan(t, { programId: b!, year: 2027, seats: 40 });
  ids.submitted = await createPlan(t, { programId: c!, year: 2027, seats: 40 });
  ids.provincialSubmitted = await createPlan(t, { programId: p!, year: 2027, seats: 40 });
  ids.neighbourDraft = await createPlan(t, { programId: n!, year: 2027, seats: 40 });
  ids.filed = await createPlan(t, { programId: d!, year: 2026, seats: 50 });
  ids.approved = await createPlan(t, { programId: a!, year: 2026, seats: 30 });
  await advance(t, [ids.returned, ids.submitted, ids.provincialSubmitted], 'SUBMITTED');
  expect((await transition(t, 'returnPlans', [ids.returned], '材料不全')).errors).toBeUndefined();
  await advance(t, [ids.filed], 'FILED');
  await advance(t, [ids.approved], 'APPROVED');
  await createIntake(t, { planId: ids.filed, count: 20, originCode: '330800', registeredOn: '2026-10-20' });
  staff = await t.as(await createUser(t, { username: 'tasks.staff', role: 'SCHOOL_STAFF', cityId: ids.quzhou, schoolId: ids.school }));
  bureau = await cityAdmin(t, ids.quzhou);
  province = await provinceAdmin(t);
  analyst = await t.as(await createUser(t, { username: 'tasks.analyst', role: 'ANALYST' }));
  const request = await staff.gql(`mutation($planId: ID!) { requestPlanAdjustment(planId: $planId, newSeats: 60, reason: "报名人数超出计划") { id } }`, {
    planId: ids.filed,
  });
  expect(request.errors).toBeUndefined();
  ids.adjustment = request.data!.requestPlanAdjustment.id;
}, 120000);
afterAll(async () => {
  await t?.close();
});

describe('each item appears for the role it waits on', () => {
  test('school staff: returned lines to fix, drafts to submit, registration closing on their own lines only', async () => {
    const tasks = await tasksOf(staff);
    expect(find(tasks, 'PLANS_TO_FIX')).toMatchObject({ count: 1, resource: 'EnrollmentPlan' });
    expect(find(tasks, 'PLANS_TO_SUBMIT')).toMatchObject({ count: 1 });
    expect(JSON.parse(find(tasks, 'PLANS_TO_SUBMIT')!.filter)).toEqual({ status: 'DRAFT', schoolId: ids.school });
    expect(find(tasks, 'REGISTRATION_CLOSING:2026:AUTUMN')).toMatchObject({ count: 1, daysLeft: 11, dueOn: '2026-10-31' });
    expect(find(tasks, 'REGISTRATION_CLOSING:2026:AUTUMN')!.titleZh).toContain('尚缺 30 人');
    expect(tasks.map((task) => task.kind)).not.toContain('PLANS_TO_APPROVE');
    expect(tasks.map((task) => task.kind)).not.toContain('SUMMARY_DUE');
  });

  test('city bureau: lines and adjustments to decide, its summary with days left, its pace', async () => {
    const tasks = await tasksOf(bureau);
    expect(find(tasks, 'PLANS_TO_APPROVE')).toMatchObject({ count: 1 });
    expect(JSON.parse(find(tasks, 'PLANS_TO_APPROVE')!.filter)).toEqual({ status: 'SUBMITTED', cityId: ids.quzhou, provincial: false });
    expect(find(tasks, 'ADJUSTMENTS_TO_DECIDE')).toMatchObject({ count: 1, resource: 'PlanAdjustment' });
    expect(find(tasks, 'SUMMARY_DUE:2026')).toMatchObject({ daysLeft: 41, dueOn: '2026-11-30', cityId: ids.quzhou, resource: 'AnnualSummary' });
    expect(find(tasks, 'SUMMARY_DUE:2025')).toMatchObject({ daysLeft: -324 });
    expect(find(tasks, `CITY_BEHIND_PACE:2026:${ids.quzhou}`)).toBeDefined();
    expect(tasks.filter((task) => task.kind === 'CITY_BEHIND_PACE')).toHaveLength(1);
  });

  test('province: provincial lines to approve, approved lines to file, overdue summaries, every city behind', async () => {
    const tasks = await tasksOf(province);
    expect(find(tasks, 'PLANS_TO_APPROVE')).toMatchObject({ count: 1 });
    expect(find(tasks, 'PLANS_TO_FILE')).toMatchObject({ count: 1 });
    expect(find(tasks, 'SUMMARIES_OVERDUE:2025')).toMatchObject({ count: 11 });
    expect(find(tasks, 'SUMMARY_DUE:2026')).toBeUndefined();
    expect(tasks.filter((task) => task.kind === 'CITY_BEHIND_PACE')).toHaveLength(11);
  });

  test('analysts have nothing to do; anonymous callers are refused', async () => {
    expect(await tasksOf(analyst)).toEqual([]);
    const anonymous = await (await t.as(null)).gql(TASKS);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('and disappears once handled', () => {
  test('resubmitting and submitting clear the school’s items', async () => {
    expect((await staff.gql(`mutation($ids: [ID!]!) { submitPlans(ids: $ids) { id } }`, { ids: [ids.returned, ids.draft] })).errors).toBeUndefined();
    const tasks = await tasksOf(staff);
    expect(find(tasks, 'PLANS_TO_FIX')).toBeUndefined();
    expect(find(tasks, 'PLANS_TO_SUBMIT')).toBeUndefined();
  });

  test('approving and deciding clear the bureau’s items', async () => {
    const before = find(await tasksOf(bureau), 'PLANS_TO_APPROVE')!.count;
    expect(before).toBe(3);
    expect(
      (await bureau.gql(`mutation($ids: [ID!]!) { approvePlans(ids: $ids) { id } }`, { ids: [ids.returned, ids.draft, ids.submitted] })).errors,
    ).toBeUndefined();
    expect(
      (await bureau.gql(`mutation($id: ID!) { decidePlanAdjustment(id: $id, decision: APPROVED) { id } }`, { id: ids.adjustment })).errors,
    ).toBeUndefined();
    const tasks = await tasksOf(bureau);
    expect(find(tasks, 'PLANS_TO_APPROVE')).toBeUndefined();
    expect(find(tasks, 'ADJUSTMENTS_TO_DECIDE')).toBeUndefined();
  });

  test('submitting the summary clears it; filling the line clears the registration item', async () => {
    const created = await bureau.ok<{ createAnnualSummary: { id: string } }>(
      `mutation($cityId: ID!) { createAnnualSummary(cityId: $cityId, year: 2026, problems: "春季报名偏少", nextYearMeasures: "扩大高级工班") { id } }`,
      { cityId: ids.quzhou },
    );
    await bureau.ok(`mutation($id: ID!) { submitAnnualSummary(id: $id) { id } }`, { id: created.createAnnualSummary.id });
    expect(find(await tasksOf(bureau), 'SUMMARY_DUE:2026')).toBeUndefined();
    await createIntake(t, { planId: ids.filed!, count: 40, originCode: '330800', registeredOn: '2026-10-20' });
    expect(find(await tasksOf(staff), 'REGISTRATION_CLOSING:2026:AUTUMN')).toBeUndefined();
  });

  test('filing clears the province’s item', async () => {
    expect(find(await tasksOf(province), 'PLANS_TO_FILE')!.count).toBe(4);
    expect(
      (await province.gql(`mutation($ids: [ID!]!) { filePlans(ids: $ids) { id } }`, { ids: [ids.approved, ids.returned, ids.draft, ids.submitted] })).errors,
    ).toBeUndefined();
    expect(find(await tasksOf(province), 'PLANS_TO_FILE')).toBeUndefined();
  });
});
