import type { EntityManager } from '@mikro-orm/core';
import { ruleViolation } from '../../common/errors.js';
import { findByIds } from '../../common/batch-lookups.js';
import { School } from '../school/school.entity.js';
import { EnrollmentPlan } from '../plan/enrollment-plan.entity.js';
import { LOCKED_STATUSES } from '../plan/plan-rules.js';
import type { WriteHooks } from '../../common/resource.js';
import type { Program } from './program.entity.js';
import { Major } from '../major/major.entity.js';
import { assertLevelFitsSchool, levelZh, resolveDuration } from './program-rules.js';

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

/** R5: the catalogue decides at which levels a major is taught, from the program's first day on. */
async function assertCatalogueAllowsLevel(em: EntityManager, program: Program): Promise<void> {
  const major = await em.findOneOrFail(Major, program.major.id);
  if (major.levels.includes(program.level)) return;
  throw ruleViolation(
    'R5',
    `专业目录中 ${major.code} ${major.name} 不允许开设${levelZh(program.level)}层次`,
    `catalogue major ${major.code} does not allow level ${program.level}`,
    'level',
  );
}

export const programHooks: WriteHooks<Program, void> = {
  /** The schools and catalogue majors of all rows into the unit of work at once. */
  async prepare(em, rows) {
    const saved = rows.filter((r) => !r.deleted);
    await findByIds(
      em,
      School,
      saved.map((r) => r.entity.school.id),
    );
    await findByIds(
      em,
      Major,
      saved.map((r) => r.entity.major.id),
    );
  },
  async beforeSave(em, program, isNew, before) {
    const school = await em.findOneOrFail(School, program.school.id);
    assertLevelFitsSchool(school.type, program.level);
    if (isNew || !before || before.level !== program.level || before.major !== program.major) await assertCatalogueAllowsLevel(em, program);
    // null asks for the standard duration, as leaving it out does
    const given = program.durationYears ?? undefined;
    if (isNew || !before) {
      program.durationYears = resolveDuration(program, given);
      return;
    }
    const durationChanged = before.durationYears !== program.durationYears;
    if (before.level !== program.level || before.entryBasis !== program.entryBasis || before.studyMode !== program.studyMode) {
      // A new level, entry basis or study mode takes its standard duration unless the caller gave one.
      program.durationYears = resolveDuration(program, durationChanged ? given : undefined);
    } else if (durationChanged) {
      program.durationYears = resolveDuration(program, given);
    }
    await assertNoLockedLines(em, program, before);
  },
};
