import type { EntityManager } from '@mikro-orm/core';
import { TargetGroup } from '../intake/intake.enums.js';
import { StudyMode } from '../program/program.enums.js';
import { isZhejiangCode, provinceByCode } from '../region/provinces.js';
import { CAMPAIGN_FIRST_YEAR, CAMPAIGN_LAST_YEAR, PROVINCE_CODE } from '../target/campaign.js';
import { planFacts, studentSums } from './analytics.facts.js';
import { PROVINCE_NAME, campaignYears, checkYear, ratio, resolvePlace, type CityInfo } from './analytics.scope.js';
import type { School } from '../school/school.entity.js';
import { knexOf, toNumber, rowsOf } from '../../read/sql.js';
import { OriginKind, type SourceMixRow } from './source-mix.types.js';

/** Home city, another Zhejiang city, or the other province's own code. */
function originKey(originCode: string, homeCode: string): string {
  if (originCode === homeCode) return OriginKind.IN_CITY;
  return isZhejiangCode(originCode) ? OriginKind.OTHER_ZHEJIANG_CITY : originCode;
}

class Tally {
  byGroup = new Map<string, number>();
  byMode = new Map<string, number>();
  byOrigin = new Map<string, number>();
  /** Of the counted students, and of the SKILLS_TRAINING ones, those of REPORTED intakes. */
  unverified = 0;
  skillsTrainingUnverified = 0;

  add(group: string, mode: string, origin: string, students: number, unverified: number): void {
    this.byMode.set(mode, (this.byMode.get(mode) ?? 0) + students);
    if (mode === StudyMode.SKILLS_TRAINING) {
      this.skillsTrainingUnverified += unverified;
      return;
    }
    this.unverified += unverified;
    this.byGroup.set(group, (this.byGroup.get(group) ?? 0) + students);
    this.byOrigin.set(origin, (this.byOrigin.get(origin) ?? 0) + students);
  }

  merge(other: Tally): void {
    for (const name of ['byGroup', 'byMode', 'byOrigin'] as const) {
      for (const [k, v] of other[name]) this[name].set(k, (this[name].get(k) ?? 0) + v);
    }
    this.unverified += other.unverified;
    this.skillsTrainingUnverified += other.skillsTrainingUnverified;
  }

  toRow(year: number, cityCode: string, cityName: string, school: School | null = null): SourceMixRow {
    const enrolled = [...this.byGroup.values()].reduce((a, b) => a + b, 0);
    const provinces = [...this.byOrigin.keys()].filter((k) => !(k in OriginKind)).sort();
    const outOfProvince = provinces.reduce((sum, code) => sum + this.byOrigin.get(code)!, 0);
    return {
      year,
      cityCode,
      cityName,
      schoolId: school ? String(school.id) : null,
      schoolName: school?.name ?? null,
      enrolled,
      unverified: this.unverified,
      skillsTraining: this.byMode.get(StudyMode.SKILLS_TRAINING) ?? 0,
      skillsTrainingUnverified: this.skillsTrainingUnverified,
      byTargetGroup: Object.values(TargetGroup).map((targetGroup) => ({ targetGroup, students: this.byGroup.get(targetGroup) ?? 0 })),
      byStudyMode: Object.values(StudyMode).map((studyMode) => ({
        studyMode,
        students: this.byMode.get(studyMode) ?? 0,
        countsTowardTarget: studyMode !== StudyMode.SKILLS_TRAINING,
      })),
      byOrigin: [
        ...[OriginKind.IN_CITY, OriginKind.OTHER_ZHEJIANG_CITY].map((origin) => ({
          origin,
          provinceCode: null,
          provinceName: null,
          students: this.byOrigin.get(origin) ?? 0,
        })),
        ...provinces.map((code) => ({
          origin: OriginKind.OTHER_PROVINCE,
          provinceCode: code,
          provinceName: provinceByCode(code)?.nameZh ?? null,
          students: this.byOrigin.get(code)!,
        })),
      ],
      outOfProvince,
      outOfProvinceShare: ratio(outOfProvince, enrolled),
    };
  }
}

