import type { EntityManager } from '@mikro-orm/core';
import { queryRows, toNumber } from '../../read/sql.js';

export interface UnderAssignedSchoolRow {
  schoolId: number;
  cityId: number;
  target: number;
  plannedSeats: number;
}

export interface CityGapRow {
  cityId: number;
  year: number;
  cityTarget: number;
  assigned: number;
  underAssigned: UnderAssignedSchoolRow[];
}

/** Seats a school plans for the year that count toward targets (R1: skills training does not). */
const PLANNED_BY_SCHOOL = `
  select ep.school_id, sum(ep.seats) as planned
  from enrollment_plan ep join program pr on pr.id = ep.program_id
  where ep.year = ? and pr.study_mode <> 'SKILLS_TRAINING'
  group by ep.school_id`;

/**
 * 任务分解 against the task table, per city: the city target, the sum of its schools' targets and,
 * as under-assigned, the schools whose target is below the seats they plan for the year (a school
 * planning seats without any target counts with target 0).
 */
export async function schoolTargetGaps(em: EntityManager, year: number, cityId?: number): Promise<CityGapRow[]> {
  const cityFilter = cityId === undefined ? '' : 'where c.id = ?';
  const cities = await queryRows<{ city_id: number; city_target: unknown; assigned: unknown }>(
    em,
    `select c.id as city_id, ct.seats as city_target, coalesce(st.assigned, 0) as assigned
     from city c
     left join campaign_target ct on ct.city_id = c.id and ct.year = ?
     left join (
       select s.city_id, sum(t.seats) as assigned
       from school_target t join school s on s.id = t.school_id
       where t.year = ? group by s.city_id
     ) st on st.city_id = c.id
     ${cityFilter}
     order by c.display_order`,
    cityId === undefined ? [year, year] : [year, year, cityId],
  );
  const schools = await queryRows<{ school_id: number; city_id: number; target: unknown; planned: unknown }>(
    em,
    `select s.id as school_id, s.city_id, coalesce(t.seats, 0) as target, p.planned
     from school s
     join (${PLANNED_BY_SCHOOL}) p on p.school_id = s.id
     left join school_target t on t.school_id = s.id and t.year = ?
     where coalesce(t.seats, 0) < p.planned ${cityId === undefined ? '' : 'and s.city_id = ?'}
     order by s.id`,
    cityId === undefined ? [year, year] : [year, year, cityId],
  );
  const byCity = new Map<number, UnderAssignedSchoolRow[]>();
  for (const row of schools) {
    const list = byCity.get(Number(row.city_id)) ?? [];
    list.push({ schoolId: Number(row.school_id), cityId: Number(row.city_id), target: toNumber(row.target), plannedSeats: toNumber(row.planned) });
    byCity.set(Number(row.city_id), list);
  }
  return cities.map((row) => ({
    cityId: Number(row.city_id),
    year,
    cityTarget: toNumber(row.city_target),
    assigned: toNumber(row.assigned),
    underAssigned: byCity.get(Number(row.city_id)) ?? [],
  }));
}
