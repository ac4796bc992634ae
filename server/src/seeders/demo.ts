import type { EntityManager } from '@mikro-orm/core';
import { City } from '../modules/city/city.entity.js';
import { CampaignTarget } from '../modules/target/campaign-target.entity.js';
import { SchoolTarget } from '../modules/target/school-target.entity.js';
import { Major } from '../modules/major/major.entity.js';
import { Level } from '../modules/major/level.js';
import { Ownership, School, SchoolType } from '../modules/school/school.entity.js';
import { Program } from '../modules/program/program.entity.js';
import { EntryBasis, StudyMode } from '../modules/program/program.enums.js';
import { standardYears } from '../modules/program/program-rules.js';
import { EnrollmentPlan } from '../modules/plan/enrollment-plan.entity.js';
import { PlanStatus, Season } from '../modules/plan/plan.enums.js';
import { Intake } from '../modules/intake/intake.entity.js';
import { TargetGroup } from '../modules/intake/intake.enums.js';
import { DISTRICTS, PROVINCIAL_SCHOOLS, TRADES } from './data/places.js';
import { Random } from './random.js';

/** Past years: plan lines FILED with their intakes. The current year's lines are spread over the workflow. */
export const DEMO_PAST_YEARS = [2023, 2024, 2025];
export const DEMO_CURRENT_YEAR = 2026;
const DEMO_SCHOOLS = 120;
const OTHER_PROVINCES = ['510000', '520000', '640000', '340000', '360000', '410000', '430000', '530000'];

const LEVELS_BY_TYPE: Record<SchoolType, Level[]> = {
  [SchoolType.TECHNICAL_SCHOOL]: [Level.INTERMEDIATE],
  [SchoolType.SENIOR_TECHNICAL_SCHOOL]: [Level.INTERMEDIATE, Level.ADVANCED],
  [SchoolType.TECHNICIAN_COLLEGE]: [Level.INTERMEDIATE, Level.ADVANCED, Level.PREPARATORY_TECHNICIAN],
};

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

function makeSchools(em: EntityManager, rnd: Random, cities: City[], targets: CampaignTarget[]): School[] {
  const total2023 = targets.filter((t) => t.year === 2023).reduce((sum, t) => sum + t.seats, 0);
  const schools: School[] = [];
  const names = new Set<string>();
  const add = (name: string, type: SchoolType, city: City, provincial = false) => {
    if (names.has(name)) return;
    names.add(name);
    const ownership = provincial ? Ownership.PUBLIC : rnd.chance(0.85) ? Ownership.PUBLIC : rnd.chance(0.6) ? Ownership.PRIVATE : Ownership.ENTERPRISE;
    schools.push(em.create(School, { name, type, city, provincial, ownership }));
  };
  for (const p of PROVINCIAL_SCHOOLS) add(p.name, SchoolType.TECHNICIAN_COLLEGE, cities.find((c) => c.code === p.cityCode)!, true);
  for (const city of cities) {
    const share = targets.find((t) => t.city === city && t.year === 2023)!.seats / total2023;
    const wanted = Math.max(3, Math.round(DEMO_SCHOOLS * share)) - PROVINCIAL_SCHOOLS.filter((p) => p.cityCode === city.code).length;
    const short = city.nameZh.replace(/市$/, '');
    const before = schools.length;
    add(`${short}技师学院`, SchoolType.TECHNICIAN_COLLEGE, city);
    for (const trade of rnd.sample(TRADES, Math.max(1, Math.round(wanted / 5)))) add(`${short}${trade}技师学院`, SchoolType.TECHNICIAN_COLLEGE, city);
    const districts = DISTRICTS[city.code]!;
    for (let i = 0; schools.length - before < wanted; i++) {
      const district = districts[i % districts.length]!;
      const round = Math.floor(i / districts.length);
      const senior = rnd.chance(0.45);
      const suffix = senior ? '高级技工学校' : '技工学校';
      const name = round === 0 ? `${short}市${district}${suffix}` : `${short}市${district}${rnd.pick(TRADES)}${suffix}`;
      add(name, senior ? SchoolType.SENIOR_TECHNICAL_SCHOOL : SchoolType.TECHNICAL_SCHOOL, city);
    }
  }
  return schools;
}

