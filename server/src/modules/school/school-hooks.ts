import type { EntityManager } from '@mikro-orm/core';
import { ruleViolation } from '../../common/errors.js';
import type { WriteHooks } from '../../common/resource.js';
import { Program } from '../program/program.entity.js';
import { LEVELS_BY_SCHOOL_TYPE } from '../program/program-rules.js';
import { EnrollmentPlan } from '../plan/enrollment-plan.entity.js';
import { PlanStatus } from '../plan/plan.enums.js';
import type { School } from './school.entity.js';

/**
 * What a submitted line was issued and counted against: the school's city (its figures, R7's home
 * city), its 省属 flag (the issuer, R4) and its type (the levels it may teach, R3).
 */
const ISSUED_AGAINST = [
  ['city', 'cityId'],
  ['provincial', 'provincial'],
  ['type', 'type'],
] as const;

/** R8 with R4: a school with lines past DRAFT keeps the city, flag and type those lines were issued under. */
async function assertNoIssuedLines(em: EntityManager, school: School, before: Partial<School>): Promise<void> {
  const changed = ISSUED_AGAINST.find(([prop]) => before[prop] !== school[prop]);
  if (!changed) return;
  const issued = await em.count(EnrollmentPlan, { school: school.id, status: { $ne: PlanStatus.DRAFT } });
  if (issued === 0) return;
  throw ruleViolation(
    'R8',
    `该校有 ${issued} 条已提交、下达或备案的招生计划，不能修改其所在设区市、省属标志或学校类型（已下达的计划不得改写）`,
    `school ${school.id} has ${issued} plan line(s) past DRAFT; its city, provincial flag and type cannot change under them`,
    changed[1],
  );
}

export const schoolHooks: WriteHooks<School> = {
  async beforeSave(em, school, isNew, before) {
    if (isNew || !before) return;
    await assertNoIssuedLines(em, school, before);
    if (before.type === school.type) return;
    // R3 also binds a school's existing programs: a new type must still allow every level it teaches.
    const misfits = await em.count(Program, { school: school.id, level: { $nin: [...LEVELS_BY_SCHOOL_TYPE[school.type]] } });
    if (misfits === 0) return;
    throw ruleViolation(
      'R3',
      `该校有 ${misfits} 个开设专业的层次超出新学校类型允许的范围，不能改为该类型`,
      `school ${school.id} has ${misfits} program(s) at levels a ${school.type} may not teach`,
      'type',
    );
  },
};
