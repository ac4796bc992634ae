import type { EntityManager } from '@mikro-orm/core';
import { mayWrite } from '../../common/resource.js';
import type { EnrollmentPlan } from '../plan/enrollment-plan.entity.js';
import type { AdjustmentAuthority } from './plan-adjustment.service.js';
import { planAdjustmentResource } from './plan-adjustment.resource.js';
import { issuerCodeOf } from '../plan/plan-rules.js';
import { PlanStep } from '../plan/plan.enums.js';
import { forbidden } from '../../auth/scope.js';
import { planAuthority } from '../plan/plan-authority.js';
import type { Actor } from '../../auth/actor.js';

/**
 * R8 with R4: any office that may write adjustments asks for one on a line of its place (the line is
 * looked up within the actor's place); the line's issuing
 * authority decides, as it approved the line. Without an actor (scripts, seeding) nothing is checked.
 */
export function adjustmentAuthority(actor: Actor | null): AdjustmentAuthority {
  return {
    name: actor?.username ?? 'system',
    assertMayRequest() {
      if (actor && !mayWrite(planAdjustmentResource, actor.role)) throw forbidden(planAdjustmentResource.labelZh, planAdjustmentResource.name);
    },
    async assertMayDecide(em: EntityManager, plan: EnrollmentPlan) {
      if (!actor) return;
      await em.populate(plan, ['school.city']);
      planAuthority(actor).assertMay(PlanStep.APPROVE, plan, issuerCodeOf(plan.school));
    },
  };
}
