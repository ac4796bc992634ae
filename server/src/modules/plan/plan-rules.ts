import { ruleViolation } from '../../common/errors.js';
import { PROVINCE_CODE } from '../target/campaign.js';
import { levelZh } from '../program/program-rules.js';
import type { Level } from '../major/level.js';
import { PlanStatus } from './plan.enums.js';

/** R8: lines the issuing authority has approved (and the province filed) change only through an adjustment. */
export const LOCKED_STATUSES: readonly PlanStatus[] = [PlanStatus.APPROVED, PlanStatus.FILED];

export const isLocked = (status: PlanStatus): boolean => LOCKED_STATUSES.includes(status);

/** Plan-line properties a CRUD write could change, with the argument that carries each. */
export const PLAN_WRITABLE: ReadonlyArray<readonly [prop: 'school' | 'program' | 'year' | 'season' | 'seats', field: string]> = [
  ['seats', 'seats'],
  ['program', 'programId'],
  ['school', 'schoolId'],
  ['year', 'year'],
  ['season', 'season'],
];

/** R8: a locked line is refused any CRUD change or delete. */
export function assertUnlocked(plan: { id: number; status: PlanStatus }, field?: string): void {
  if (!isLocked(plan.status)) return;
  throw ruleViolation(
    'R8',
    `招生计划 ${plan.id} 已${plan.status === PlanStatus.FILED ? '备案' : '下达'}，不得随意调整；请提出计划调整申请`,
    `plan line ${plan.id} is ${plan.status} and locked; request a plan adjustment instead`,
    field,
  );
}

interface CatalogueProgram {
  id: number;
  level: Level;
  filedOn: string | null;
  major: { code: string; name: string; levels: Level[] };
}

/** R5: plan lines only for programs filed in the catalogue, at a level their major allows. */
export function assertFiledCatalogue(program: CatalogueProgram, field = 'programId'): void {
  if (program.filedOn === null) {
    throw ruleViolation(
      'R5',
      `专业 ${program.major.name}（开设编号 ${program.id}）尚未备案，不能安排或下达招生计划`,
      `program ${program.id} is not filed; it cannot have approved plan lines`,
      field,
    );
  }
  if (!program.major.levels.includes(program.level)) {
    throw ruleViolation(
      'R5',
      `专业目录中 ${program.major.code} ${program.major.name} 不允许开设${levelZh(program.level)}层次`,
      `catalogue major ${program.major.code} does not allow level ${program.level}`,
      field,
    );
  }
}

/** R4: plans of provincial schools are issued by the province, the others by the bureau of the school's city. */
export const issuerCodeOf = (school: { provincial: boolean; city: { code: string } }): string => (school.provincial ? PROVINCE_CODE : school.city.code);
