import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { eachOrNone } from '../../common/each-or-none.js';
import { PlanAdjustment } from './plan-adjustment.entity.js';
import { AdjustmentDecision } from './adjustment.enums.js';
import { decide, decidePlanAdjustment, requestPlanAdjustment } from './plan-adjustment.service.js';
import { planAdjustmentResource } from './plan-adjustment.resource.js';
import { adjustmentAuthority } from './adjustment-authority.js';
import { inTransaction } from '../../common/transaction.js';

@Resolver(() => PlanAdjustment)
export class PlanAdjustmentResolver {
  @Mutation(() => PlanAdjustment, { description: 'Asks to change the seats of an APPROVED or FILED plan line (R8); the signed-in user is the requester' })
  requestPlanAdjustment(
    @Arg('planId', () => ID) planId: string,
    @Arg('newSeats', () => Int) newSeats: number,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: Context,
  ) {
    return inTransaction(ctx.em, (em) => requestPlanAdjustment(em, ctx.clock, { planId, newSeats, reason }, adjustmentAuthority(ctx.actor)));
  }

  @Mutation(() => PlanAdjustment, { description: 'The issuing authority (R4) approves (applying the new seats) or rejects a pending adjustment' })
  decidePlanAdjustment(
    @Arg('id', () => ID) id: string,
    @Arg('decision', () => AdjustmentDecision) decision: AdjustmentDecision,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: Context,
  ) {
    return inTransaction(ctx.em, (em) => decidePlanAdjustment(em, ctx.clock, { id, decision, note }, adjustmentAuthority(ctx.actor)));
  }

  @Mutation(() => [PlanAdjustment], {
    description: 'Decides many pending adjustments as decidePlanAdjustment decides one, all or none: every refused id is reported with its reason',
  })
  decidePlanAdjustments(
    @Arg('ids', () => [ID]) ids: string[],
    @Arg('decision', () => AdjustmentDecision) decision: AdjustmentDecision,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: Context,
  ) {
    const authority = adjustmentAuthority(ctx.actor);
    return inTransaction(ctx.em, async (em) => {
      const decided = await eachOrNone(
        em,
        planAdjustmentResource,
        ids.map((id) => ({ id })),
        (adjustment) => decide(em, ctx.clock, adjustment, { decision, note }, authority),
        { field: 'ids', populate: ['plan.school.city'] },
      );
      await em.flush();
      return decided;
    });
  }
}
