import { AppError, ruleViolation } from '../../common/errors.js';
import { Level } from '../major/level.js';
import { SchoolType } from '../school/school.entity.js';
import { standardDuration } from './durations.js';
import type { EntryBasis } from './program.enums.js';

const LEVEL_ZH: Record<Level, string> = {
  [Level.INTERMEDIATE]: '中级工',
  [Level.ADVANCED]: '高级工',
  [Level.PREPARATORY_TECHNICIAN]: '预备技师（技师）',
};

const TYPE_ZH: Record<SchoolType, string> = {
  [SchoolType.TECHNICIAN_COLLEGE]: '技师学院',
  [SchoolType.SENIOR_TECHNICAL_SCHOOL]: '高级技工学校',
  [SchoolType.TECHNICAL_SCHOOL]: '技工学校',
};

export const levelZh = (level: Level): string => LEVEL_ZH[level];

/** R3: the levels each school type may teach. */
export const LEVELS_BY_SCHOOL_TYPE: Record<SchoolType, readonly Level[]> = {
  [SchoolType.TECHNICAL_SCHOOL]: [Level.INTERMEDIATE],
  [SchoolType.SENIOR_TECHNICAL_SCHOOL]: [Level.INTERMEDIATE, Level.ADVANCED],
  [SchoolType.TECHNICIAN_COLLEGE]: [Level.INTERMEDIATE, Level.ADVANCED, Level.PREPARATORY_TECHNICIAN],
};

/** R3: refuses a level the school type may not teach. */
export function assertLevelFitsSchool(type: SchoolType, level: Level, field = 'level'): void {
  if (LEVELS_BY_SCHOOL_TYPE[type].includes(level)) return;
  const allowed = LEVELS_BY_SCHOOL_TYPE[type];
  throw ruleViolation(
    'R3',
    `${TYPE_ZH[type]}不能开设${LEVEL_ZH[level]}层次，只能开设：${allowed.map((l) => LEVEL_ZH[l]).join('、')}`,
    `a ${type} may not teach ${level}; allowed: ${allowed.join(', ')}`,
    field,
  );
}

/**
 * The standard duration for the program's entry basis and level. A given duration must match the
 * table; none given takes it from the table.
 */
export function resolveDuration(entryBasis: EntryBasis, level: Level, given: number | undefined): number {
  const standard = standardDuration(entryBasis, level);
  if (standard === undefined) {
    if (given !== undefined) return given;
    throw new AppError({
      code: 'BAD_USER_INPUT',
      rule: 'DURATION',
      field: 'durationYears',
      zh: '该招生起点和层次没有标准学制，请填写学制',
      en: `no standard duration for ${entryBasis} ${level}; give durationYears`,
    });
  }
  if (given !== undefined && given !== standard) {
    throw new AppError({
      code: 'BAD_USER_INPUT',
      rule: 'DURATION',
      field: 'durationYears',
      zh: `${LEVEL_ZH[level]}（${entryBasis}）的标准学制为 ${standard} 年，不能填 ${given} 年`,
      en: `the standard duration of ${level} from ${entryBasis} is ${standard} years, not ${given}`,
      details: { standardYears: standard },
    });
  }
  return standard;
}
