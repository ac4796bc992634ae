import type { EntityManager } from '@mikro-orm/core';
import { PartnershipKind } from '../partnership/partnership.enums.js';
import { Industry } from '../company/industry.js';
import { provinceByCode } from '../region/provinces.js';
import { PROVINCE_CODE } from '../target/campaign.js';
import { PROVINCE_NAME, checkYear, resolvePlace, type CityInfo } from './analytics.scope.js';
import { knexOf, toNumber, rowsOf } from '../../read/sql.js';
import type { PartnershipStats } from './partnership-stats.types.js';

type Counts = { partnerships: number; classes: number; seats: number; enrolled: number };
const zero = (): Counts => ({ partnerships: 0, classes: 0, seats: 0, enrolled: 0 });

/** Where the figures lie: a city, a school of it, or (both null) the province. */
type Place = { cityId: number | null; schoolId: number | null };

/** Order and named classes of the year per city, industry and partnership kind. */
function classesQuery(em: EntityManager, year: number | null, { cityId, schoolId }: Place) {
  const query = knexOf(em)('order_class as oc')
    .join('partnership as pa', 'pa.id', 'oc.partnership_id')
    .join('school as s', 's.id', 'pa.school_id')
    .join('company as co', 'co.id', 'pa.company_id')
    .select({ cityId: 's.city_id', industry: 'co.industry', kind: 'pa.kind' })
    .count({ classes: 'oc.id' })
    .sum({ seats: 'oc.seats', enrolled: 'oc.enrolled' })
    .groupBy('s.city_id', 'co.industry', 'pa.kind');
  if (year) query.where('oc.year', year);
  if (cityId) query.where('s.city_id', cityId);
  if (schoolId) query.where('pa.school_id', schoolId);
  return query;
}

/** Partnerships in force at some point of the year, per city, industry and kind. */
function partnershipsQuery(em: EntityManager, year: number | null, { cityId, schoolId }: Place) {
  const query = knexOf(em)('partnership as pa')
    .join('school as s', 's.id', 'pa.school_id')
    .join('company as co', 'co.id', 'pa.company_id')
    .select({ cityId: 's.city_id', industry: 'co.industry', kind: 'pa.kind' })
    .count({ partnerships: 'pa.id' })
    .groupBy('s.city_id', 'co.industry', 'pa.kind');
  if (year) {
    query.where('pa.starts_on', '<=', `${year}-12-31`).andWhere((q) => q.whereNull('pa.ends_on').orWhere('pa.ends_on', '>=', `${year}-01-01`));
  }
  if (cityId) query.where('s.city_id', cityId);
  if (schoolId) query.where('pa.school_id', schoolId);
  return query;
}

function crossRegionQuery(em: EntityManager, year: number | null, { cityId, schoolId }: Place) {
  const query = knexOf(em)('cross_region_agreement as cr')
    .select({ provinceCode: 'cr.partner_province_code' })
    .count({ agreements: 'cr.id' })
    .sum({ seats: 'cr.seats', students: 'cr.enrolled' })
    .groupBy('cr.partner_province_code')
    .orderBy('cr.partner_province_code');
  if (year) query.whereBetween('cr.signed_on', [`${year}-01-01`, `${year}-12-31`]);
  if (cityId) query.where('cr.city_id', cityId);
  if (schoolId) query.where('cr.school_id', schoolId);
  return query;
}

/**
 * 校企合作统计: partnerships, order/named classes and their seats by city and by company industry,
 * and cross-region agreements by partner province. A school's partnerships count in the city where
 * the school stands; a cross-region agreement in the city that signed it. For a school, its own
 * partnerships, classes and agreements, under its city's code.
 */
export async function partnershipStats(
  em: EntityManager,
  cities: CityInfo[],
  args: { year?: number | null; cityCode?: string | null; schoolId?: string | null },
): Promise<PartnershipStats> {
  const year = checkYear(args.year);
  const { city, school } = await resolvePlace(em, cities, args);
  const place = { cityId: city?.id ?? null, schoolId: school?.id ?? null };
  const [classes, partnerships, crossRegion] = await Promise.all([
    rowsOf(em, classesQuery(em, year, place)),
    rowsOf(em, partnershipsQuery(em, year, place)),
    rowsOf(em, crossRegionQuery(em, year, place)),
  ]);

  const byCity = new Map<string, Counts>();
  const byIndustry = new Map<string, Counts>();
  const add = (map: Map<string, Counts>, key: string, values: Partial<Counts>) => {
    if (!map.has(key)) map.set(key, zero());
    const counts = map.get(key)!;
    for (const [k, v] of Object.entries(values) as [keyof Counts, number][]) counts[k] += v;
  };
  for (const r of partnerships) {
    const values = { partnerships: toNumber(r.partnerships) };
    add(byCity, `${toNumber(r.cityId)}:${r.kind}`, values);
    add(byIndustry, `${r.industry}:${r.kind}`, values);
  }
  for (const r of classes) {
    const values = { classes: toNumber(r.classes), seats: toNumber(r.seats), enrolled: toNumber(r.enrolled) };
    add(byCity, `${toNumber(r.cityId)}:${r.kind}`, values);
    add(byIndustry, `${r.industry}:${r.kind}`, values);
  }

  const kinds = Object.values(PartnershipKind);
  const scope = city ? [city] : cities;
  const cityRows = scope.flatMap((c) => kinds.map((kind) => ({ cityCode: c.code, cityName: c.nameZh, kind, ...(byCity.get(`${c.id}:${kind}`) ?? zero()) })));
  const provinceRows = kinds.map((kind) => {
    const total = zero();
    for (const row of cityRows.filter((r) => r.kind === kind)) for (const k of Object.keys(total) as (keyof Counts)[]) total[k] += row[k];
    return { cityCode: PROVINCE_CODE, cityName: PROVINCE_NAME, kind, ...total };
  });
  return {
    year,
    cityCode: city?.code ?? PROVINCE_CODE,
    schoolId: school ? String(school.id) : null,
    schoolName: school?.name ?? null,
    byCity: city ? cityRows : args.cityCode === PROVINCE_CODE ? provinceRows : [...cityRows, ...provinceRows],
    byIndustry: Object.values(Industry).flatMap((industry) =>
      kinds.filter((kind) => byIndustry.has(`${industry}:${kind}`)).map((kind) => ({ industry, kind, ...byIndustry.get(`${industry}:${kind}`)! })),
    ),
    byPartnerProvince: crossRegion.map((r) => ({
      provinceCode: r.provinceCode,
      provinceName: provinceByCode(r.provinceCode)?.nameZh ?? null,
      agreements: toNumber(r.agreements),
      seats: toNumber(r.seats),
      students: toNumber(r.students),
    })),
  };
}
