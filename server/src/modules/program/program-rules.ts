import { AppError, ruleViolation } from '../../common/errors.js';
import { Level } from '../major/level.js';
import { SchoolType } from '../school/school.entity.js';
import { standardDuration } from './durations.js';
import { StudyMode, type EntryBasis } from './program.enums.js';

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
 * Skills training (职业技能培训) is a course of weeks or months, not a programme of years; it is
 * recorded as one year, the shortest length the catalogue counts in.
 */
export const SKILLS_TRAINING_YEARS = 1;

interface DurationKey {
  entryBasis: EntryBasis;
  level: Level;
  studyMode: StudyMode;
}

/** The standard length of a program: the table's by entry basis and level, one year for skills training. */
export const standardYears = (program: DurationKey): number | undefined =>
  program.studyMode === StudyMode.SKILLS_TRAINING ? SKILLS_TRAINING_YEARS : standardDuration(program.entryBasis, program.level);

/** The program's standard duration: a given duration must match it; none given takes it. */
export function resolveDuration(program: DurationKey, given: number | undefined): number {
  const { entryBasis, level } = program;
  const training = program.studyMode === StudyMode.SKILLS_TRAINING;
  const standard = standardYears(program);
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
      zh: training ? `技能培训按 ${standard} 年记，不能填 ${given} 年` : `${LEVEL_ZH[level]}（${entryBasis}）的标准学制为 ${standard} 年，不能填 ${given} 年`,
      en: training
        ? `skills training counts as ${standard} year, not ${given}`
        : `the standard duration of ${level} from ${entryBasis} is ${standard} years, not ${given}`,
      details: { standardYears: standard },
    });
  }
  return standard;
}
