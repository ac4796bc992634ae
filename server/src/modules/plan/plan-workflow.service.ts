import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { AppError, BulkError, badInput, ruleViolation, type RowProblem } from '../../common/errors.js';
import type { ResourceDef } from '../../common/resource.js';
import { absent, writeScope } from '../../auth/scope.js';
import { actorOf } from '../../auth/actor.js';
import { enrollmentPlanResource } from './enrollment-plan.resource.js';
import { BUREAUS, PROVINCE_ONLY, Role } from '../../auth/role.js';
import { todayIn, type Clock } from '../../common/clock.js';
import { EnrollmentPlan } from './enrollment-plan.entity.js';
import { PlanTransition } from './plan-transition.entity.js';
import { PlanStatus, PlanStep } from './plan.enums.js';
import { assertFiledCatalogue, issuerCodeOf, isLocked } from './plan-rules.js';

interface StepSpec {
  from: PlanStatus;
  to: PlanStatus;
  /** The rule a step out of order breaks: the issuing chain (R4) or filing (R6). */
  rule: string;
  zh: string;
  /** Roles that take the step at all; which lines each may move is the acting authority's to say. */
  roles: Role[];
}

/** DRAFT → SUBMITTED (school) → APPROVED (issuing authority, R4) → FILED (province, R6); a submitted line may be returned. */
export const PLAN_STEPS: Record<PlanStep, StepSpec> = {
  [PlanStep.SUBMIT]: { from: PlanStatus.DRAFT, to: PlanStatus.SUBMITTED, rule: 'R4', zh: '提交', roles: [Role.PROVINCE_ADMIN, Role.SCHOOL_STAFF] },
  [PlanStep.APPROVE]: { from: PlanStatus.SUBMITTED, to: PlanStatus.APPROVED, rule: 'R4', zh: '下达', roles: BUREAUS },
  [PlanStep.FILE]: { from: PlanStatus.APPROVED, to: PlanStatus.FILED, rule: 'R6', zh: '备案', roles: PROVINCE_ONLY },
  [PlanStep.RETURN]: { from: PlanStatus.SUBMITTED, to: PlanStatus.DRAFT, rule: 'R4', zh: '退回', roles: BUREAUS },
};

/**
 * Who performs a step. Users and roles arrive with authentication; until then no authority is
 * passed and every caller may perform every step. An implementation throws FORBIDDEN to refuse.
 */
export interface ActingAuthority {
  assertMay(step: PlanStep, plan: EnrollmentPlan, issuerCode: string): void;
}

export interface TransitionOptions {
  clock: Clock;
  /** Required when returning lines to the school. */
  reason?: string | null;
  actor?: ActingAuthority;
}

function outOfOrder(step: PlanStep, plan: EnrollmentPlan): AppError {
  const spec = PLAN_STEPS[step];
  // Taking a locked line backwards would be a change without an adjustment.
  const rule = step === PlanStep.RETURN && isLocked(plan.status) ? 'R8' : spec.rule;
  return ruleViolation(
    rule,
    `招生计划 ${plan.id} 当前为 ${plan.status}，只有 ${spec.from} 状态的计划可以${spec.zh}`,
    `plan line ${plan.id} is ${plan.status}; only ${spec.from} lines can ${step.toLowerCase()}`,
    'status',
  );
}

/** Who may take the step speaks first: the status of a line one may not move is none of one's business. */
function checkLine(step: PlanStep, plan: EnrollmentPlan, actor: ActingAuthority | undefined): void {
  actor?.assertMay(step, plan, issuerCodeOf(plan.school));
  if (plan.status !== PLAN_STEPS[step].from) throw outOfOrder(step, plan);
  if (step === PlanStep.APPROVE) assertFiledCatalogue(plan.program);
}

/** Moves every listed line one step, or none: each failing id is reported with its index. */
export async function transitionPlans(em: EntityManager, step: PlanStep, ids: readonly string[], options: TransitionOptions): Promise<EnrollmentPlan[]> {
  if (ids.length === 0) throw badInput('ids', '请至少选择一条招生计划', 'give at least one plan line id');
  const reason = options.reason?.trim() ?? '';
  if (step === PlanStep.RETURN && reason === '') throw badInput('reason', '退回须说明理由', 'a return needs a reason');

  const numeric = ids.map((id) => Number(id));
  // Only lines of the actor's place are found: a line elsewhere is answered like a missing one.
  const def = enrollmentPlanResource as ResourceDef;
  const scope = writeScope(def, actorOf(em));
  const byIds = { id: { $in: numeric.filter((n) => Number.isSafeInteger(n) && n > 0) } };
  const found = await em.find(EnrollmentPlan, (scope ? { $and: [byIds, scope] } : byIds) as FilterQuery<EnrollmentPlan>, {
    populate: ['school.city', 'program.major'],
  });
  const byId = new Map(found.map((plan) => [plan.id, plan]));
  const seen = new Set<number>();
  const problems: RowProblem[] = [];
  const plans: EnrollmentPlan[] = [];
  ids.forEach((id, index) => {
    try {
      const plan = byId.get(numeric[index]!);
      if (!plan) throw absent(def, id, scope !== undefined);
      if (seen.has(plan.id)) throw badInput('ids', `招生计划 ${id} 重复出现`, `plan line ${id} is listed twice`);
      seen.add(plan.id);
      checkLine(step, plan, options.actor);
      plans.push(plan);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const ext = error.extensions as Record<string, string | null>;
      problems.push({ index, id, code: error.problem.code, rule: ext.rule ?? null, field: ext.field ?? null, message: error.message });
    }
  });
  if (problems.length > 0) throw new BulkError(problems);

  const occurredOn = todayIn(options.clock);
  for (const plan of plans) {
    const { from, to } = PLAN_STEPS[step];
    plan.status = to;
    em.create(PlanTransition, { plan, step, fromStatus: from, toStatus: to, reason: step === PlanStep.RETURN ? reason : null, occurredOn });
  }
  await em.flush();
  return plans;
}
