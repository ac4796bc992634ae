import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { todayIn } from '../../common/clock.js';
import { assertMayAsk, cityCodeInScope } from '../analytics/reader-place.js';
import { defineQueries } from '../../common/query-reach.js';
import { PROVINCE_CODE } from '../target/campaign.js';
import { checkYear, loadCities } from '../analytics/analytics.scope.js';
import { CityRankingRow } from '../analytics/city-ranking.types.js';
import { CityScore } from './city-score.types.js';
import { cityScores } from './city-score.service.js';

/** A city bureau gets its own city's score and rank (common/query-reach.ts). */
export const scoringQueries = defineQueries({ cityScores: 'place' });

const citiesOf = (ctx: Context) => ctx.cache.read('city', 'analytics', () => loadCities(ctx.em));

/** One computation per year and request, shared by every ranking row that asks. */
const scoresOf = (ctx: Context, year: number) =>
  ctx.loaders
    .keyed('cityScores', (years) => Promise.all(years.map(async (y) => cityScores(ctx.em, await citiesOf(ctx), Number(y), todayIn(ctx.clock)))))
    .load(String(year));

@Resolver(() => CityScore)
export class CityScoreResolver {
  @Query(() => [CityScore], {
    description:
      '绩效考核: the cities’ scores for the year from the published weights (allScoringWeights), best first, with the breakdown; a city bureau gets its own city’s only (with its rank)',
  })
  async cityScores(
    @Arg('year', () => Int) year: number,
    @Arg('cityCode', () => String, { nullable: true, description: 'One city; every city when absent or 330000 (a city bureau: always its own)' })
    cityCode: string | null,
    @Ctx() ctx: Context,
  ): Promise<CityScore[]> {
    assertMayAsk(scoringQueries.cityScores, ctx.actor);
    const only = cityCodeInScope(await citiesOf(ctx), ctx.actor, cityCode);
    const scores = await scoresOf(ctx, checkYear(year)!);
    return only && only !== PROVINCE_CODE ? scores.filter((s) => s.cityCode === only) : scores;
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
