import type { EntityManager } from '@mikro-orm/core';
import type { ResourceDef } from '../common/resource.js';
import type { EnrollmentPlan } from '../modules/plan/enrollment-plan.entity.js';
import type { AdjustmentAuthority } from '../modules/adjustment/plan-adjustment.service.js';
import { enrollmentPlanResource } from '../modules/plan/enrollment-plan.resource.js';
import { issuerCodeOf } from '../modules/plan/plan-rules.js';
import { PlanStep } from '../modules/plan/plan.enums.js';
import { policyOf } from './policies.js';
import { forbidden, inScope } from './scope.js';
import { planAuthority } from './plan-authority.js';
import type { Actor } from './actor.js';

/**
 * R8 with R4: any office that may write the line asks for an adjustment; the line's issuing
 * authority decides, as it approved the line. Without an actor (scripts, seeding) nothing is checked.
 */
export function adjustmentAuthority(actor: Actor | null): AdjustmentAuthority {
  return {
    name: actor?.username ?? 'system',
    async assertMayRequest(_em: EntityManager, plan: EnrollmentPlan) {
      if (!actor) return;
      const def = enrollmentPlanResource as ResourceDef;
      if (!policyOf('PlanAdjustment').write.includes(actor.role) || !(await inScope(def, plan))) throw forbidden('计划调整', 'PlanAdjustment');
    },
    async assertMayDecide(em: EntityManager, plan: EnrollmentPlan) {
      if (!actor) return;
      await em.populate(plan, ['school.city']);
      planAuthority(actor).assertMay(PlanStep.APPROVE, plan, issuerCodeOf(plan.school));
    },
  };
}
