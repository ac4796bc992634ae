import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { todayIn } from '../../common/clock.js';
import { assertMayAsk } from '../analytics/reader-place.js';
import { defineQueries } from '../../common/query-reach.js';

import { checkYear, loadCities } from '../analytics/analytics.scope.js';
import { CityRankingRow } from '../analytics/city-ranking.types.js';
import { CityScore } from './city-score.types.js';
import { cityScores } from './city-score.service.js';

/** Scores compare every city (common/query-reach.ts). */
export const scoringQueries = defineQueries({ cityScores: 'provinceWide' });

const citiesOf = (ctx: Context) => ctx.cache.read('city', 'analytics', () => loadCities(ctx.em));

/** One computation per year and request, shared by every ranking row that asks. */
const scoresOf = (ctx: Context, year: number) =>
  ctx.loaders
    .keyed('cityScores', (years) => Promise.all(years.map(async (y) => cityScores(ctx.em, await citiesOf(ctx), Number(y), todayIn(ctx.clock)))))
    .load(String(year));

@Resolver(() => CityScore)
export class CityScoreResolver {
  @Query(() => [CityScore], {
    description: '绩效考核: every city’s score for the year from the published weights (allScoringWeights), best first, with the breakdown',
  })
  async cityScores(@Arg('year', () => Int) year: number, @Ctx() ctx: Context): Promise<CityScore[]> {
    assertMayAsk(scoringQueries.cityScores, ctx.actor);
    return scoresOf(ctx, checkYear(year)!);
  }
}

@Resolver(() => CityRankingRow)
export class CityRankingScoreResolver {
  @FieldResolver(() => CityScore, {
    nullable: true,
    description: 'The city’s 绩效考核 score of the ranked year, with its breakdown; null for the whole campaign',
  })
  async score(@Root() row: CityRankingRow, @Ctx() ctx: Context): Promise<CityScore | null> {
    if (row.year === null) return null;
    return (await scoresOf(ctx, row.year)).find((s) => s.cityCode === row.cityCode) ?? null;
  }
}
