import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { PlanAdjustment } from './plan-adjustment.entity.js';
import { AdjustmentDecision } from './adjustment.enums.js';
import { decidePlanAdjustment, requestPlanAdjustment } from './plan-adjustment.service.js';
import { adjustmentAuthority } from './adjustment-authority.js';

@Resolver(() => PlanAdjustment)
export class PlanAdjustmentResolver {
  @Mutation(() => PlanAdjustment, { description: 'Asks to change the seats of an APPROVED or FILED plan line (R8); the signed-in user is the requester' })
  requestPlanAdjustment(
    @Arg('planId', () => ID) planId: string,
    @Arg('newSeats', () => Int) newSeats: number,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: Context,
  ) {
    return ctx.em.transactional((em) => requestPlanAdjustment(em, ctx.clock, { planId, newSeats, reason }, adjustmentAuthority(ctx.actor)));
  }

  @Mutation(() => PlanAdjustment, { description: 'The issuing authority (R4) approves (applying the new seats) or rejects a pending adjustment' })
  decidePlanAdjustment(
    @Arg('id', () => ID) id: string,
    @Arg('decision', () => AdjustmentDecision) decision: AdjustmentDecision,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.em.transactional((em) => decidePlanAdjustment(em, ctx.clock, { id, decision, note }, adjustmentAuthority(ctx.actor)));
  }
}
