import { FixedClock } from '../../server/src/common/clock.js';
import type { TestApp } from '../helpers/test-app.js';
import { createIntake, createPlan, createProgram, createSchool } from '../helpers/fixtures.js';

/**
 * A small hand-made province for the analyst queries: a city technician college in Hangzhou with a
 * SKILLS_TRAINING program (R1), a senior technical school in Ningbo with a part-time program, and a
 * provincial technician college standing in Wenzhou that recruits from Lishui (R7 allows it).
 */
export const SCHOOLS = {
  A: { name: '分析测试杭州技师学院', cityCode: '330100', type: 'TECHNICIAN_COLLEGE', provincial: false },
  B: { name: '分析测试宁波高级技工学校', cityCode: '330200', type: 'SENIOR_TECHNICAL_SCHOOL', provincial: false },
  P: { name: '分析测试省属技师学院', cityCode: '330300', type: 'TECHNICIAN_COLLEGE', provincial: true },
} as const;
type SchoolKey = keyof typeof SCHOOLS;

export const PROGRAMS = {
  A1: { school: 'A', level: 'INTERMEDIATE', studyMode: 'FULL_TIME', entryBasis: 'JUNIOR_HIGH' },
  A2: { school: 'A', level: 'ADVANCED', studyMode: 'FULL_TIME', entryBasis: 'SENIOR_HIGH' },
  A3: { school: 'A', level: 'PREPARATORY_TECHNICIAN', studyMode: 'FULL_TIME', entryBasis: 'SENIOR_HIGH' },
  A4: { school: 'A', level: 'INTERMEDIATE', studyMode: 'SKILLS_TRAINING', entryBasis: 'JUNIOR_HIGH' },
  B1: { school: 'B', level: 'INTERMEDIATE', studyMode: 'FULL_TIME', entryBasis: 'JUNIOR_HIGH' },
  B2: { school: 'B', level: 'ADVANCED', studyMode: 'PART_TIME', entryBasis: 'SENIOR_HIGH' },
  P1: { school: 'P', level: 'ADVANCED', studyMode: 'FULL_TIME', entryBasis: 'SENIOR_HIGH' },
} as const;
type ProgramKey = keyof typeof PROGRAMS;

type Status = 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'FILED';
export const PLANS: Record<string, { program: ProgramKey; year: number; season: 'SPRING' | 'AUTUMN'; seats: number; status: Status }> = {
  'A1-2024': { program: 'A1', year: 2024, season: 'AUTUMN', seats: 40, status: 'FILED' },
  'A2-2024': { program: 'A2', year: 2024, season: 'AUTUMN', seats: 30, status: 'FILED' },
  'A1-2025': { program: 'A1', year: 2025, season: 'AUTUMN', seats: 50, status: 'FILED' },
  'A2-2025': { program: 'A2', year: 2025, season: 'AUTUMN', seats: 20, status: 'FILED' },
  'A3-2025': { program: 'A3', year: 2025, season: 'AUTUMN', seats: 10, status: 'APPROVED' },
  'A4-2025': { program: 'A4', year: 2025, season: 'SPRING', seats: 100, status: 'FILED' },
  'B1-2025': { program: 'B1', year: 2025, season: 'AUTUMN', seats: 60, status: 'FILED' },
  'B2-2025s': { program: 'B2', year: 2025, season: 'SPRING', seats: 15, status: 'FILED' },
  'B2-2025a': { program: 'B2', year: 2025, season: 'AUTUMN', seats: 10, status: 'SUBMITTED' },
  'P1-2025': { program: 'P1', year: 2025, season: 'AUTUMN', seats: 25, status: 'FILED' },
  'A1-2026': { program: 'A1', year: 2026, season: 'AUTUMN', seats: 30, status: 'DRAFT' },
};

