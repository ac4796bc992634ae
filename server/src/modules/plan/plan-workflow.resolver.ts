import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { City } from '../city/city.entity.js';
import { School } from '../school/school.entity.js';
import { EnrollmentPlan } from './enrollment-plan.entity.js';
import { Issuer, issuerOf } from './issuer.js';
import { transitionPlans } from './plan-workflow.service.js';
import { PlanStep } from './plan.enums.js';
import { planAuthority } from './plan-authority.js';
import { inTransaction } from '../../common/transaction.js';

const idsArg = () => [ID];

/** The plan workflow's transitions, in bulk and all or nothing, and the issuing authority of each line. */
@Resolver(() => EnrollmentPlan)
export class PlanWorkflowResolver {
  private run(ctx: Context, step: PlanStep, ids: string[], reason?: string) {
    const actor = ctx.actor ? planAuthority(ctx.actor) : undefined;
    return inTransaction(ctx.em, (em) => transitionPlans(em, step, ids, { clock: ctx.clock, reason, actor }));
  }

  @Mutation(() => [EnrollmentPlan], { description: 'DRAFT → SUBMITTED: the school submits lines to the issuing authority' })
  submitPlans(@Arg('ids', idsArg) ids: string[], @Ctx() ctx: Context) {
    return this.run(ctx, PlanStep.SUBMIT, ids);
  }

  @Mutation(() => [EnrollmentPlan], { description: 'SUBMITTED → APPROVED: the issuing authority (R4) approves; lines must pass R5' })
  approvePlans(@Arg('ids', idsArg) ids: string[], @Ctx() ctx: Context) {
    return this.run(ctx, PlanStep.APPROVE, ids);
  }

  @Mutation(() => [EnrollmentPlan], { description: 'APPROVED → FILED: the province files the lines (R6); they then take intakes' })
  filePlans(@Arg('ids', idsArg) ids: string[], @Ctx() ctx: Context) {
    return this.run(ctx, PlanStep.FILE, ids);
  }

  @Mutation(() => [EnrollmentPlan], { description: 'SUBMITTED → DRAFT: the issuing authority returns lines to the school with a reason' })
  returnPlans(@Arg('ids', idsArg) ids: string[], @Arg('reason', () => String) reason: string, @Ctx() ctx: Context) {
    return this.run(ctx, PlanStep.RETURN, ids, reason);
  }

  @FieldResolver(() => Issuer, { description: 'Who issues this line (R4): the city bureau, or the province for provincial schools' })
  async issuer(@Root() plan: EnrollmentPlan, @Ctx() ctx: Context): Promise<Issuer> {
    const school = (await ctx.loaders.byId(School).load(plan.school.id))!;
    const city = (await ctx.loaders.byId(City).load(school.city.id))!;
    return issuerOf(school, city);
  }

  @FieldResolver(() => String, { description: 'GB/T 2260 code of the issuing authority: 330000 or the school city' })
  async issuerCode(@Root() plan: EnrollmentPlan, @Ctx() ctx: Context): Promise<string> {
    return (await this.issuer(plan, ctx)).code;
  }
}