function entryFor(rnd: Random, level: Level): EntryBasis {
  if (level === Level.INTERMEDIATE) return rnd.chance(0.9) ? EntryBasis.JUNIOR_HIGH : EntryBasis.SENIOR_HIGH;
  if (level === Level.ADVANCED) return rnd.chance(0.6) ? EntryBasis.JUNIOR_HIGH : rnd.chance(0.8) ? EntryBasis.SENIOR_HIGH : EntryBasis.CERTIFICATE;
  return rnd.chance(0.5) ? EntryBasis.JUNIOR_HIGH : EntryBasis.SENIOR_HIGH;
}

function makePrograms(em: EntityManager, rnd: Random, schools: School[], majors: Major[]): Program[] {
  const programs: Program[] = [];
  for (const school of schools) {
    const count = school.type === SchoolType.TECHNICIAN_COLLEGE ? rnd.int(15, 19) : school.type === SchoolType.SENIOR_TECHNICAL_SCHOOL ? rnd.int(11, 14) : rnd.int(8, 10);
    const seen = new Set<string>();
    for (let attempt = 0; seen.size < count && attempt < count * 6; attempt++) {
      const major = rnd.pick(majors);
      const levels = LEVELS_BY_TYPE[school.type].filter((l) => major.levels.includes(l));
      const level = rnd.pick(levels);
      const key = `${major.code}:${level}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const entryBasis = entryFor(rnd, level);
      const studyMode = rnd.chance(0.86) ? StudyMode.FULL_TIME : rnd.chance(0.65) ? StudyMode.PART_TIME : StudyMode.SKILLS_TRAINING;
      const filedOn = rnd.chance(0.96) ? isoDate(rnd.int(2019, 2022), rnd.int(1, 12), rnd.int(1, 28)) : null;
      programs.push(em.create(Program, { school, major, level, entryBasis, studyMode, filedOn, durationYears: standardYears({ entryBasis, level, studyMode })! }));
    }
  }
  return programs;
}

function seasonsFor(program: Program): Season[] {
  if (program.studyMode === StudyMode.FULL_TIME) return [Season.AUTUMN];
  if (program.studyMode === StudyMode.PART_TIME) return [Season.SPRING, Season.AUTUMN];
  return [Season.SPRING];
}

/** Seat weight of a line; advanced and technician classes grow each year (R2's rising share). */
function weight(rnd: Random, program: Program, year: number): number {
  const growth = program.level === Level.INTERMEDIATE ? 1 - 0.04 * (year - 2023) : 1 + 0.12 * (year - 2023);
  return (program.level === Level.INTERMEDIATE ? 1.1 : 0.8) * growth * (0.75 + rnd.next() * 0.5);
}

function statusFor(rnd: Random, year: number): PlanStatus {
  if (year < DEMO_CURRENT_YEAR) return PlanStatus.FILED;
  return rnd.pick([PlanStatus.DRAFT, PlanStatus.SUBMITTED, PlanStatus.APPROVED, PlanStatus.FILED]);
}

function makePlans(em: EntityManager, rnd: Random, programs: Program[], targets: CampaignTarget[]): EnrollmentPlan[] {
  const plans: EnrollmentPlan[] = [];
  const filed = programs.filter((p) => p.filedOn !== null);
  for (const target of targets.filter((t) => t.year <= DEMO_CURRENT_YEAR)) {
    const cityPrograms = filed.filter((p) => p.school.city === target.city);
    const lines = cityPrograms.flatMap((program) => seasonsFor(program).map((season) => ({ program, season, w: weight(rnd, program, target.year) })));
    const counted = lines.filter((l) => l.program.studyMode !== StudyMode.SKILLS_TRAINING).reduce((sum, l) => sum + l.w, 0);
    const scale = (target.seats * (1.02 + rnd.next() * 0.06)) / counted;
    for (const line of lines) {
      plans.push(em.create(EnrollmentPlan, {
        school: line.program.school,
        program: line.program,
        year: target.year,
        season: line.season,
        seats: Math.max(5, Math.round(line.w * scale)),
        status: statusFor(rnd, target.year),
      }));
    }
  }
  return plans;
}

function groupsFor(program: Program): TargetGroup[] {
  if (program.studyMode === StudyMode.SKILLS_TRAINING) return [TargetGroup.UNEMPLOYED, TargetGroup.MIGRANT_WORKER, TargetGroup.NEW_FARMER, TargetGroup.FLEXIBLE_EMPLOYMENT];
  if (program.studyMode === StudyMode.PART_TIME) return [TargetGroup.ENTERPRISE_EMPLOYEE, TargetGroup.MIGRANT_WORKER, TargetGroup.FLEXIBLE_EMPLOYMENT];
  if (program.entryBasis === EntryBasis.JUNIOR_HIGH) return [TargetGroup.JUNIOR_HIGH_GRADUATE, TargetGroup.JUNIOR_HIGH_GRADUATE, TargetGroup.JUNIOR_HIGH_PAST];
  return [TargetGroup.SENIOR_HIGH_GRADUATE, TargetGroup.SENIOR_HIGH_PAST, TargetGroup.ENTERPRISE_EMPLOYEE];
}

function originFor(rnd: Random, school: School, cities: City[]): string {
  if (rnd.chance(0.07)) return rnd.pick(OTHER_PROVINCES);
  if (school.provincial && school.type === SchoolType.TECHNICIAN_COLLEGE && rnd.chance(0.4)) return rnd.pick(cities).code;
  return school.city.code;
}

/** Intakes that satisfy R6–R9: FILED lines only, home-city origins, within seats, registered before the deadline. */
function makeIntakes(em: EntityManager, rnd: Random, plans: EnrollmentPlan[], cities: City[]): void {
  const fill = new Map(cities.map((c) => [c, 0.9 + rnd.next() * 0.1]));
  for (const plan of plans.filter((p) => p.status === PlanStatus.FILED)) {
    let remaining = Math.floor(plan.seats * Math.min(1, fill.get(plan.school.city)! + (rnd.next() - 0.5) * 0.1));
    const parts = rnd.int(1, 3);
    for (let i = 0; i < parts && remaining > 0; i++) {
      const count = i === parts - 1 ? remaining : Math.max(1, Math.floor(remaining * (0.4 + rnd.next() * 0.3)));
      remaining -= count;
      const registeredOn = plan.season === Season.SPRING ? isoDate(plan.year, 3, rnd.int(1, 31)) : isoDate(plan.year, rnd.int(9, 10), rnd.int(1, 30));
      em.create(Intake, { plan, count, targetGroup: rnd.pick(groupsFor(plan.program)), originCode: originFor(rnd, plan.school, cities), registeredOn });
    }
  }
}

/** 任务分解: each city's target split over its schools in proportion to their seats; two cities left short for the gap view. */
function makeSchoolTargets(em: EntityManager, schools: School[], plans: EnrollmentPlan[], targets: CampaignTarget[]): void {
  for (const target of targets.filter((t) => t.year <= DEMO_CURRENT_YEAR)) {
    const citySchools = schools.filter((s) => s.city === target.city);
    const seatsOf = (s: School) => plans.filter((p) => p.school === s && p.year === target.year).reduce((sum, p) => sum + p.seats, 0);
    const sizes = citySchools.map(seatsOf);
    const totalSize = sizes.reduce((a, b) => a + b, 0) || 1;
    const short = target.year === DEMO_CURRENT_YEAR && ['330900', '331100'].includes(target.city.code);
    const toAssign = short ? Math.round(target.seats * 0.9) : target.seats;
    let assigned = 0;
    citySchools.forEach((school, i) => {
      const seats = i === citySchools.length - 1 ? toAssign - assigned : Math.round((toAssign * sizes[i]!) / totalSize);
      assigned += seats;
      em.create(SchoolTarget, { school, year: target.year, seats });
    });
  }
}

/** A deterministic demo province; does nothing when schools already exist. */
export async function seedDemo(em: EntityManager): Promise<boolean> {
  if ((await em.count(School)) > 0) return false;
  const rnd = new Random(20230324);
  const cities = await em.find(City, {}, { orderBy: { displayOrder: 'ASC' } });
  const targets = await em.find(CampaignTarget, {}, { orderBy: { id: 'ASC' } });
  const majors = await em.find(Major, {}, { orderBy: { code: 'ASC' } });
  const schools = makeSchools(em, rnd, cities, targets);
  const programs = makePrograms(em, rnd, schools, majors);
  const plans = makePlans(em, rnd, programs, targets);
  makeIntakes(em, rnd, plans, cities);
  makeSchoolTargets(em, schools, plans, targets);
  await em.flush();
  return true;
}