const MODES = Object.values(StudyMode);
const GROUPS = Object.values(TargetGroup);
const YEARS = CAMPAIGN_LAST_YEAR - CAMPAIGN_FIRST_YEAR + 1;
/** Origin codes are six-digit GB/T 2260 numbers (every write checks them against the list). */
const ORIGINS = 1_000_000;
const indexOf = (column: string, values: string[]) => `case ${column} ${values.map((v, i) => `when '${v}' then ${i}`).join(' ')} end`;

/**
 * A group's five keys (city, year, study mode, target group, origin) as one integer in mixed radix.
 * The GROUP BY sorts one subtotal row per plan line, target group and origin (75,000 on the benchmark
 * province); SQLite sorts them by one integer about a quarter faster than by five columns, some of them text.
 */
const PACKED_KEY = `(((((cast(s.city_id as bigint) * ${YEARS} + p.year - ${CAMPAIGN_FIRST_YEAR}) * ${MODES.length} + ${indexOf('pr.study_mode', MODES)}) * ${GROUPS.length} + ${indexOf('x.target_group', GROUPS)}) * ${ORIGINS}) + cast(x.origin_code as integer))`;

function unpack(packed: number) {
  let rest = packed;
  const digit = (radix: number) => {
    const value = rest % radix;
    rest = (rest - value) / radix;
    return value;
  };
  const originCode = String(digit(ORIGINS));
  const targetGroup = GROUPS[digit(GROUPS.length)]!;
  const studyMode = MODES[digit(MODES.length)]!;
  const year = CAMPAIGN_FIRST_YEAR + digit(YEARS);
  return { cityId: rest, year, studyMode, targetGroup, originCode };
}

/**
 * 生源结构: one GROUP BY over target group, study mode and origin per city and year; the
 * breakdowns are read off its result rows (a few thousand at most). Rows per year: each city, then
 * the province; for a city, that city; for a school, that school (an origin in its city is 本市).
 */
export async function sourceMix(
  em: EntityManager,
  cities: CityInfo[],
  args: { year?: number | null; cityCode?: string | null; schoolId?: string | null },
): Promise<SourceMixRow[]> {
  const years = campaignYears(checkYear(args.year));
  const { city, school } = await resolvePlace(em, cities, args);
  // One statement per year, run side by side (SQLite reader threads, pooled PostgreSQL connections):
  // their groups never overlap, and most of the work is sorting each one's subtotals by its groups.
  const grouped = (
    await Promise.all(
      years.map((year) =>
        rowsOf(
          em,
          planFacts(em, { years: [year], cityId: city?.id, schoolId: school?.id, countedOnly: false }, ['target_group', 'origin_code'])
            .select(knexOf(em).raw(`${PACKED_KEY} as packed`))
            .select(...studentSums(em))
            .groupBy('packed'),
        ),
      ),
    )
  ).flat();
  const codeOf = new Map(cities.map((c) => [c.id, c.code]));

  const tallies = new Map<string, Tally>();
  const tally = (cityId: number, year: number) => {
    const k = `${cityId}:${year}`;
    if (!tallies.has(k)) tallies.set(k, new Tally());
    return tallies.get(k)!;
  };
  for (const g of grouped) {
    const { cityId, year, studyMode, targetGroup, originCode } = unpack(toNumber(g.packed));
    tally(cityId, year).add(targetGroup, studyMode, originKey(originCode, codeOf.get(cityId)!), toNumber(g.students), toNumber(g.unverified));
  }

  const scope = city ? [city] : cities;
  return years.flatMap((year) => {
    const province = new Tally();
    const rows = scope.map((c) => {
      province.merge(tally(c.id, year));
      return tally(c.id, year).toRow(year, c.code, c.nameZh, school);
    });
    if (city) return rows;
    const total = province.toRow(year, PROVINCE_CODE, PROVINCE_NAME);
    return args.cityCode === PROVINCE_CODE ? [total] : [...rows, total];
  });
}
