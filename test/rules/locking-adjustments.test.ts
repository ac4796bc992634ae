import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createIntake, firstError, versionOf } from '../helpers/fixtures.js';
import { FixedClock } from '../../server/src/common/clock.js';
import { count, lineAt, planSeats } from './rule-fixtures.js';
import { authorityFor, cityAdmin } from '../helpers/authorities.js';

let t: TestApp;
const clock = new FixedClock('2026-09-01T01:00:00Z');
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(async () => {
  await t.close();
});

const REQUEST = `mutation($planId: ID!, $newSeats: Int!, $reason: String!) {
  requestPlanAdjustment(planId: $planId, newSeats: $newSeats, reason: $reason) { id oldSeats newSeats decision requestedBy requestedOn }
}`;
const DECIDE = `mutation($id: ID!, $decision: AdjustmentDecision!, $note: String) {
  decidePlanAdjustment(id: $id, decision: $decision, note: $note) { id decision decidedBy decidedOn decisionNote }
}`;
/** Adjustments are decided by the line's issuing authority (R4): the city bureau for these city schools. */
const decider = (planId: string) => authorityFor(t, 'approvePlans', planId);
const intake = (planId: string, n: number) => ({ planId, count: n, originCode: '330100', registeredOn: '2026-09-15' });

describe('R8 approved and filed lines are locked against CRUD', () => {
  test.each(['APPROVED', 'FILED'] as const)('an %s line refuses edits and deletes; nothing changes', async (status) => {
    const { planId } = await lineAt(t, status, { seats: 40 });
    const edit = await t.gql(`mutation($id: ID!, $v: Int!) { updateEnrollmentPlan(id: $id, version: $v, seats: 60) { seats } }`, {
      id: planId,
      v: await versionOf(t, 'EnrollmentPlan', planId),
    });
    expect(firstError(edit).extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R8', field: 'seats' });
    expect(firstError(edit).extensions.messageEn).toContain('request a plan adjustment');
    const remove = await t.gql(`mutation($id: ID!, $v: Int!) { deleteEnrollmentPlan(id: $id, version: $v) { id } }`, {
      id: planId,
      v: await versionOf(t, 'EnrollmentPlan', planId),
    });
    expect(firstError(remove).extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R8' });
    const row = await t.ok(`query($id: ID!) { EnrollmentPlan(id: $id) { seats status } }`, { id: planId });
    expect(row.EnrollmentPlan).toEqual({ seats: 40, status });
  });

  test('a bulk save touching a locked line fails at that row and writes none; unchanged locked rows pass', async () => {
    const draft = await lineAt(t, 'DRAFT', { seats: 10 });
    const locked = await lineAt(t, 'APPROVED', { seats: 20 });
    const save = (rows: unknown[]) => t.gql(`mutation($rows: [EnrollmentPlanSaveRow!]!) { saveEnrollmentPlans(rows: $rows) { id seats } }`, { rows });
    const versions = { draft: await versionOf(t, 'EnrollmentPlan', draft.planId), locked: await versionOf(t, 'EnrollmentPlan', locked.planId) };
    const refused = await save([
      { id: draft.planId, version: versions.draft, seats: 11 },
      { id: locked.planId, version: versions.locked, seats: 25 },
    ]);
    expect(firstError(refused).extensions.rows).toEqual([
      { index: 1, code: 'RULE_VIOLATION', rule: 'R8', field: 'seats', message: expect.stringContaining('不得随意调整') },
    ]);
    expect(await planSeats(t, draft.planId)).toBe(10);
    const accepted = await save([
      { id: draft.planId, version: versions.draft, seats: 11 },
      { id: locked.planId, version: versions.locked, seats: 20 },
    ]);
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.saveEnrollmentPlans).toEqual([
      { id: draft.planId, seats: 11 },
      { id: locked.planId, seats: 20 },
    ]);
  });

  test('draft and submitted lines stay editable', async () => {
    const { planId } = await lineAt(t, 'SUBMITTED', { seats: 10 });
    const data = await t.ok(`mutation($id: ID!, $v: Int!) { updateEnrollmentPlan(id: $id, version: $v, seats: 12) { seats } }`, {
      id: planId,
      v: await versionOf(t, 'EnrollmentPlan', planId),
    });
    expect(data.updateEnrollmentPlan.seats).toBe(12);
  });
});

describe('R8 plan adjustments', () => {
  test('approving an adjustment applies the new seats and the history stays on the line', async () => {
    const { planId } = await lineAt(t, 'FILED', { seats: 30 });
    const first = await t.ok(REQUEST, { planId, newSeats: 36, reason: '新增实训设备，扩大招生' });
    expect(first.requestPlanAdjustment).toMatchObject({ oldSeats: 30, newSeats: 36, decision: 'PENDING', requestedBy: 'root', requestedOn: '2026-09-01' });
    const otherCity = await cityAdmin(t, '2');
    // another city's adjustment answers as a missing one
    expect(firstError(await otherCity.gql(DECIDE, { id: first.requestPlanAdjustment.id, decision: 'APPROVED' })).extensions).toMatchObject({
      code: 'FORBIDDEN',
      rule: null,
    });
    expect(firstError(await t.gql(DECIDE, { id: first.requestPlanAdjustment.id, decision: 'APPROVED' })).extensions).toMatchObject({
      code: 'FORBIDDEN',
      rule: 'R4',
    });
    const again = await t.gql(REQUEST, { planId, newSeats: 40, reason: '再次申请' });
    expect(firstError(again).extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R8', field: 'planId' });

    clock.set('2026-09-03T01:00:00Z');
    const approved = await (await decider(planId)).ok(DECIDE, { id: first.requestPlanAdjustment.id, decision: 'APPROVED', note: '同意' });
    expect(approved.decidePlanAdjustment).toMatchObject({ decision: 'APPROVED', decidedBy: 'bureau.1', decidedOn: '2026-09-03', decisionNote: '同意' });
    expect(await planSeats(t, planId)).toBe(36);

    const second = await t.ok(REQUEST, { planId, newSeats: 50, reason: '再扩招' });
    await (await decider(planId)).ok(DECIDE, { id: second.requestPlanAdjustment.id, decision: 'REJECTED' });
    expect(await planSeats(t, planId)).toBe(36);
    const decidedTwice = await (await decider(planId)).gql(DECIDE, { id: second.requestPlanAdjustment.id, decision: 'APPROVED' });
    expect(firstError(decidedTwice).extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R8', field: 'decision' });
    expect(await planSeats(t, planId)).toBe(36);

    const history = await t.ok(`query($id: ID!) { EnrollmentPlan(id: $id) { seats adjustments { oldSeats newSeats decision requestedBy decidedBy } } }`, {
      id: planId,
    });
    expect(history.EnrollmentPlan).toEqual({
      seats: 36,
      adjustments: [
        { oldSeats: 30, newSeats: 36, decision: 'APPROVED', requestedBy: 'root', decidedBy: 'bureau.1' },
        { oldSeats: 36, newSeats: 50, decision: 'REJECTED', requestedBy: 'root', decidedBy: 'bureau.1' },
      ],
    });
    expect(await count(t, 'PlanAdjustment', 'PlanAdjustments', { planId, decision: 'APPROVED' })).toBe(1);
  });

  test('an unlocked line needs no adjustment; generic CRUD mutations for adjustments do not exist', async () => {
    const { planId } = await lineAt(t, 'DRAFT', { seats: 10 });
    const result = await t.gql(REQUEST, { planId, newSeats: 12, reason: '调整' });
    expect(firstError(result).extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R8', field: 'planId' });
    const crud = await t.gql(`mutation($planId: ID!) { createPlanAdjustment(planId: $planId, newSeats: 99) { id } }`, { planId });
    expect(firstError(crud).extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(await count(t, 'PlanAdjustment', 'PlanAdjustments', { planId })).toBe(0);
  });

  test('intakes beyond the seats are refused until an approved adjustment covers them', async () => {
    const { planId } = await lineAt(t, 'FILED', { seats: 10 });
    await createIntake(t, intake(planId, 10));
    const over = await t.gql(
      `mutation($planId: ID!) { createIntake(planId: $planId, count: 2, targetGroup: JUNIOR_HIGH_GRADUATE, originCode: "330100", registeredOn: "2026-09-20") { id } }`,
      { planId },
    );
    expect(firstError(over).extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R8', field: 'count' });
    expect(await count(t, 'Intake', 'Intakes', { planId })).toBe(1);

    const tooFew = await t.gql(REQUEST, { planId, newSeats: 8, reason: '缩减' });
    expect(firstError(tooFew).extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R8', field: 'newSeats' });

    const request = await t.ok(REQUEST, { planId, newSeats: 12, reason: '报名人数超出计划' });
    const pending = await t.gql(
      `mutation($planId: ID!) { createIntake(planId: $planId, count: 2, targetGroup: JUNIOR_HIGH_GRADUATE, originCode: "330100", registeredOn: "2026-09-20") { id } }`,
      { planId },
    );
    expect(firstError(pending).extensions).toMatchObject({ rule: 'R8', field: 'count' });
    await (await decider(planId)).ok(DECIDE, { id: request.requestPlanAdjustment.id, decision: 'APPROVED' });
    await createIntake(t, intake(planId, 2));
    expect(await count(t, 'Intake', 'Intakes', { planId })).toBe(2);
  });

  test('a bulk intake save past the seats reports the row that overflows and writes none', async () => {
    const { planId } = await lineAt(t, 'FILED', { seats: 10 });
    const result = await t.gql(`mutation($rows: [IntakeSaveRow!]!) { saveIntakes(rows: $rows) { id } }`, {
      rows: [
        { ...intake(planId, 6), targetGroup: 'JUNIOR_HIGH_GRADUATE' },
        { ...intake(planId, 6), targetGroup: 'JUNIOR_HIGH_PAST' },
      ],
    });
    expect(firstError(result).extensions.rows).toEqual([
      { index: 1, code: 'RULE_VIOLATION', rule: 'R8', field: 'count', message: expect.stringContaining('已录入 6 人') },
    ]);
    expect(await count(t, 'Intake', 'Intakes', { planId })).toBe(0);
  });

  test('editing an intake counts its new size, not its old one twice', async () => {
    const { planId } = await lineAt(t, 'FILED', { seats: 10 });
    const id = await createIntake(t, intake(planId, 7));
    const grown = await t.ok(`mutation($id: ID!, $v: Int!) { updateIntake(id: $id, version: $v, count: 10) { count } }`, {
      id: id,
      v: await versionOf(t, 'Intake', id),
    });
    expect(grown.updateIntake.count).toBe(10);
    const over = await t.gql(`mutation($id: ID!, $v: Int!) { updateIntake(id: $id, version: $v, count: 11) { count } }`, {
      id: id,
      v: await versionOf(t, 'Intake', id),
    });
    expect(firstError(over).extensions).toMatchObject({ rule: 'R8', field: 'count' });
  });
});
