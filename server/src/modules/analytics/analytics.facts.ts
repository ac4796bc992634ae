import type { EntityManager } from '@mikro-orm/core';
import { StudyMode } from '../program/program.enums.js';
import { IntakeSource } from '../intake/intake.enums.js';
import { CAMPAIGN_FIRST_YEAR, CAMPAIGN_LAST_YEAR } from '../target/campaign.js';
import { knexOf } from '../../read/sql.js';
import { isPostgres } from '../../read/dialect.js';

export interface FactFilter {
  /** Plan years to include; `null` means every campaign year. */
  years: number[] | null;
  cityId?: number | null;
  schoolId?: number | null;
  /** Rule R1: only 学制教育 counts toward targets, so SKILLS_TRAINING intakes are left out. */
  countedOnly: boolean;
}

/** Columns of the intake subtotals (IntakeTally) that a fact may keep besides the plan line. */
export type IntakeDimension = 'target_group' | 'origin_code';
const keepsAll = (dimensions: IntakeDimension[]) => dimensions.includes('target_group') && dimensions.includes('origin_code');

/** A small scope (a year or two, a city, a school) is worth picking plan lines before reading subtotals. */
const narrowed = (filter: FactFilter) => Boolean(filter.cityId || filter.schoolId || (filter.years && filter.years.length <= 2));

/** Covering index declared on Intake for the students still to register; see there. */
const BY_PLAN = 'intake_plan_registered_on_count_index';

/** Keeps the plan lines in scope (aliases p, s); a provincial school counts where it stands. */
/** A knex builder method, called with whatever arguments knex takes. */
type QueryMethod = (...args: any[]) => unknown;

function narrow<Q extends { where: QueryMethod; whereIn: QueryMethod; whereBetween: QueryMethod }>(
  query: Q,
  filter: FactFilter,
  plan: string,
  school: string,
): Q {
  if (filter.years) query.whereIn(`${plan}.year`, filter.years);
  else query.whereBetween(`${plan}.year`, [CAMPAIGN_FIRST_YEAR, CAMPAIGN_LAST_YEAR]);
  if (filter.schoolId) query.where(`${plan}.school_id`, filter.schoolId);
  if (filter.cityId) query.where(`${school}.city_id`, filter.cityId);
  return query;
}

/** Subtotals summed over the dimensions left out, as (plan_id, source, …dimensions, students). */
function planSubtotals(em: EntityManager, filter: FactFilter, dimensions: IntakeDimension[]) {
  const columns = ['t.plan_id', 't.source', ...dimensions.map((d) => `t.${d}`)];
  const query = knexOf(em).from('intake_tally as t').select(columns).sum({ students: 't.students' }).groupBy(columns);
  if (narrowed(filter)) {
    query.join('enrollment_plan as np', 'np.id', 't.plan_id').join('school as ns', 'ns.id', 'np.school_id');
    narrow(query, filter, 'np', 'ns');
  }
  return query;
}

/**
 * Students per plan line and source (and per `dimensions`), then joined to the plan line (p), its
 * program (pr) and school (s) as `x.students` and `x.source`. They come from the subtotals that
 * triggers keep per plan line, target group, origin and source (`intake_tally`, about an eighth of the
 * intake rows): read as they are when a query keeps both dimensions, otherwise summed per plan line
 * and source first so that the joins run once per line (a narrowed scope picks its plan lines before
 * that). Callers add their own select (`studentSums`) and GROUP BY.
 */
export function planFacts(em: EntityManager, filter: FactFilter, dimensions: IntakeDimension[] = []) {
  const knex = knexOf(em);
  const query = knex
    .from(keepsAll(dimensions) ? 'intake_tally as x' : (planSubtotals(em, filter, dimensions).as('x') as never))
    .join('enrollment_plan as p', 'p.id', 'x.plan_id')
    .join('program as pr', 'pr.id', 'p.program_id')
    .join('school as s', 's.id', 'p.school_id');
  narrow(query, filter, 'p', 's');
  if (filter.countedOnly) query.whereNot('pr.study_mode', StudyMode.SKILLS_TRAINING);
  return query;
}

/**
 * The students of a fact query's groups and, of them, those of REPORTED intakes (typed counts with no
 * roster behind them): columns `students` and `unverified`.
 */
export function studentSums(em: EntityManager) {
  const knex = knexOf(em);
  return [knex.raw('sum(x.students) as students'), knex.raw('sum(case when x.source = ? then x.students else 0 end) as unverified', [IntakeSource.REPORTED])];
}

/**
 * Per plan line in scope: its students and, of them, those of REPORTED intakes (`plan_id`, `students`,
 * `unverified`), summed from the subtotals in one grouped pass (a narrowed scope picks its lines
 * first), to be joined to the lines: on PostgreSQL cheaper than a correlated sum per line.
 */
export function lineStudents(em: EntityManager, filter: FactFilter) {
  const query = knexOf(em)
    .from('intake_tally as x')
    .select('x.plan_id')
    .select(...studentSums(em))
    .groupBy('x.plan_id');
  if (narrowed(filter)) {
    query.join('enrollment_plan as np', 'np.id', 'x.plan_id').join('school as ns', 'ns.id', 'np.school_id');
    narrow(query, filter, 'np', 'ns');
  }
  return query;
}

/** SQL that a plan line (alias `p`) is of one of `years`, bound to them in order. */
export const ofYears = (years: number[]): string => `p.year in (${years.map(() => '?').join(', ')})`;

/**
 * Students still to register per plan line of the `years` asked (other lines none): the line's intakes
 * registered after `today`, as `pending` of the lines query (alias `p`, plan lines) it is added to. When
 * the lines asked are many (not narrowed to a city, a school or a year or two) on PostgreSQL, they are
 * summed from the one range of the (registeredOn, plan) index after `today`, grouped by line and joined:
 * the cost follows the intakes still ahead (none, most days), not the lines. Otherwise each line asked
 * seeks its own in the (plan, registeredOn) index: a narrowed scope's lines are few, and SQLite runs the
 * seeks faster than it groups a range (it is told to use that index).
 */
export function withPending<Q extends LinesQuery>(em: EntityManager, lines: Q, filter: FactFilter & { years: number[] }, today: string): Q {
  const knex = knexOf(em);
  const asked = ofYears(filter.years);
  if (!narrowed(filter) && isPostgres(em)) {
    const ahead = knex('intake as i').select('i.plan_id').sum({ pending: 'i.count' }).where('i.registered_on', '>', today).groupBy('i.plan_id');
    lines.leftJoin(ahead.as('f'), 'f.plan_id', 'p.id');
    lines.select(knex.raw(`case when ${asked} then f.pending end as pending`, filter.years));
    return lines;
  }
  const intake = isPostgres(em) ? 'intake as i' : `\`intake\` as \`i\` indexed by \`${BY_PLAN}\``;
  const seek = `select sum(i.count) from ${intake} where i.plan_id = p.id and i.registered_on > ?`;
  lines.select(knex.raw(`case when ${asked} then (${seek}) end as pending`, [...filter.years, today]));
  return lines;
}

type LinesQuery = { select: QueryMethod; leftJoin: QueryMethod };
