import type { EntityManager } from '@mikro-orm/core';
import { queryRows, toNumber, type SqlRow } from '../../read/sql.js';
import { Level } from '../major/level.js';
import { ScoringWeight } from './scoring-weight.entity.js';
import { ScoreCriterion } from './scoring.enums.js';
import { attainments, type CityYearFacts } from './scoring-rules.js';
import type { CityScore } from './city-score.types.js';

const ADVANCED = `('${Level.ADVANCED}', '${Level.PREPARATORY_TECHNICIAN}')`;

/** Per city id, one number from a grouped query. */
const byCity = (rows: SqlRow[], column: string) => new Map(rows.map((r) => [Number(r.city_id), toNumber(r[column])]));

async function factsOf(em: EntityManager, year: number): Promise<(cityId: number) => CityYearFacts> {
  const [from, to] = [`${year}-01-01`, `${year}-12-31`];
  const intakes = (y: number) =>
    queryRows<SqlRow>(
      em,
      `select s.city_id, sum(i.count) as enrolled, sum(case when pr.level in ${ADVANCED} then i.count else 0 end) as advanced
     from intake i join enrollment_plan p on p.id = i.plan_id join program pr on pr.id = p.program_id join school s on s.id = p.school_id
     where p.year = ? and pr.study_mode <> 'SKILLS_TRAINING' group by s.city_id`,
      [y],
    );
  const [targets, current, previous, summaries, visits, cases] = await Promise.all([
    queryRows<SqlRow>(em, 'select city_id, seats from campaign_target where year = ?', [year]),
    intakes(year),
    intakes(year - 1),
    queryRows<SqlRow>(em, 'select city_id, submitted_on from annual_summary where year = ?', [year]),
    queryRows<SqlRow>(em, 'select city_id, count(*) as n from outreach_visit where visited_on >= ? and visited_on <= ? group by city_id', [from, to]),
    queryRows<SqlRow>(
      em,
      `select city_id, count(*) as n from discipline_case where status = 'OPEN' and reported_on >= ? and reported_on <= ? group by city_id`,
      [from, to],
    ),
  ]);
  const maps = {
    target: byCity(targets, 'seats'),
    enrolled: byCity(current, 'enrolled'),
    advanced: byCity(current, 'advanced'),
    previousEnrolled: byCity(previous, 'enrolled'),
    previousAdvanced: byCity(previous, 'advanced'),
    visits: byCity(visits, 'n'),
    cases: byCity(cases, 'n'),
  };
  const submitted = new Map(summaries.map((r) => [Number(r.city_id), r.submitted_on ? String(r.submitted_on).slice(0, 10) : null]));
  return (cityId) => ({
    target: maps.target.get(cityId) ?? 0,
    enrolled: maps.enrolled.get(cityId) ?? 0,
    advanced: maps.advanced.get(cityId) ?? 0,
    previousEnrolled: maps.previousEnrolled.get(cityId) ?? 0,
    previousAdvanced: maps.previousAdvanced.get(cityId) ?? 0,
    summarySubmittedOn: submitted.get(cityId) ?? null,
    outreachVisits: maps.visits.get(cityId) ?? 0,
    openCases: maps.cases.get(cityId) ?? 0,
  });
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Every city's score for a year from the published weights, best first (ties in the notice's city order). */
export async function cityScores(
  em: EntityManager,
  cities: ReadonlyArray<{ id: number; code: string; nameZh: string }>,
  year: number,
  today: string,
): Promise<CityScore[]> {
  const weights = new Map((await em.find(ScoringWeight, {})).map((w) => [w.criterion, w.weight]));
  const totalWeight = Object.values(ScoreCriterion).reduce((sum, c) => sum + (weights.get(c) ?? 0), 0);
  const facts = await factsOf(em, year);
  const all = cities.map((city) => ({ city, facts: facts(city.id) }));
  const best = Math.max(0, ...all.map(({ facts: f }) => (f.enrolled > 0 ? f.advanced / f.enrolled : 0)));
  const scored = all.map(({ city, facts: f }) => {
    const met = attainments(f, year, best, today);
    const points = (criterion: ScoreCriterion) => (totalWeight > 0 ? (100 * (weights.get(criterion) ?? 0) * met[criterion]) / totalWeight : 0);
    const breakdown = Object.values(ScoreCriterion).map((criterion) => ({
      criterion,
      weight: weights.get(criterion) ?? 0,
      attainment: round(met[criterion], 4),
      points: round(points(criterion), 2),
    }));
    const score = round(
      Object.values(ScoreCriterion).reduce((sum, criterion) => sum + points(criterion), 0),
      2,
    );
    return { rank: 0, year, cityCode: city.code, cityName: city.nameZh, score, breakdown };
  });
  const ranked = scored
    .map((s, i) => ({ s, i }))
    .sort((a, b) => b.s.score - a.s.score || a.i - b.i)
    .map(({ s }) => s);
  ranked.forEach((s, i) => (s.rank = i + 1));
  return ranked;
}
