import type { EntityManager } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { queryRows, toNumber } from '../../read/sql.js';
import { requestActor } from '../../auth/scope.js';
import type { Actor } from '../../auth/actor.js';
import { Role } from '../../auth/role.js';
import { PROVINCE_CODE } from '../target/campaign.js';
import { isPostgres } from '../../read/dialect.js';
import { StudentStatus } from './student.enums.js';

export enum PopulationGroupBy {
  CITY = 'CITY',
  SCHOOL = 'SCHOOL',
  LEVEL = 'LEVEL',
  ENTRY_YEAR = 'ENTRY_YEAR',
}
registerEnumType(PopulationGroupBy, { name: 'PopulationGroupBy', description: 'How studentPopulation groups students in school' });

@ObjectType({ description: 'Students in school (on a roster, registered and not yet left) on a day, in one group' })
export class PopulationRow {
  @Field(() => String, { description: 'City code (330000: the province), school id, level or year of entry' }) key!: string;
  @Field(() => String) label!: string;
  @Field(() => Int) students!: number;
  @Field(() => Int, { nullable: true, description: 'By city: students in school in 2020 (PopulationBaseline)' }) baseline!: number | null;
  @Field(() => Float, { nullable: true, description: 'By city: students ÷ the 2020 baseline; 2 is the 翻一番 goal of 2025' }) ratio!: number | null;
}

@ObjectType({ description: 'Students who left the roll in a month, by how' })
export class StudentExitMonth {
  @Field(() => String, { description: 'YYYY-MM' }) month!: string;
  @Field(() => Int) graduated!: number;
  @Field(() => Int) withdrawn!: number;
  @Field(() => Int) transferred!: number;
}

const GROUPS: Record<PopulationGroupBy, { key: string; label: string }> = {
  [PopulationGroupBy.CITY]: { key: 'c.code', label: 'c.name_zh' },
  [PopulationGroupBy.SCHOOL]: { key: 'sc.id', label: 'sc.name' },
  [PopulationGroupBy.LEVEL]: { key: 'pr.level', label: 'pr.level' },
  [PopulationGroupBy.ENTRY_YEAR]: { key: 'p.year', label: 'p.year' },
};

/** The reader's place as a condition on students: a city bureau its city, school staff their school. */
function placeCondition(reader: Actor | null): { sql: string; params: number[] } {
  const actor = requestActor(reader);
  if (actor?.role === Role.CITY_ADMIN) return { sql: ' and sc.city_id = ?', params: [actor.cityId ?? 0] };
  if (actor?.role === Role.SCHOOL_STAFF) return { sql: ' and s.school_id = ?', params: [actor.schoolId ?? 0] };
  return { sql: '', params: [] };
}

/**
 * Whether a reader's by-city figures list a city that has a 2020 base but nobody in school: every
 * city for province-wide roles, its own for a city bureau; none for school staff (their figures are their school's).
 */
function listsCityWithoutStudents(cityId: number, reader: Actor | null): boolean {
  const actor = requestActor(reader);
  if (actor?.role === Role.SCHOOL_STAFF) return false;
  return actor?.role !== Role.CITY_ADMIN || actor.cityId === cityId;
}

const FROM = `from student s join school sc on sc.id = s.school_id join city c on c.id = sc.city_id
  join enrollment_plan p on p.id = s.plan_id join program pr on pr.id = p.program_id`;

/**
 * 在校学生: students registered on or before the day who had not left the roll by it, grouped; by city
 * with the 2020 base, listing also the cities of the reader's place that have a base and nobody in school.
 */
export async function studentPopulation(em: EntityManager, reader: Actor | null, on: string, groupBy: PopulationGroupBy): Promise<PopulationRow[]> {
  const { key, label } = GROUPS[groupBy];
  const place = placeCondition(reader);
  const rows = await queryRows<{ k: unknown; label: unknown; n: unknown }>(
    em,
    `select ${key} as k, ${label} as label, count(*) as n ${FROM}
     where s.registered_on <= ? and (s.left_on is null or s.left_on > ?)${place.sql}
     group by ${key}, ${label} order by ${key}`,
    [on, on, ...place.params],
  );
  const result: PopulationRow[] = rows.map((r) => ({ key: String(r.k), label: String(r.label), students: toNumber(r.n), baseline: null, ratio: null }));
  if (groupBy !== PopulationGroupBy.CITY) return result;
  const bases = await queryRows<{ city_id: unknown; code: string; name_zh: string; students: unknown }>(
    em,
    'select c.id as city_id, c.code, c.name_zh, b.students from population_baseline b join city c on c.id = b.city_id',
  );
  for (const base of bases) {
    if (listsCityWithoutStudents(toNumber(base.city_id), reader) && !result.some((r) => r.key === base.code)) {
      result.push({ key: base.code, label: base.name_zh, students: 0, baseline: null, ratio: null });
    }
  }
  result.sort((a, b) => a.key.localeCompare(b.key));
  const baseOf = new Map(bases.map((b) => [b.code, toNumber(b.students)]));
  for (const row of result) {
    row.baseline = baseOf.get(row.key) ?? null;
    row.ratio = row.baseline ? row.students / row.baseline : null;
  }
  if (place.params.length === 0) {
    const students = result.reduce((sum, r) => sum + r.students, 0);
    const baseline = bases.length ? bases.reduce((sum, b) => sum + toNumber(b.students), 0) : null;
    result.unshift({ key: PROVINCE_CODE, label: '浙江省', students, baseline, ratio: baseline ? students / baseline : null });
  }
  return result;
}

/** Graduations, withdrawals and transfers per month of a year (the month a student left the roll). */
export async function studentExits(em: EntityManager, reader: Actor | null, year: number): Promise<StudentExitMonth[]> {
  const month = isPostgres(em) ? `to_char(s.left_on, 'YYYY-MM')` : 'substr(s.left_on, 1, 7)';
  const place = placeCondition(reader);
  const rows = await queryRows<{ month: string; status: string; n: unknown }>(
    em,
    `select ${month} as month, s.status, count(*) as n from student s join school sc on sc.id = s.school_id
     where s.left_on >= ? and s.left_on <= ?${place.sql} group by ${month}, s.status order by ${month}`,
    [`${year}-01-01`, `${year}-12-31`, ...place.params],
  );
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  const count = (m: string, status: StudentStatus) => toNumber(rows.find((r) => r.month === m && r.status === status)?.n);
  return months.map((m) => ({
    month: m,
    graduated: count(m, StudentStatus.GRADUATED),
    withdrawn: count(m, StudentStatus.WITHDRAWN),
    transferred: count(m, StudentStatus.TRANSFERRED),
  }));
}
