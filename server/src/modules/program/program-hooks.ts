import type { EntityManager } from '@mikro-orm/core';
import { ruleViolation } from '../../common/errors.js';
import { School } from '../school/school.entity.js';
import { EnrollmentPlan } from '../plan/enrollment-plan.entity.js';
import { LOCKED_STATUSES } from '../plan/plan-rules.js';
import type { WriteHooks } from '../../common/resource.js';
import type { Program } from './program.entity.js';
import { assertLevelFitsSchool, resolveDuration } from './program-rules.js';

/** What a plan line was approved against; changing it under an approved line would be a change without an adjustment. */
const APPROVED_AGAINST = ['school', 'major', 'level', 'entryBasis', 'studyMode'] as const;

async function assertNoLockedLines(em: EntityManager, program: Program, before: Partial<Program>): Promise<void> {
  const changed = APPROVED_AGAINST.filter((prop) => before[prop] !== program[prop]);
  const unfiled = before.filedOn !== null && program.filedOn === null;
  if (changed.length === 0 && !unfiled) return;
  const locked = await em.count(EnrollmentPlan, { program: program.id, status: { $in: LOCKED_STATUSES } });
  if (locked === 0) return;
  const field = unfiled ? 'filedOn' : changed[0] === 'school' || changed[0] === 'major' ? `${changed[0]}Id` : changed[0];
  throw ruleViolation(
    'R8',
    `该专业有 ${locked} 条已下达或已备案的招生计划，不能修改其学校、专业、层次、起点、学习形式或撤销备案`,
    `program ${program.id} has ${locked} approved or filed plan line(s); its school, major, level, entry basis, study mode and filing cannot change`,
    field,
  );
}

export const programHooks: WriteHooks<Program> = {
  async beforeSave(em, program, isNew, before) {
    const school = await em.findOneOrFail(School, program.school.id);
    assertLevelFitsSchool(school.type, program.level);
    if (isNew || !before) {
      program.durationYears = resolveDuration(program.entryBasis, program.level, program.durationYears);
      return;
    }
    const durationChanged = before.durationYears !== program.durationYears;
    if (before.level !== program.level || before.entryBasis !== program.entryBasis) {
      // A new level or entry basis takes its standard duration unless the caller gave one.
      program.durationYears = resolveDuration(program.entryBasis, program.level, durationChanged ? program.durationYears : undefined);
    } else if (durationChanged) {
      program.durationYears = resolveDuration(program.entryBasis, program.level, program.durationYears);
    }
    await assertNoLockedLines(em, program, before);
  },
};
