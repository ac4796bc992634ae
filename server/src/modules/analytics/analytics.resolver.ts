import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { todayIn } from '../../common/clock.js';
import { CampaignProgress, LevelMixRow } from './analytics.types.js';
import { SourceMixRow } from './source-mix.types.js';
import { CityRankingRow } from './city-ranking.types.js';
import { campaignProgress } from './campaign-progress.service.js';
import { levelMix } from './level-mix.service.js';
import { sourceMix } from './source-mix.service.js';
import { cityRanking } from './city-ranking.service.js';
import { PartnershipStats } from './partnership-stats.types.js';
import { partnershipStats } from './partnership-stats.service.js';
import { loadCities, type CityInfo } from './analytics.scope.js';
import { assertMayAsk, cityCodeInScope, schoolIdAllowed, schoolIdInScope } from './reader-place.js';
import { defineQueries } from '../../common/query-reach.js';

/** Who asks the analyst figures (common/query-reach.ts). */
export const analyticsQueries = defineQueries({
  campaignProgress: 'place',
  levelMix: 'place',
  sourceMix: 'place',
  cityRanking: 'provinceWide',
  partnershipStats: 'place',
});

/** Names and codes that shape every answer; each instance keeps them until the city table changes. */
const citiesOf = (ctx: Context) => ctx.cache.read('city', 'analytics', () => loadCities(ctx.em));

const yearArg = () => Arg('year', () => Int, { nullable: true, description: 'One campaign year (2023–2027); all five when absent' });
const cityArg = () => Arg('cityCode', () => String, { nullable: true, description: 'A city code; 330000 or absent for the whole province' });
const schoolArg = () =>
  Arg('schoolId', () => ID, { nullable: true, description: 'One school (in the city, when one is named); school staff always get their own' });

/** The city and school a report may cover for the asker (see reader-place.ts). */
const placeInScope = async (ctx: Context, cities: CityInfo[], cityCode: string | null, schoolId: string | null) => ({
  cityCode: cityCodeInScope(cities, ctx.actor, cityCode),
  schoolId: await schoolIdInScope(ctx.em, ctx.actor, schoolId),
});

/** Analyst queries (read-only): each is a few GROUP BY statements, never rows loaded into memory. */
@Resolver()
export class AnalyticsResolver {
  @Query(() => CampaignProgress, { description: '招生进度: task table vs planned vs enrolled, per city and year, with the province row and the cumulative' })
  async campaignProgress(
    @yearArg() year: number | null,
    @cityArg() cityCode: string | null,
    @Arg('schoolId', () => ID, {
      nullable: true,
      description: 'One school, against its share of the task (SchoolTarget); school staff may name only their own',
    })
    schoolId: string | null,
    @Ctx() ctx: Context,
  ) {
    const cities = await citiesOf(ctx);
    // the task table is a city's: school staff see their city's unless they ask for their school
    const place = { cityCode: cityCodeInScope(cities, ctx.actor, cityCode), schoolId: await schoolIdAllowed(ctx.em, ctx.actor, schoolId) };
    return campaignProgress(ctx.em, cities, { year, ...place }, todayIn(ctx.clock));
  }

  @Query(() => [LevelMixRow], { description: '培养层次结构 (R2): enrolled by level and the advanced + technician share, flagged when it falls' })
  async levelMix(@yearArg() year: number | null, @cityArg() cityCode: string | null, @schoolArg() schoolId: string | null, @Ctx() ctx: Context) {
    const cities = await citiesOf(ctx);
    return levelMix(ctx.em, cities, { year, ...(await placeInScope(ctx, cities, cityCode, schoolId)) });
  }

  @Query(() => [SourceMixRow], { description: '生源结构: enrolled by target group, study mode and origin, with the out-of-province share' })
  async sourceMix(@yearArg() year: number | null, @cityArg() cityCode: string | null, @schoolArg() schoolId: string | null, @Ctx() ctx: Context) {
    const cities = await citiesOf(ctx);
    return sourceMix(ctx.em, cities, { year, ...(await placeInScope(ctx, cities, cityCode, schoolId)) });
  }

  @Query(() => [CityRankingRow], { description: '设区市排名 by completion rate, with the level share beside it' })
  async cityRanking(
    @Arg('year', () => Int, { nullable: true, description: 'One campaign year; the whole campaign when absent' }) year: number | null,
    @Ctx() ctx: Context,
  ) {
    assertMayAsk(analyticsQueries.cityRanking, ctx.actor);
    return cityRanking(ctx.em, await citiesOf(ctx), { year });
  }

  @Query(() => PartnershipStats, {
    description: '校企合作统计: order/named classes and apprenticeships by city and industry; cross-region agreements by partner province',
  })
  async partnershipStats(@yearArg() year: number | null, @cityArg() cityCode: string | null, @schoolArg() schoolId: string | null, @Ctx() ctx: Context) {
    const cities = await citiesOf(ctx);
    return partnershipStats(ctx.em, cities, { year, ...(await placeInScope(ctx, cities, cityCode, schoolId)) });
  }
}
