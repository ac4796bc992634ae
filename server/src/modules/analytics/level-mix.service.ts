import type { EntityManager } from '@mikro-orm/core';
import { Level } from '../major/level.js';
import { School } from '../school/school.entity.js';
import { PROVINCE_CODE } from '../target/campaign.js';
import { planFacts, studentSums } from './analytics.facts.js';
import { PROVINCE_NAME, campaignYears, checkYear, ratio, resolvePlace, type CityInfo } from './analytics.scope.js';
import { toNumber, rowsOf } from '../../read/sql.js';
import type { LevelMixRow } from './analytics.types.js';

/** Students by level, and of them those of REPORTED intakes (unverified). */
type Counts = Record<Level, number> & { unverified: number };
const empty = (): Counts => ({ [Level.INTERMEDIATE]: 0, [Level.ADVANCED]: 0, [Level.PREPARATORY_TECHNICIAN]: 0, unverified: 0 });
const total = (c: Counts) => c.INTERMEDIATE + c.ADVANCED + c.PREPARATORY_TECHNICIAN;
const share = (c: Counts) => ratio(c.ADVANCED + c.PREPARATORY_TECHNICIAN, total(c));

interface Unit {
  cityCode: string;
  cityName: string;
  schoolId: number | null;
  schoolName: string | null;
  /** Counts by year. */
  years: Map<number, Counts>;
}

function countsOf(unit: Unit, year: number): Counts {
  if (!unit.years.has(year)) unit.years.set(year, empty());
  return unit.years.get(year)!;
}

function toRows(unit: Unit, years: number[]): LevelMixRow[] {
  return years.map((year) => {
    const counts = countsOf(unit, year);
    const current = share(counts);
    const previous = share(countsOf(unit, year - 1));
    return {
      year,
      cityCode: unit.cityCode,
      cityName: unit.cityName,
      schoolId: unit.schoolId === null ? null : String(unit.schoolId),
      schoolName: unit.schoolName,
      enrolled: total(counts),
      unverified: counts.unverified,
      intermediate: counts.INTERMEDIATE,
      advanced: counts.ADVANCED,
      preparatoryTechnician: counts.PREPARATORY_TECHNICIAN,
      advancedShare: current,
      previousAdvancedShare: previous,
      falling: current !== null && previous !== null && current < previous,
    };
  });
}

function addInto(target: Unit, source: Unit): void {
  for (const [year, counts] of source.years) {
    const sum = countsOf(target, year);
    for (const k of Object.keys(sum) as (keyof Counts)[]) sum[k] += counts[k];
  }
}

/**
 * 培养层次结构 (R2): 学制教育 students by level and the share of advanced and technician classes.
 * No filter: every city plus the province (330000); a city: the city and each of its schools;
 * a school: that school. `falling` compares with the year before (which is queried too).
 */
export async function levelMix(
  em: EntityManager,
  cities: CityInfo[],
  args: { year?: number | null; cityCode?: string | null; schoolId?: string | null },
): Promise<LevelMixRow[]> {
  const years = campaignYears(checkYear(args.year));
  const queried = [years[0]! - 1, ...years];
  const { city, school } = await resolvePlace(em, cities, args);
  const groupColumn = city ? 'p.school_id' : 's.city_id';
  const grouped = await rowsOf(
    em,
    planFacts(em, { years: queried, cityId: city?.id, schoolId: school?.id, countedOnly: true })
      .select({ unitId: groupColumn, year: 'p.year', level: 'pr.level' })
      .select(...studentSums(em))
      .groupBy(groupColumn, 'p.year', 'pr.level'),
  );

  const units = new Map<number, Unit>();
  if (!city) for (const c of cities) units.set(c.id, { cityCode: c.code, cityName: c.nameZh, schoolId: null, schoolName: null, years: new Map() });
  if (school) units.set(school.id, { cityCode: city!.code, cityName: city!.nameZh, schoolId: school.id, schoolName: school.name, years: new Map() });
  if (city && !school) {
    const ids = [...new Set(grouped.map((g) => toNumber(g.unitId)))];
    const schools = await em.find(School, { id: { $in: ids } }, { orderBy: { name: 'ASC' } });
    for (const s of schools) units.set(s.id, { cityCode: city.code, cityName: city.nameZh, schoolId: s.id, schoolName: s.name, years: new Map() });
  }
  for (const g of grouped) {
    const counts = countsOf(units.get(toNumber(g.unitId))!, toNumber(g.year));
    counts[g.level as Level] += toNumber(g.students);
    counts.unverified += toNumber(g.unverified);
  }

  if (school) return toRows(units.get(school.id)!, years);
  const whole: Unit = city
    ? { cityCode: city.code, cityName: city.nameZh, schoolId: null, schoolName: null, years: new Map() }
    : { cityCode: PROVINCE_CODE, cityName: PROVINCE_NAME, schoolId: null, schoolName: null, years: new Map() };
  for (const unit of units.values()) addInto(whole, unit);
  const parts = args.cityCode === PROVINCE_CODE ? [] : [...units.values()].flatMap((u) => toRows(u, years));
  const rows = city ? [...toRows(whole, years), ...parts] : [...parts, ...toRows(whole, years)];
  return rows.sort((a, b) => a.year - b.year);
}
