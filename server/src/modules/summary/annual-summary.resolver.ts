import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { eachOrNone } from '../../common/each-or-none.js';
import type { Context } from '../../context.js';
import { cityIdInScope } from '../analytics/reader-place.js';
import { checkYear } from '../analytics/analytics.scope.js';
import { assertMayWrite } from '../../auth/scope.js';
import { findOrFail } from '../../common/crud.service.js';
import type { ResourceDef } from '../../common/resource.js';
import { annualSummaryResource } from './annual-summary.resource.js';
import { todayIn } from '../../common/clock.js';
import { CalendarDate } from '../../common/scalars.js';
import { City } from '../city/city.entity.js';
import { AnnualSummary } from './annual-summary.entity.js';
import { SummaryStatus } from './summary.enums.js';
import { SummaryFigures } from './summary-figures.types.js';
import { figuresKey, loadSummaryFigures } from './summary-figures.service.js';
import { summaryDueOn, summaryStatus } from './summary-rules.js';
import { submit, submitAnnualSummary } from './annual-summary.service.js';
import { defineQueries } from '../../common/query-reach.js';
import { inTransaction } from '../../common/transaction.js';

/** A city bureau sees its own city's status (common/query-reach.ts). */
export const summaryQueries = defineQueries({ annualSummaryStatuses: 'place' });

const figuresOf = (ctx: Context, cityId: number, year: number) =>
  ctx.loaders.keyed('summaryFigures', (keys) => loadSummaryFigures(ctx.em, keys)).load(figuresKey(cityId, year));

@ObjectType({ description: 'Where a city stands with its yearly summary (R10), whether or not it has started one' })
export class CitySummaryStatus {
  @Field(() => ID) cityId!: number;
  @Field(() => Int) year!: number;
  @Field(() => CalendarDate) dueOn!: string;
  @Field(() => SummaryStatus) status!: SummaryStatus;
  @Field(() => AnnualSummary, { nullable: true }) summary!: AnnualSummary | null;
}

@InputType({ description: 'A summary to submit and the version it was read at' })
export class SummaryToSubmit {
  @Field(() => ID) id!: string;
  @Field(() => Int, { nullable: true }) version!: number | null;
}

@Resolver(() => AnnualSummary)
export class AnnualSummaryResolver {
  @Mutation(() => AnnualSummary, { description: 'Reports the summary to the province (R10); it cannot change afterwards' })
  submitAnnualSummary(@Arg('id', () => ID) id: string, @Arg('version', () => Int, { nullable: true }) version: number | null, @Ctx() ctx: Context) {
    return inTransaction(ctx.em, async (em) => {
      await assertMayWrite(annualSummaryResource as ResourceDef, await findOrFail(em, annualSummaryResource, id), ctx.actor);
      return submitAnnualSummary(em, ctx.clock, id, version);
    });
  }

  @Mutation(() => [AnnualSummary], {
    description: 'Reports many summaries as submitAnnualSummary reports one, all or none: every refused one is reported with its reason',
  })
  submitAnnualSummaries(@Arg('rows', () => [SummaryToSubmit]) rows: SummaryToSubmit[], @Ctx() ctx: Context) {
    return inTransaction(ctx.em, async (em) => {
      const done = await eachOrNone(
        em,
        annualSummaryResource,
        rows,
        async (summary, row) => {
          await assertMayWrite(annualSummaryResource as ResourceDef, summary, ctx.actor);
          return submit(ctx.clock, summary, row.version);
        },
        { field: 'rows' },
      );
      await em.flush();
      return done;
    });
  }

  @Query(() => [CitySummaryStatus], { description: 'Every city’s summary for the year: SUBMITTED, DUE or OVERDUE against 30 November' })
  async annualSummaryStatuses(@Arg('year', () => Int) year: number, @Ctx() ctx: Context): Promise<CitySummaryStatus[]> {
    checkYear(year);
    const own = cityIdInScope(ctx.actor, undefined);
    const cities = await ctx.em.find(City, own ? { id: own } : {}, { orderBy: { displayOrder: 'ASC' } });
    const summaries = new Map((await ctx.em.find(AnnualSummary, { year })).map((s) => [s.city.id, s]));
    const today = todayIn(ctx.clock);
    return cities.map((city) => {
      const summary = summaries.get(city.id) ?? null;
      return { cityId: city.id, year, dueOn: summaryDueOn(year), status: summaryStatus(year, summary?.submittedOn ?? null, today), summary };
    });
  }

  @FieldResolver(() => SummaryStatus)
  status(@Root() summary: AnnualSummary, @Ctx() ctx: Context): SummaryStatus {
    return summaryStatus(summary.year, summary.submittedOn, todayIn(ctx.clock));
  }

  @FieldResolver(() => CalendarDate)
  dueOn(@Root() summary: AnnualSummary): string {
    return summaryDueOn(summary.year);
  }

  @FieldResolver(() => Boolean, { description: 'Submitted after 30 November' })
  late(@Root() summary: AnnualSummary): boolean {
    return summary.submittedOn !== null && summary.submittedOn > summaryDueOn(summary.year);
  }

  @FieldResolver(() => SummaryFigures)
  figures(@Root() summary: AnnualSummary, @Ctx() ctx: Context) {
    return figuresOf(ctx, summary.city.id, summary.year);
  }
}

@Resolver(() => CitySummaryStatus)
export class CitySummaryStatusResolver {
  @FieldResolver(() => City)
  city(@Root() row: CitySummaryStatus, @Ctx() ctx: Context) {
    return ctx.loaders.byId(City).load(row.cityId);
  }

  @FieldResolver(() => SummaryFigures)
  figures(@Root() row: CitySummaryStatus, @Ctx() ctx: Context) {
    return figuresOf(ctx, row.cityId, row.year);
  }
}
