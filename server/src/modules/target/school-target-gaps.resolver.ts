import { checkYear } from '../analytics/analytics.scope.js';
import { Arg, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { cityIdInScope } from '../analytics/reader-place.js';
import { parseId } from '../../common/ids.js';
import { Role } from '../../auth/role.js';
import { City } from '../city/city.entity.js';
import { School } from '../school/school.entity.js';
import { schoolTargetGaps } from './school-target-gaps.service.js';
import { defineQueries } from '../../common/query-reach.js';

/** A city bureau sees its own city's gaps (common/query-reach.ts). */
export const targetQueries = defineQueries({ schoolTargetGaps: 'place' });

@ObjectType({ description: 'A school whose 任务分解 target is below the seats it plans for the year' })
export class UnderAssignedSchool {
  @Field(() => ID) schoolId!: number;
  @Field(() => Int, { description: 'Its SchoolTarget seats (0 when none assigned)' }) target!: number;
  @Field(() => Int, { description: 'Seats of its plan lines that count toward targets (not skills training)' }) plannedSeats!: number;
  @Field(() => Int, { description: 'plannedSeats − target' }) shortfall!: number;
}

@ObjectType({ description: 'A city’s breakdown of its campaign target over its schools for one year' })
export class SchoolTargetGap {
  @Field(() => ID) cityId!: number;
  @Field(() => Int) year!: number;
  @Field(() => Int, { description: 'The city’s CampaignTarget seats (0 outside the task table)' }) cityTarget!: number;
  @Field(() => Int, { description: 'Sum of the city schools’ SchoolTarget seats' }) assigned!: number;
  @Field(() => Int, { description: 'cityTarget − assigned: positive when part of the target is not yet assigned' }) gap!: number;
  @Field(() => [UnderAssignedSchool]) underAssigned!: UnderAssignedSchool[];
}

@Resolver(() => SchoolTargetGap)
export class SchoolTargetGapResolver {
  @Query(() => [SchoolTargetGap], { description: 'Per city: target against the sum of school targets, and under-assigned schools' })
  async schoolTargetGaps(
    @Arg('year', () => Int) year: number,
    @Arg('cityId', () => ID, { nullable: true }) cityId: string | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<SchoolTargetGap[]> {
    const city = cityIdInScope(ctx.actor, cityId == null ? undefined : parseId(cityId, 'cityId'));
    const rows = await schoolTargetGaps(ctx.em, checkYear(year)!, city);
    // school staff see their city's totals and, of its schools, only their own
    const ownSchool = ctx.actor?.role === Role.SCHOOL_STAFF ? ctx.actor.schoolId : null;
    return rows.map((row) => ({
      ...row,
      gap: row.cityTarget - row.assigned,
      underAssigned: row.underAssigned
        .filter((s) => ownSchool === null || s.schoolId === ownSchool)
        .map((s) => ({ ...s, shortfall: s.plannedSeats - s.target })),
    }));
  }

  @FieldResolver(() => City)
  city(@Root() gap: SchoolTargetGap, @Ctx() ctx: Context) {
    return ctx.loaders.byId(City).load(gap.cityId);
  }
}

@Resolver(() => UnderAssignedSchool)
export class UnderAssignedSchoolResolver {
  @FieldResolver(() => School)
  school(@Root() row: UnderAssignedSchool, @Ctx() ctx: Context) {
    return ctx.loaders.byId(School).load(row.schoolId);
  }
}
