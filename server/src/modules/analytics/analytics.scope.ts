import type { EntityManager } from '@mikro-orm/core';
import { badInput } from '../../common/errors.js';
import { City } from '../city/city.entity.js';
import { School } from '../school/school.entity.js';
import { parseId } from '../../common/ids.js';
import { readRows } from '../../read/rows.js';
import { CAMPAIGN_FIRST_YEAR, CAMPAIGN_LAST_YEAR, PROVINCE_CODE } from '../target/campaign.js';

export interface CityInfo {
  id: number;
  code: string;
  nameZh: string;
}

export const PROVINCE_NAME = '浙江省';

export const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** Cities in the notice's display order: names and codes for result rows. */
export async function loadCities(em: EntityManager): Promise<CityInfo[]> {
  const cities = await readRows(em, City, {}, { props: ['id', 'code', 'nameZh'], orderBy: [{ displayOrder: 'ASC' }] });
  return cities.map((c) => ({ id: c.id, code: c.code as string, nameZh: c.nameZh as string }));
}

export function checkYear(year: number | null | undefined): number | null {
  if (year === null || year === undefined) return null;
  if (!Number.isInteger(year) || year < CAMPAIGN_FIRST_YEAR || year > CAMPAIGN_LAST_YEAR) {
    throw badInput(
      'year',
      `年度须在 ${CAMPAIGN_FIRST_YEAR}–${CAMPAIGN_LAST_YEAR} 之间：${year}`,
      `year must be within ${CAMPAIGN_FIRST_YEAR}–${CAMPAIGN_LAST_YEAR}, got ${year}`,
    );
  }
  return year;
}

/** `null` for the whole province (no code or 330000), otherwise the named city. */
export function resolveCity(cities: CityInfo[], cityCode: string | null | undefined): CityInfo | null {
  if (!cityCode || cityCode === PROVINCE_CODE) return null;
  const city = cities.find((c) => c.code === cityCode);
  if (!city) throw badInput('cityCode', `未知的设区市代码：${cityCode}`, `unknown city code: ${cityCode}`);
  return city;
}

async function resolveSchool(em: EntityManager, schoolId: string | null | undefined): Promise<School | null> {
  if (schoolId === null || schoolId === undefined) return null;
  const school = await em.findOne(School, parseId(schoolId, 'schoolId'));
  if (!school) throw badInput('schoolId', `找不到学校：${schoolId}`, `school ${schoolId} not found`);
  return school;
}

/**
 * The place a report covers: a school (its city with it), a city, or the whole province (both null).
 * An unknown city code is refused even beside a school, and a school must lie in the city named.
 */
export async function resolvePlace(
  em: EntityManager,
  cities: CityInfo[],
  args: { cityCode?: string | null; schoolId?: string | null },
): Promise<{ city: CityInfo | null; school: School | null }> {
  const named = resolveCity(cities, args.cityCode);
  const school = await resolveSchool(em, args.schoolId);
  if (school && named && school.city.id !== named.id) {
    throw badInput('schoolId', `学校 ${school.id} 不在设区市 ${named.code}`, `school ${school.id} is not in city ${named.code}`);
  }
  return { city: school ? cities.find((c) => c.id === school.city.id)! : named, school };
}

export function campaignYears(year: number | null): number[] {
  if (year !== null) return [year];
  const years: number[] = [];
  for (let y = CAMPAIGN_FIRST_YEAR; y <= CAMPAIGN_LAST_YEAR; y++) years.push(y);
  return years;
}
