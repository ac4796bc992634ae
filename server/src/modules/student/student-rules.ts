import { AppError, badInput, ruleViolation } from '../../common/errors.js';
import { EntryBasis } from '../program/program.enums.js';
import type { IdNumberFacts } from './id-number.js';
import { Sex } from './id-number.js';
import { STATUS_MOVES, StudentStatus } from './student.enums.js';

/** Youngest age on the registration day by entry basis: a junior-high leaver is at least 13, a senior-high one 15. */
export const MINIMUM_AGE: Record<EntryBasis, number> = {
  [EntryBasis.JUNIOR_HIGH]: 13,
  [EntryBasis.SENIOR_HIGH]: 15,
  [EntryBasis.CERTIFICATE]: 16,
};
export const MAXIMUM_AGE = 65;

/** Whole years between a birth date and a day (both YYYY-MM-DD). */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

export function assertAgeFits(birthDate: string, registeredOn: string, entryBasis: EntryBasis): void {
  const age = ageOn(birthDate, registeredOn);
  const minimum = MINIMUM_AGE[entryBasis];
  if (age >= minimum && age <= MAXIMUM_AGE) return;
  throw ruleViolation(
    'AGE',
    `出生日期 ${birthDate}：注册时 ${age} 岁，不在该招生起点（${entryBasis}）的 ${minimum}–${MAXIMUM_AGE} 岁范围内`,
    `born ${birthDate}: ${age} on registration, outside ${minimum}–${MAXIMUM_AGE} for entry basis ${entryBasis}`,
    'idNumber',
  );
}

/** The birth date entered next to the ID number must be the one it encodes. */
export function assertBirthDateMatches(facts: Pick<IdNumberFacts, 'birthDate'>, entered: { birthDate?: string | null }): void {
  if (entered.birthDate && entered.birthDate !== facts.birthDate) {
    throw badInput(
      'birthDate',
      `出生日期 ${entered.birthDate} 与身份证号中的 ${facts.birthDate} 不符`,
      `birth date ${entered.birthDate} differs from the ID number's ${facts.birthDate}`,
    );
  }
}

/** The sex entered next to the ID number must be the one its sequence encodes (odd: male). */
export function assertSexMatches(facts: Pick<IdNumberFacts, 'sex'>, entered: { sex?: Sex | null }): void {
  if (entered.sex && entered.sex !== facts.sex) {
    const zh = (sex: Sex) => (sex === Sex.MALE ? '男' : '女');
    throw badInput('sex', `性别“${zh(entered.sex)}”与身份证号（${zh(facts.sex)}）不符`, `sex ${entered.sex} differs from the ID number's ${facts.sex}`);
  }
}

/** Refuses a status move the roll does not allow, or one dated before the last step or after today. */
export function assertStatusMove(current: { id: number; status: StudentStatus; statusOn: string }, to: StudentStatus, on: string, today: string): void {
  if (!STATUS_MOVES[current.status].includes(to)) {
    throw ruleViolation(
      'STUDENT_STATUS',
      `学生 ${current.id} 当前为 ${current.status}，不能改为 ${to}`,
      `student ${current.id} is ${current.status}; it cannot become ${to}`,
      'status',
    );
  }
  if (on < current.statusOn || on > today) {
    throw badInput('on', `日期须在 ${current.statusOn} 至 ${today} 之间`, `the date must lie between ${current.statusOn} and ${today}`);
  }
}

/**
 * Every problem of one row, as one error: a roster row is corrected once, not once per problem. The
 * code, rule and field are the first problem's; the message lists them all.
 */
export function combined(problems: AppError[]): AppError {
  if (problems.length === 1) return problems[0]!;
  const first = problems[0]!.problem;
  return new AppError({
    ...first,
    zh: problems.map((p) => `${p.problem.field ?? ''}：${p.problem.zh}`).join('；'),
    en: problems.map((p) => `${p.problem.field ?? ''}: ${p.problem.en}`).join('; '),
    details: { problems: problems.map((p) => ({ field: p.problem.field ?? null, rule: p.problem.rule ?? null, message: p.message })) },
  });
}
