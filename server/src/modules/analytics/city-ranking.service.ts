import type { EntityManager } from '@mikro-orm/core';
import { Level } from '../major/level.js';
import { planFacts, studentSums } from './analytics.facts.js';
import { campaignYears, checkYear, ratio, type CityInfo } from './analytics.scope.js';
import { knexOf, toNumber, rowsOf } from '../../read/sql.js';
import type { CityRankingRow } from './city-ranking.types.js';

const ADVANCED_LEVELS: string[] = [Level.ADVANCED, Level.PREPARATORY_TECHNICIAN];

/**
 * 设区市排名: cities by completion rate (enrolled / target) for one year, or for the whole campaign
 * when no year is given; ties keep the notice's city order.
 */
export async function cityRanking(em: EntityManager, cities: CityInfo[], args: { year?: number | null }): Promise<CityRankingRow[]> {
  const year = checkYear(args.year);
  const years = campaignYears(year);
  const [targets, grouped] = await Promise.all([
    rowsOf(em, knexOf(em)('campaign_target as t').select({ cityId: 't.city_id' }).sum({ seats: 't.seats' }).whereIn('t.year', years).groupBy('t.city_id')),
    rowsOf(
      em,
      planFacts(em, { years, countedOnly: true })
        .select({ cityId: 's.city_id', level: 'pr.level' })
        .select(...studentSums(em))
        .groupBy('s.city_id', 'pr.level'),
    ),
  ]);
  const targetOf = new Map(targets.map((t) => [toNumber(t.cityId), toNumber(t.seats)]));
  const enrolled = new Map<number, number>();
  const unverified = new Map<number, number>();
  const advanced = new Map<number, number>();
  for (const g of grouped) {
    const id = toNumber(g.cityId);
    enrolled.set(id, (enrolled.get(id) ?? 0) + toNumber(g.students));
    unverified.set(id, (unverified.get(id) ?? 0) + toNumber(g.unverified));
    if (ADVANCED_LEVELS.includes(g.level)) advanced.set(id, (advanced.get(id) ?? 0) + toNumber(g.students));
  }
  const rows = cities.map((c) => {
    const target = targetOf.get(c.id) ?? 0;
    const students = enrolled.get(c.id) ?? 0;
    return {
      rank: 0,
      year,
      cityCode: c.code,
      cityName: c.nameZh,
      target,
      enrolled: students,
      unverified: unverified.get(c.id) ?? 0,
      completionRate: ratio(students, target),
      advancedShare: ratio(advanced.get(c.id) ?? 0, students),
    };
  });
  rows.sort((a, b) => (b.completionRate ?? -1) - (a.completionRate ?? -1));
  rows.forEach((row, i) => (row.rank = i + 1));
  return rows;
}
