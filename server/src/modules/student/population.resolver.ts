import { defineQueries } from '../../common/query-reach.js';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { badInput } from '../../common/errors.js';
import { CalendarDate } from '../../common/scalars.js';
import { todayIn } from '../../common/clock.js';
import { checkYear } from '../analytics/analytics.scope.js';
import { PopulationGroupBy, PopulationRow, StudentExitMonth, studentExits, studentPopulation } from './population.js';

/** Counts of students in the reader's place (common/query-reach.ts). */
export const populationQueries = defineQueries({ studentPopulation: 'place', studentExits: 'place' });

@Resolver()
export class PopulationResolver {
  @Query(() => [PopulationRow], {
    description:
      '在校学生: students on a roster in school on a day (today unless given), by city (with the province, the 2020 base and the 翻一番 ratio; a city with a base is listed even with nobody in school), school, level or year of entry; a city bureau sees its city, school staff their school',
  })
  studentPopulation(
    @Arg('on', () => CalendarDate, { nullable: true }) on: string | null | undefined,
    @Arg('groupBy', () => PopulationGroupBy, { defaultValue: PopulationGroupBy.CITY }) groupBy: PopulationGroupBy,
    @Ctx() ctx: Context,
  ): Promise<PopulationRow[]> {
    return studentPopulation(ctx.em, ctx.actor, on ?? todayIn(ctx.clock), groupBy);
  }

  @Query(() => [StudentExitMonth], { description: 'Graduations, withdrawals and transfers per month of a year, in the reader’s place' })
  studentExits(@Arg('year', () => Int) year: number, @Ctx() ctx: Context): Promise<StudentExitMonth[]> {
    const checked = checkYear(year);
    if (checked === null) throw badInput('year', '请指定年度', 'give a year');
    return studentExits(ctx.em, ctx.actor, checked);
  }
}
