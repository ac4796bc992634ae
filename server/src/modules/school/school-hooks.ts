import { ruleViolation } from '../../common/errors.js';
import type { WriteHooks } from '../../common/resource.js';
import { Program } from '../program/program.entity.js';
import { LEVELS_BY_SCHOOL_TYPE } from '../program/program-rules.js';
import type { School } from './school.entity.js';

export const schoolHooks: WriteHooks<School> = {
  /** R3 also binds a school's existing programs: a new type must still allow every level it teaches. */
  async beforeSave(em, school, isNew, before) {
    if (isNew || before?.type === school.type) return;
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
