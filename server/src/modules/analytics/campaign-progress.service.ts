import type { EntityManager } from '@mikro-orm/core';
import { PlanStatus } from '../plan/plan.enums.js';
import { StudyMode } from '../program/program.enums.js';
import { CAMPAIGN_CUMULATIVE_TARGET, CAMPAIGN_FIRST_YEAR, CAMPAIGN_LAST_YEAR, PROVINCE_CODE } from '../target/campaign.js';
import { pendingFacts, planFacts } from './analytics.facts.js';
import { PROVINCE_NAME, campaignYears, checkYear, knexOf, loadCities, num, ratio, resolveCity, rowsOf, type CityInfo } from './analytics.scope.js';
import type { CampaignProgress, CampaignProgressRow } from './analytics.types.js';

type Cell = { target: number; planned: number; enrolled: number; registered: number };
const key = (cityId: number, year: number) => `${cityId}:${year}`;

/** Task-table seats per city and year (one row each, so no grouping is needed). */
function targetsQuery(em: EntityManager, cityId: number | null) {
  const query = knexOf(em)('campaign_target as t')
    .select('t.city_id as cityId', 't.year as year', 't.seats as seats')
    .whereBetween('t.year', [CAMPAIGN_FIRST_YEAR, CAMPAIGN_LAST_YEAR]);
  if (cityId) query.where('t.city_id', cityId);
  return query;
}

/** Seats of approved and filed 学制教育 plan lines per city and year. */
function plannedQuery(em: EntityManager, years: number[], cityId: number | null) {
  const query = knexOf(em)('enrollment_plan as p')
    .join('program as pr', 'pr.id', 'p.program_id')
    .join('school as s', 's.id', 'p.school_id')
    .select('s.city_id as cityId', 'p.year as year')
    .sum({ seats: 'p.seats' })
    .whereIn('p.status', [PlanStatus.APPROVED, PlanStatus.FILED])
    .whereNot('pr.study_mode', StudyMode.SKILLS_TRAINING)
    .whereIn('p.year', years)
    .groupBy('s.city_id', 'p.year');
  if (cityId) query.where('s.city_id', cityId);
  return query;
}

/** Counted students per city and year over every campaign year (the cumulative needs them all). */
function enrolledQuery(em: EntityManager, cityId: number | null) {
  return planFacts(em, { years: null, cityId, countedOnly: true })
    .select('s.city_id as cityId', 'p.year as year')
    .sum({ enrolled: 'x.students' })
    .groupBy('s.city_id', 'p.year');
}

/** Counted students whose registration date is still to come, per city and year. */
function pendingQuery(em: EntityManager, years: number[], cityId: number | null, today: string) {
  return pendingFacts(em, { years, cityId, countedOnly: true }, today)
    .select('s.city_id as cityId', 'p.year as year')
    .sum({ pending: 'x.students' })
    .groupBy('s.city_id', 'p.year');
}

function row(year: number, code: string, name: string, cell: Cell): CampaignProgressRow {
  return {
    year,
    cityCode: code,
    cityName: name,
    ...cell,
    completionRate: ratio(cell.enrolled, cell.target),
    gap: cell.target - cell.enrolled,
  };
}

/**
 * 招生进度: per city and year, target vs planned vs enrolled, with a province row (330000) per year
 * that is the sum of the cities, and the cumulative progress over the campaign. `today` (YYYY-MM-DD,
 * China Standard Time) separates registered students from those recorded with a later date.
 */
export async function campaignProgress(em: EntityManager, args: { year?: number | null; cityCode?: string | null }, today: string): Promise<CampaignProgress> {
  const year = checkYear(args.year);
  const cities = await loadCities(em);
  const city = resolveCity(cities, args.cityCode);
  const years = campaignYears(year);
  const cityId = city?.id ?? null;
  const [targets, planned, enrolled, pending] = await Promise.all([
    rowsOf(targetsQuery(em, cityId)),
    rowsOf(plannedQuery(em, years, cityId)),
    rowsOf(enrolledQuery(em, cityId)),
    rowsOf(pendingQuery(em, years, cityId, today)),
  ]);

  const cells = new Map<string, Cell>();
  const cell = (cityId: number, year: number) => {
    const k = key(cityId, year);
    if (!cells.has(k)) cells.set(k, { target: 0, planned: 0, enrolled: 0, registered: 0 });
    return cells.get(k)!;
  };
  for (const t of targets) cell(num(t.cityId), num(t.year)).target = num(t.seats);
  for (const p of planned) cell(num(p.cityId), num(p.year)).planned = num(p.seats);
  for (const e of enrolled) Object.assign(cell(num(e.cityId), num(e.year)), { enrolled: num(e.enrolled), registered: num(e.enrolled) });
  for (const p of pending) cell(num(p.cityId), num(p.year)).registered -= num(p.pending);

  const scope: CityInfo[] = city ? [city] : cities;
  const rows: CampaignProgressRow[] = [];
  for (const y of years) {
    const total: Cell = { target: 0, planned: 0, enrolled: 0, registered: 0 };
    for (const c of scope) {
      const value = cell(c.id, y);
      for (const k of Object.keys(total) as (keyof Cell)[]) total[k] += value[k];
      if (args.cityCode !== PROVINCE_CODE) rows.push(row(y, c.code, c.nameZh, value));
    }
    if (!city) rows.push(row(y, PROVINCE_CODE, PROVINCE_NAME, total));
  }

  let cumulativeEnrolled = 0;
  let cumulativeTarget = 0;
  for (const c of scope) {
    for (const y of campaignYears(null)) {
      cumulativeEnrolled += cell(c.id, y).enrolled;
      cumulativeTarget += cell(c.id, y).target;
    }
  }
  const target = city ? cumulativeTarget : CAMPAIGN_CUMULATIVE_TARGET;
  return {
    rows,
    cumulative: { cityCode: city?.code ?? PROVINCE_CODE, target, enrolled: cumulativeEnrolled, completionRate: ratio(cumulativeEnrolled, target) },
  };
}