export const INTAKES: Array<{ plan: string; count: number; targetGroup: string; originCode: string; registeredOn: string }> = [
  { plan: 'A1-2024', count: 35, targetGroup: 'JUNIOR_HIGH_GRADUATE', originCode: '330100', registeredOn: '2024-09-10' },
  { plan: 'A2-2024', count: 25, targetGroup: 'SENIOR_HIGH_GRADUATE', originCode: '330100', registeredOn: '2024-09-12' },
  { plan: 'A1-2025', count: 30, targetGroup: 'JUNIOR_HIGH_GRADUATE', originCode: '330100', registeredOn: '2025-09-05' },
  { plan: 'A1-2025', count: 8, targetGroup: 'JUNIOR_HIGH_PAST', originCode: '510000', registeredOn: '2025-09-06' },
  { plan: 'A2-2025', count: 12, targetGroup: 'SENIOR_HIGH_GRADUATE', originCode: '330100', registeredOn: '2025-09-07' },
  { plan: 'A4-2025', count: 90, targetGroup: 'UNEMPLOYED', originCode: '330100', registeredOn: '2025-03-20' },
  { plan: 'B1-2025', count: 50, targetGroup: 'JUNIOR_HIGH_GRADUATE', originCode: '330200', registeredOn: '2025-09-01' },
  { plan: 'B1-2025', count: 5, targetGroup: 'JUNIOR_HIGH_GRADUATE', originCode: '520000', registeredOn: '2025-09-02' },
  { plan: 'B2-2025s', count: 14, targetGroup: 'ENTERPRISE_EMPLOYEE', originCode: '330200', registeredOn: '2025-03-15' },
  { plan: 'P1-2025', count: 10, targetGroup: 'SENIOR_HIGH_GRADUATE', originCode: '330300', registeredOn: '2025-09-03' },
  { plan: 'P1-2025', count: 6, targetGroup: 'SENIOR_HIGH_GRADUATE', originCode: '331100', registeredOn: '2025-09-04' },
];

/** One intake with everything the expectations group by. */
export interface Fact {
  count: number;
  year: number;
  cityCode: string;
  school: SchoolKey;
  level: string;
  studyMode: string;
  targetGroup: string;
  originCode: string;
  registeredOn: string;
}

export function facts(): Fact[] {
  return INTAKES.map((intake) => {
    const plan = PLANS[intake.plan]!;
    const program = PROGRAMS[plan.program];
    return {
      ...intake,
      year: plan.year,
      cityCode: SCHOOLS[program.school].cityCode,
      school: program.school,
      level: program.level,
      studyMode: program.studyMode,
    };
  });
}

export const counted = (f: Fact) => f.studyMode !== 'SKILLS_TRAINING';
export const sum = (rows: Fact[]) => rows.reduce((total, f) => total + f.count, 0);

export function plannedSeats(cityCode: string, year: number): number {
  return Object.values(PLANS)
    .filter((p) => p.year === year && ['APPROVED', 'FILED'].includes(p.status))
    .filter((p) => PROGRAMS[p.program].studyMode !== 'SKILLS_TRAINING' && SCHOOLS[PROGRAMS[p.program].school].cityCode === cityCode)
    .reduce((total, p) => total + p.seats, 0);
}

export interface Built {
  schoolIds: Record<SchoolKey, string>;
}

/**
 * Builds the data set through the API. Plan statuses are set in the database: the workflow and who
 * may take each step (R4) have their own tests, and here one suite user plays every authority.
 */
export async function buildDataset(t: TestApp): Promise<Built> {
  const schoolIds = {} as Record<SchoolKey, string>;
  for (const [key, school] of Object.entries(SCHOOLS) as [SchoolKey, (typeof SCHOOLS)[SchoolKey]][]) {
    schoolIds[key] = await createSchool(t, { name: school.name, cityCode: school.cityCode, type: school.type, provincial: school.provincial });
  }
  const programIds: Record<string, string> = {};
  for (const [key, program] of Object.entries(PROGRAMS)) {
    programIds[key] = await createProgram(t, {
      schoolId: schoolIds[program.school],
      majorCode: '0101',
      level: program.level,
      entryBasis: program.entryBasis,
      studyMode: program.studyMode,
    });
  }
  const planIds: Record<string, string> = {};
  for (const [key, plan] of Object.entries(PLANS)) {
    planIds[key] = await createPlan(t, { programId: programIds[plan.program]!, year: plan.year, season: plan.season, seats: plan.seats });
  }
  const connection = t.orm.em.fork().getConnection();
  for (const [key, plan] of Object.entries(PLANS)) {
    await connection.execute('update enrollment_plan set status = ? where id = ?', [plan.status, Number(planIds[key])]);
  }
  for (const intake of INTAKES) {
    await createIntake(t, {
      planId: planIds[intake.plan]!,
      count: intake.count,
      targetGroup: intake.targetGroup,
      originCode: intake.originCode,
      registeredOn: intake.registeredOn,
    });
  }
  return { schoolIds };
}

/** After every registration date of the data set. */
export const clockAfterRegistration = () => new FixedClock('2025-12-01T02:00:00Z');
