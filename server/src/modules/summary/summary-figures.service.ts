import type { EntityManager } from '@mikro-orm/core';
import { placeholders, queryRows, toNumber, type SqlRow } from '../../read/sql.js';
import { City } from '../city/city.entity.js';
import { isZhejiangCode } from '../region/provinces.js';
import { IntakeSource } from '../intake/intake.enums.js';
import { StudyMode } from '../program/program.enums.js';
import { CountByKey, SummaryFigures } from './summary-figures.types.js';

/** Adds to a breakdown's entry under a key, keeping the keys in sorted order. */
function add(breakdown: CountByKey[], key: string, count: number): void {
  const entry = breakdown.find((e) => e.key === key);
  if (entry) entry.count += count;
  else breakdown.push({ key, count });
  breakdown.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export const figuresKey = (cityId: number, year: number): string => `${cityId}:${year}`;

const emptyFigures = (): SummaryFigures => ({
  cityTarget: 0,
  schoolTargets: 0,
  planLines: 0,
  plannedSeats: 0,
  plannedSeatsByStatus: [],
  intakes: 0,
  intakesUnverified: 0,
  skillsTrainingIntakes: 0,
  skillsTrainingIntakesUnverified: 0,
  intakesByLevel: [],
  intakesBySeason: [],
  intakesByTargetGroup: [],
  intakesByOrigin: [],
  crossCityIntakes: 0,
  otherProvinceIntakes: 0,
  orderClasses: 0,
  orderClassSeats: 0,
  orderClassEnrolled: 0,
  crossRegionAgreements: 0,
  crossRegionSeats: 0,
  disciplineCases: 0,
  disciplineCasesByKind: [],
  disciplineCasesByStatus: [],
});

/** Intakes as their trigger-kept subtotals (plan line, target group, origin, source; ADR 0006) with their line. */
const INTAKES_FROM = `from intake_tally t
  join enrollment_plan ep on ep.id = t.plan_id
  join program pr on pr.id = ep.program_id
  join school s on s.id = ep.school_id`;

const COUNTED = `pr.study_mode <> '${StudyMode.SKILLS_TRAINING}'`;
const UNVERIFIED = `t.source = '${IntakeSource.REPORTED}'`;

const INTAKE_BREAKDOWNS = [
  ['intakesByLevel', 'pr.level'],
  ['intakesBySeason', 'ep.season'],
  ['intakesByTargetGroup', 't.target_group'],
  ['intakesByOrigin', 't.origin_code'],
] as const;

/**
 * Figures of many (city, year) pairs in a fixed number of grouped queries, whatever the count of
 * pairs: each query covers every requested city and year, rows are then dealt out by key.
 */
export async function loadSummaryFigures(em: EntityManager, keys: readonly string[]): Promise<SummaryFigures[]> {
  const figures = new Map(keys.map((key) => [key, emptyFigures()]));
  const pairs = keys.map((key) => key.split(':').map(Number) as [number, number]);
  const cityIds = [...new Set(pairs.map(([cityId]) => cityId))];
  const years = [...new Set(pairs.map(([, year]) => year))];
  const scope = (city: string, year: string) => `${city} in ${placeholders(cityIds)} and ${year} in ${placeholders(years)}`;
  const params = [...cityIds, ...years];
  const rows = (sql: string, extra: (string | number)[] = []) => queryRows<SqlRow>(em, sql, [...params, ...extra]);
  const each = (list: SqlRow[], apply: (f: SummaryFigures, row: SqlRow) => void) => {
    for (const row of list) {
      const target = figures.get(figuresKey(Number(row.city_id), Number(row.year)));
      if (target) apply(target, row);
    }
  };

  each(await rows(`select city_id, year, seats from campaign_target where ${scope('city_id', 'year')}`), (f, r) => {
    f.cityTarget = toNumber(r.seats);
  });
  each(
    await rows(
      `select s.city_id, t.year, sum(t.seats) as seats from school_target t join school s on s.id = t.school_id where ${scope('s.city_id', 't.year')} group by s.city_id, t.year`,
    ),
    (f, r) => {
      f.schoolTargets = toNumber(r.seats);
    },
  );
  each(
    await rows(`select s.city_id, ep.year, ep.status, count(*) as lines, sum(case when ${COUNTED} then ep.seats else 0 end) as seats
      from enrollment_plan ep join program pr on pr.id = ep.program_id join school s on s.id = ep.school_id
      where ${scope('s.city_id', 'ep.year')} group by s.city_id, ep.year, ep.status order by ep.status`),
    (f, r) => {
      f.planLines += toNumber(r.lines);
      f.plannedSeats += toNumber(r.seats);
      f.plannedSeatsByStatus.push({ key: String(r.status), count: toNumber(r.seats) });
    },
  );
  each(
    await rows(`select s.city_id, ep.year,
        sum(case when ${COUNTED} then t.students else 0 end) as counted,
        sum(case when ${COUNTED} and ${UNVERIFIED} then t.students else 0 end) as counted_unverified,
        sum(case when ${COUNTED} then 0 else t.students end) as skills,
        sum(case when not (${COUNTED}) and ${UNVERIFIED} then t.students else 0 end) as skills_unverified
      ${INTAKES_FROM} where ${scope('s.city_id', 'ep.year')} group by s.city_id, ep.year`),
    (f, r) => {
      f.intakes = toNumber(r.counted);
      f.intakesUnverified = toNumber(r.counted_unverified);
      f.skillsTrainingIntakes = toNumber(r.skills);
      f.skillsTrainingIntakesUnverified = toNumber(r.skills_unverified);
    },
  );
  for (const [field, column] of INTAKE_BREAKDOWNS) {
    each(
      await rows(`select s.city_id, ep.year, ${column} as k, sum(t.students) as n ${INTAKES_FROM}
        where ${scope('s.city_id', 'ep.year')} and ${COUNTED} group by s.city_id, ep.year, ${column} order by ${column}`),
      (f, r) => {
        f[field].push({ key: String(r.k), count: toNumber(r.n) } satisfies CountByKey);
      },
    );
  }
  each(
    await rows(`select s.city_id, oc.year, count(*) as classes, sum(oc.seats) as seats, sum(oc.enrolled) as enrolled
      from order_class oc join program pr on pr.id = oc.program_id join school s on s.id = pr.school_id
      where ${scope('s.city_id', 'oc.year')} group by s.city_id, oc.year`),
    (f, r) => {
      f.orderClasses = toNumber(r.classes);
      f.orderClassSeats = toNumber(r.seats);
      f.orderClassEnrolled = toNumber(r.enrolled);
    },
  );
  for (const year of years) {
    const agreements = await queryRows<SqlRow>(
      em,
      `select city_id, count(*) as agreements, sum(seats) as seats from cross_region_agreement
       where city_id in ${placeholders(cityIds)} and signed_on >= ? and signed_on <= ? group by city_id`,
      [...cityIds, `${year}-01-01`, `${year}-12-31`],
    );
    each(
      agreements.map((r) => ({ ...r, year })),
      (f, r) => {
        f.crossRegionAgreements = toNumber(r.agreements);
        f.crossRegionSeats = toNumber(r.seats);
      },
    );
    const cases = await queryRows<SqlRow>(
      em,
      `select city_id, kind, status, count(*) as n from discipline_case
       where city_id in ${placeholders(cityIds)} and reported_on >= ? and reported_on <= ? group by city_id, kind, status order by kind, status`,
      [...cityIds, `${year}-01-01`, `${year}-12-31`],
    );
    each(
      cases.map((r) => ({ ...r, year })),
      (f, r) => {
        const n = toNumber(r.n);
        f.disciplineCases += n;
        add(f.disciplineCasesByKind, String(r.kind), n);
        add(f.disciplineCasesByStatus, String(r.status), n);
      },
    );
  }

  const cities = new Map((await em.find(City, { id: { $in: cityIds } })).map((city) => [city.id, city.code]));
  for (const [key, f] of figures) {
    const home = cities.get(Number(key.split(':')[0]));
    for (const { key: origin, count } of f.intakesByOrigin) {
      if (!isZhejiangCode(origin)) f.otherProvinceIntakes += count;
      else if (origin !== home) f.crossCityIntakes += count;
    }
  }
  return keys.map((key) => figures.get(key)!);
}
