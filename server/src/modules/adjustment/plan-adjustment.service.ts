import type { EntityManager } from '@mikro-orm/core';
import { badInput, ruleViolation } from '../../common/errors.js';
import { findOrFail } from '../../common/crud.service.js';
import { todayIn, type Clock } from '../../common/clock.js';
import { queryRows, toNumber } from '../../read/sql.js';
import type { EnrollmentPlan } from '../plan/enrollment-plan.entity.js';
import { enrollmentPlanResource } from '../plan/enrollment-plan.resource.js';
import { planAdjustmentResource } from './plan-adjustment.resource.js';
import { isLocked } from '../plan/plan-rules.js';
import { PlanAdjustment } from './plan-adjustment.entity.js';
import { AdjustmentDecision } from './adjustment.enums.js';
import { assertPlanLineHoldsOrderClasses } from '../order-class/order-class-seats.js';

export interface AdjustmentRequest {
  planId: string;
  newSeats: number;
  reason: string;
}

export interface AdjustmentDecisionInput {
  id: string;
  decision: AdjustmentDecision;
  note?: string | null;
}

/** Who asks and who decides; refuses (FORBIDDEN) anyone the notice does not give that power. */
export interface AdjustmentAuthority {
  /** The name recorded as requester or decider. */
  name: string;
  /** Whether the actor's role asks for adjustments at all; where it may is the line's lookup. */
  assertMayRequest(): void;
  assertMayDecide(em: EntityManager, plan: EnrollmentPlan): Promise<void>;
}

function required(field: string, labelZh: string, value: string, maxLength: number): string {
  const text = value.trim();
  if (text === '') throw badInput(field, `${labelZh}不能为空`, `${field} must not be empty`);
  if (text.length > maxLength) throw badInput(field, `${labelZh}最多 ${maxLength} 个字符`, `${field} is longer than ${maxLength} characters`);
  return text;
}

async function intakesOn(em: EntityManager, planId: number): Promise<number> {
  const [row] = await queryRows<{ taken: unknown }>(em, 'select coalesce(sum(count), 0) as taken from intake where plan_id = ?', [planId]);
  return toNumber(row?.taken);
}

async function assertCoversIntakes(em: EntityManager, plan: EnrollmentPlan, newSeats: number): Promise<void> {
  const taken = await intakesOn(em, plan.id);
  if (newSeats >= taken) return;
  throw ruleViolation(
    'R8',
    `招生计划 ${plan.id} 已录入 ${taken} 人，调整后人数不能少于已录入人数`,
    `plan line ${plan.id} already has ${taken} students; ${newSeats} seats would not cover them`,
    'newSeats',
  );
}

/** R8: asks to change the seats of a locked line; one pending request per line at a time. */
export async function requestPlanAdjustment(
  em: EntityManager,
  clock: Clock,
  input: AdjustmentRequest,
  authority: AdjustmentAuthority,
): Promise<PlanAdjustment> {
  authority.assertMayRequest();
  const plan = await findOrFail(em, enrollmentPlanResource, input.planId);
  if (!isLocked(plan.status)) {
    throw ruleViolation(
      'R8',
      `招生计划 ${plan.id} 尚未下达（${plan.status}），可直接修改，无需调整申请`,
      `plan line ${plan.id} is ${plan.status}, not locked; edit it directly`,
      'planId',
    );
  }
  if (!Number.isInteger(input.newSeats) || input.newSeats < 0 || input.newSeats > 100000) {
    throw badInput('newSeats', '调整后人数须在 0 到 100000 之间', 'newSeats must be between 0 and 100000');
  }
  if (input.newSeats === plan.seats) throw badInput('newSeats', `调整后人数与现计划人数 ${plan.seats} 相同`, `newSeats equals the current ${plan.seats}`);
  const reason = required('reason', '调整理由', input.reason, 500);
  const requestedBy = authority.name;
  const pending = await em.findOne(PlanAdjustment, { plan: plan.id, decision: AdjustmentDecision.PENDING });
  if (pending) {
    throw ruleViolation(
      'R8',
      `招生计划 ${plan.id} 已有待审批的调整申请（编号 ${pending.id}）`,
      `plan line ${plan.id} already has pending adjustment ${pending.id}`,
      'planId',
    );
  }
  await assertCoversIntakes(em, plan, input.newSeats);
  await assertPlanLineHoldsOrderClasses(em, plan, input.newSeats, 'newSeats');
  const adjustment = em.create(PlanAdjustment, { plan, oldSeats: plan.seats, newSeats: input.newSeats, reason, requestedBy, requestedOn: todayIn(clock) });
  await em.flush();
  return adjustment;
}

/** R8: approving applies the new seats to the locked line — the only write that bypasses the lock. */
export async function decidePlanAdjustment(
  em: EntityManager,
  clock: Clock,
  input: AdjustmentDecisionInput,
  authority: AdjustmentAuthority,
): Promise<PlanAdjustment> {
  const adjustment = await findOrFail(em, planAdjustmentResource, input.id);
  await decide(em, clock, adjustment, input, authority);
  await em.flush();
  return adjustment;
}

/** R8 with R4 on an adjustment already read (one, or each of many decided at once); the caller flushes. */
export async function decide(
  em: EntityManager,
  clock: Clock,
  adjustment: PlanAdjustment,
  input: Omit<AdjustmentDecisionInput, 'id'>,
  authority: AdjustmentAuthority,
): Promise<PlanAdjustment> {
  await em.populate(adjustment, ['plan']);
  await authority.assertMayDecide(em, adjustment.plan);
  if (input.decision === AdjustmentDecision.PENDING) throw badInput('decision', '审批结果只能是批准或驳回', 'decision must be APPROVED or REJECTED');
  if (adjustment.decision !== AdjustmentDecision.PENDING) {
    throw ruleViolation(
      'R8',
      `计划调整 ${adjustment.id} 已于 ${adjustment.decidedOn} ${adjustment.decision === AdjustmentDecision.APPROVED ? '批准' : '驳回'}`,
      `adjustment ${adjustment.id} was already ${adjustment.decision}`,
      'decision',
    );
  }
  const decidedBy = authority.name;
  const note = input.note?.trim() || null;
  if (note && note.length > 500) throw badInput('note', '审批意见最多 500 个字符', 'note is longer than 500 characters');
  if (input.decision === AdjustmentDecision.APPROVED) {
    await assertCoversIntakes(em, adjustment.plan, adjustment.newSeats);
    await assertPlanLineHoldsOrderClasses(em, adjustment.plan, adjustment.newSeats, 'newSeats');
    adjustment.plan.seats = adjustment.newSeats;
  }
  Object.assign(adjustment, { decision: input.decision, decidedBy, decidedOn: todayIn(clock), decisionNote: note });
  return adjustment;
}
