import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { assertMayWrite } from '../../auth/scope.js';
import { findOrFail } from '../../common/crud.service.js';
import { conflict } from '../../common/errors.js';
import type { ResourceDef } from '../../common/resource.js';
import { todayIn } from '../../common/clock.js';
import { CalendarDate } from '../../common/scalars.js';
import { DisciplineCase } from './discipline-case.entity.js';
import { disciplineCaseResource } from './discipline-case.resource.js';
import { DisciplineStatus } from './discipline.enums.js';
import { assertMove } from './discipline-rules.js';
import { DisciplineCaseCount, disciplineCaseCounts } from './discipline-stats.js';
import { checkYear, loadCities } from '../analytics/analytics.scope.js';
import { cityCodeInScope } from '../analytics/reader-place.js';
import { defineQueries } from '../../common/query-reach.js';
import { inTransaction } from '../../common/transaction.js';

/** A city bureau counts its own city's cases (common/query-reach.ts). */
export const registerQueries = defineQueries({ disciplineCaseCounts: 'place' });

@Resolver(() => DisciplineCase)
export class DisciplineCaseResolver {
  @Query(() => [DisciplineCaseCount], {
    description: '招生秩序 counts per city (a city bureau: its own city), by status and kind, for cases received in the year or in all years',
  })
  async disciplineCaseCounts(@Arg('year', () => Int, { nullable: true }) year: number | null, @Ctx() ctx: Context): Promise<DisciplineCaseCount[]> {
    const cities = await ctx.cache.read('city', 'analytics', () => loadCities(ctx.em));
    const own = cityCodeInScope(cities, ctx.actor, null);
    return disciplineCaseCounts(ctx.em, own ? cities.filter((c) => c.code === own) : cities, checkYear(year));
  }

  @Mutation(() => DisciplineCase, {
    description:
      'Moves a case of the register: OPEN → VERIFIED or DISMISSED (with findings), VERIFIED → REFERRED to 纪检监察 (with measures); dated today unless `on` is given',
  })
  moveDisciplineCase(
    @Arg('id', () => ID) id: string,
    @Arg('to', () => DisciplineStatus) to: DisciplineStatus,
    @Arg('on', () => CalendarDate, { nullable: true }) on: string | null | undefined,
    @Arg('version', () => Int, { nullable: true }) version: number | null | undefined,
    @Ctx() ctx: Context,
  ) {
    return inTransaction(ctx.em, async (em) => {
      const row = await findOrFail(em, disciplineCaseResource, id);
      await assertMayWrite(disciplineCaseResource as ResourceDef, row, ctx.actor);
      if (version !== null && version !== undefined && version !== row.version) throw conflict(disciplineCaseResource.labelZh, row.id, version, row.version);
      const today = todayIn(ctx.clock);
      const date = on ?? today;
      assertMove(row, to, date, today);
      row.status = to;
      row.statusChangedOn = date;
      if (to === DisciplineStatus.REFERRED) row.referredOn = date;
      await em.flush();
      return row;
    });
  }
}
