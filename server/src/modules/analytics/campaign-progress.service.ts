import type { EntityManager } from '@mikro-orm/core';
import { PlanStatus } from '../plan/plan.enums.js';
import { StudyMode } from '../program/program.enums.js';
import { CAMPAIGN_CUMULATIVE_TARGET, CAMPAIGN_FIRST_YEAR, CAMPAIGN_LAST_YEAR, PROVINCE_CODE } from '../target/campaign.js';
import { lineStudents, ofYears, withPending } from './analytics.facts.js';
import { PROVINCE_NAME, campaignYears, checkYear, ratio, resolvePlace, type CityInfo } from './analytics.scope.js';
import type { School } from '../school/school.entity.js';
import { knexOf, toNumber, rowsOf } from '../../read/sql.js';
import type { CampaignProgress, CampaignProgressRow } from './analytics.types.js';

type Cell = { target: number; planned: number; enrolled: number; registered: number; unverified: number };
const key = (cityId: number, year: number) => `${cityId}:${year}`;
const emptyCell = (): Cell => ({ target: 0, planned: 0, enrolled: 0, registered: 0, unverified: 0 });
const addInto = (total: Cell, value: Cell) => {
  for (const k of Object.keys(total) as (keyof Cell)[]) total[k] += value[k];
};

/**
 * Per city and year, in one statement: task-table seats (target), seats of approved and filed lines
 * (planned, the years asked), students (enrolled, every campaign year: the cumulative needs them all)
 * and students whose registration date is still ahead of `today` (pending, the years asked). Only
 * 学制教育 lines count (R1). The lines' students and unverified (REPORTED) students come from the
 * trigger-kept subtotals, summed per line in one pass over the (plan, source, students, records) index (a
 * narrowed scope sums only its own lines); the students still to register come from `withPending`.
 */
function progressQuery(em: EntityManager, years: number[], { cityId, schoolId }: { cityId: number | null; schoolId: number | null }, today: string) {
  const knex = knexOf(em);
  const asked = ofYears(years);
  const lines = knex('enrollment_plan as p')
    .join('program as pr', 'pr.id', 'p.program_id')
    .join('school as s', 's.id', 'p.school_id')
    .select('s.city_id as city_id', 'p.year as year')
    .select(knex.raw(`case when p.status in (?, ?) and ${asked} then p.seats else 0 end as planned`, [PlanStatus.APPROVED, PlanStatus.FILED, ...years]))
    .leftJoin(lineStudents(em, { years: null, cityId, schoolId, countedOnly: true }).as('x'), 'x.plan_id', 'p.id')
    .select('x.students as enrolled', 'x.unverified as unverified')
    .whereNot('pr.study_mode', StudyMode.SKILLS_TRAINING)
    .whereBetween('p.year', [CAMPAIGN_FIRST_YEAR, CAMPAIGN_LAST_YEAR]);
  withPending(em, lines, { years, cityId, schoolId, countedOnly: true }, today);
  // a school's target is its share of the city's (任务分解, SchoolTarget)
  const targets = schoolId
    ? knex('school_target as t').join('school as ts', 'ts.id', 't.school_id').select('ts.city_id as cityId').where('t.school_id', schoolId)
    : knex('campaign_target as t').select('t.city_id as cityId');
  targets
    .select('t.year as year', 't.seats as target', knex.raw('0 as planned, 0 as enrolled, 0 as pending, 0 as unverified'))
    .whereBetween('t.year', [CAMPAIGN_FIRST_YEAR, CAMPAIGN_LAST_YEAR]);
  if (cityId) {
    lines.where('s.city_id', cityId);
    if (!schoolId) targets.where('t.city_id', cityId);
  }
  if (schoolId) lines.where('p.school_id', schoolId);
  const perCity = knex
    .from(lines.as('l'))
    .select('l.city_id as cityId', 'l.year as year', knex.raw('0 as target'))
    .sum({ planned: 'l.planned', enrolled: 'l.enrolled', pending: 'l.pending', unverified: 'l.unverified' })
    .groupBy('l.city_id', 'l.year');
  // knex would put the union before the GROUP BY of a query it is chained to.
  return knex.select('*').from(perCity.as('c')).unionAll(targets);
}

function row(year: number, code: string, name: string, cell: Cell, school: School | null = null): CampaignProgressRow {
  return {
    year,
    cityCode: code,
    cityName: name,
    schoolId: school ? String(school.id) : null,
    schoolName: school?.name ?? null,
    ...cell,
    completionRate: ratio(cell.enrolled, cell.target),
    gap: cell.target - cell.enrolled,
  };
}

/**
 * 招生进度: per city and year, target vs planned vs enrolled, with a province row (330000) per year
 * that is the sum of the cities, and the cumulative progress over the campaign; for one school, its
 * own lines and students against its share of the task (SchoolTarget). `today` (YYYY-MM-DD,
 * China Standard Time) separates registered students from those recorded with a later date.
 */
export async function campaignProgress(
  em: EntityManager,
  cities: CityInfo[],
  args: { year?: number | null; cityCode?: string | null; schoolId?: string | null },
  today: string,
): Promise<CampaignProgress> {
  const year = checkYear(args.year);
  const { city, school } = await resolvePlace(em, cities, args);
  const years = campaignYears(year);
  const facts = await rowsOf(em, progressQuery(em, years, { cityId: city?.id ?? null, schoolId: school?.id ?? null }, today));

  const cells = new Map<string, Cell>();
  const cell = (cityId: number, year: number) => {
    const k = key(cityId, year);
    if (!cells.has(k)) cells.set(k, emptyCell());
    return cells.get(k)!;
  };
  for (const f of facts) {
    const c = cell(toNumber(f.cityId), toNumber(f.year));
    c.target += toNumber(f.target);
    c.planned += toNumber(f.planned);
    c.enrolled += toNumber(f.enrolled);
    c.registered += toNumber(f.enrolled) - toNumber(f.pending);
    c.unverified += toNumber(f.unverified);
  }

  const scope: CityInfo[] = city ? [city] : cities;
  const rows: CampaignProgressRow[] = [];
  for (const y of years) {
    const total = emptyCell();
    for (const c of scope) {
      const value = cell(c.id, y);
      addInto(total, value);
      if (args.cityCode !== PROVINCE_CODE || school) rows.push(row(y, c.code, c.nameZh, value, school));
    }
    if (!city) rows.push(row(y, PROVINCE_CODE, PROVINCE_NAME, total));
  }

  const sum = emptyCell();
  for (const c of scope) for (const y of campaignYears(null)) addInto(sum, cell(c.id, y));
  const target = city ? sum.target : CAMPAIGN_CUMULATIVE_TARGET;
  return {
    rows,
    cumulative: {
      cityCode: city?.code ?? PROVINCE_CODE,
      schoolId: school ? String(school.id) : null,
      target,
      enrolled: sum.enrolled,
      unverified: sum.unverified,
      completionRate: ratio(sum.enrolled, target),
    },
  };
}
