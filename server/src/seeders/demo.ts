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
import { PlanTransition } from '../modules/plan/plan-transition.entity.js';
import { PlanStatus, PlanStep, Season } from '../modules/plan/plan.enums.js';
import { PLAN_STEPS } from '../modules/plan/plan-workflow.service.js';
import { registrationDeadline } from '../modules/intake/intake-rules.js';
import { Intake } from '../modules/intake/intake.entity.js';
import { TargetGroup } from '../modules/intake/intake.enums.js';
import { CITY_MAJORS, COUNTIES, PROVINCIAL_SCHOOLS, TRADES, schoolPlace } from './data/places.js';
import { addDays, DemoCalendar, earlier, planningOpens } from './demo-calendar.js';
import { Random } from './random.js';

const DEMO_SCHOOLS = 120;
const OTHER_PROVINCES = ['510000', '520000', '640000', '340000', '360000', '410000', '430000', '530000'];
/** Autumn lines added after the spring (补充计划), planned from May to August. */
const LATE_LINE_SHARE = 0.04;

const LEVELS_BY_TYPE: Record<SchoolType, Level[]> = {
  [SchoolType.TECHNICAL_SCHOOL]: [Level.INTERMEDIATE],
  [SchoolType.SENIOR_TECHNICAL_SCHOOL]: [Level.INTERMEDIATE, Level.ADVANCED],
  [SchoolType.TECHNICIAN_COLLEGE]: [Level.INTERMEDIATE, Level.ADVANCED, Level.PREPARATORY_TECHNICIAN],
};

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

/**
 * The duration a demo program is filed with. 职业技能培训 is short-course training in the notice; until
 * programs can say so in months it takes the standard table like the rest. One place to change.
 */
const demoDuration = (program: { entryBasis: EntryBasis; level: Level; studyMode: StudyMode }): number => standardYears(program)!;

/** The trade in a school's name (交通, 机电 ...), whose majors it teaches most. */
type Trades = Map<School, string | null>;

function makeSchools(em: EntityManager, rnd: Random, cities: City[], targets: CampaignTarget[]): { schools: School[]; trades: Trades } {
  const total2023 = targets.filter((t) => t.year === 2023).reduce((sum, t) => sum + t.seats, 0);
  const schools: School[] = [];
  const trades: Trades = new Map();
  const names = new Set<string>();
  const tradeNames = Object.keys(TRADES);
  const add = (name: string, type: SchoolType, city: City, trade: string | null, provincial = false) => {
    if (names.has(name)) return;
    names.add(name);
    const ownership = provincial ? Ownership.PUBLIC : rnd.chance(0.85) ? Ownership.PUBLIC : rnd.chance(0.6) ? Ownership.PRIVATE : Ownership.ENTERPRISE;
    const school = em.create(School, { name, type, city, provincial, ownership });
    schools.push(school);
    trades.set(school, trade);
  };
  for (const p of PROVINCIAL_SCHOOLS)
    add(
      p.name,
      SchoolType.TECHNICIAN_COLLEGE,
      cities.find((c) => c.code === p.cityCode)!,
      p.trade,
      true,
    );
  for (const city of cities) {
    const share = targets.find((t) => t.city === city && t.year === 2023)!.seats / total2023;
    const wanted = Math.max(3, Math.round(DEMO_SCHOOLS * share)) - PROVINCIAL_SCHOOLS.filter((p) => p.cityCode === city.code).length;
    const short = city.nameZh.replace(/市$/, '');
    const before = schools.length;
    add(`${short}技师学院`, SchoolType.TECHNICIAN_COLLEGE, city, null);
    for (const trade of rnd.sample(tradeNames, Math.max(1, Math.round(wanted / 5))))
      add(`${short}${trade}技师学院`, SchoolType.TECHNICIAN_COLLEGE, city, trade);
    const counties = COUNTIES[city.code]!;
    for (let i = 0; schools.length - before < wanted; i++) {
      const place = schoolPlace(city.nameZh, counties[i % counties.length]!);
      const round = Math.floor(i / counties.length);
      const senior = rnd.chance(0.45);
      const suffix = senior ? '高级技工学校' : '技工学校';
      const trade = round === 0 ? null : rnd.pick(tradeNames);
      add(`${place}${trade ?? ''}${suffix}`, senior ? SchoolType.SENIOR_TECHNICAL_SCHOOL : SchoolType.TECHNICAL_SCHOOL, city, trade);
    }
  }
  return { schools, trades };
}

function entryFor(rnd: Random, level: Level): EntryBasis {
  if (level === Level.INTERMEDIATE) return rnd.chance(0.9) ? EntryBasis.JUNIOR_HIGH : EntryBasis.SENIOR_HIGH;
  if (level === Level.ADVANCED) return rnd.chance(0.6) ? EntryBasis.JUNIOR_HIGH : rnd.chance(0.8) ? EntryBasis.SENIOR_HIGH : EntryBasis.CERTIFICATE;
  return rnd.chance(0.5) ? EntryBasis.JUNIOR_HIGH : EntryBasis.SENIOR_HIGH;
}

const LOCAL_MAJORS = new Set(Object.values(CITY_MAJORS).flat());

/** How often a school offers a major: its trade's categories and its city's own industries first; another city's industry majors never. */
function majorWeights(school: School, trade: string | null, majors: Major[]): Array<[Major, number]> {
  const local = CITY_MAJORS[school.city.code] ?? [];
  const categories = trade ? TRADES[trade]! : [];
  return majors.map((major) => {
    if (LOCAL_MAJORS.has(major.code)) return [major, local.includes(major.code) ? 6 : 0];
    return [major, categories.includes(major.category) ? 5 : trade ? 0.4 : 1];
  });
}

function makePrograms(em: EntityManager, rnd: Random, schools: School[], trades: Trades, majors: Major[]): Program[] {
  const programs: Program[] = [];
  for (const school of schools) {
    const count =
      school.type === SchoolType.TECHNICIAN_COLLEGE ? rnd.int(15, 19) : school.type === SchoolType.SENIOR_TECHNICAL_SCHOOL ? rnd.int(11, 14) : rnd.int(8, 10);
    const weights = majorWeights(school, trades.get(school) ?? null, majors);
    const seen = new Set<string>();
    for (let attempt = 0; seen.size < count && attempt < count * 6; attempt++) {
      const major = rnd.weighted(weights);
      const levels = LEVELS_BY_TYPE[school.type].filter((l) => major.levels.includes(l));
      const level = rnd.pick(levels);
      const key = `${major.code}:${level}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const entryBasis = entryFor(rnd, level);
      const studyMode = rnd.chance(0.86) ? StudyMode.FULL_TIME : rnd.chance(0.65) ? StudyMode.PART_TIME : StudyMode.SKILLS_TRAINING;
      const filedOn = rnd.chance(0.96) ? isoDate(rnd.int(2019, 2022), rnd.int(1, 12), rnd.int(1, 28)) : null;
      programs.push(
        em.create(Program, { school, major, level, entryBasis, studyMode, filedOn, durationYears: demoDuration({ entryBasis, level, studyMode }) }),
      );
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

const STEPS = [PlanStep.SUBMIT, PlanStep.APPROVE, PlanStep.FILE];

/**
 * The dates a line is submitted, approved and filed: drafts go in from November to mid-January, each
 * step takes the issuer one to four weeks, and filing closes on 25 February, before spring registration.
 * A late autumn line (补充计划) goes the same way from May and is filed by 20 August.
 */
function stepDates(rnd: Random, year: number, late: boolean): string[] {
  const [opens, lastDraft, filingCloses] = late ? [`${year}-05-06`, `${year}-07-10`, `${year}-08-20`] : [planningOpens(year), `${year}-01-20`, `${year}-02-25`];
  const submitted = DemoCalendar.between(rnd, opens, lastDraft);
  const approved = earlier(addDays(submitted, rnd.int(5, 25)), filingCloses);
  return [submitted, approved, earlier(addDays(approved, rnd.int(5, 25)), filingCloses)];
}

interface PlannedLine {
  plan: EnrollmentPlan;
  steps: string[];
}

function makePlans(em: EntityManager, rnd: Random, calendar: DemoCalendar, programs: Program[], targets: CampaignTarget[]): PlannedLine[] {
  const lines: PlannedLine[] = [];
  const filed = programs.filter((p) => p.filedOn !== null);
  for (const target of targets.filter((t) => calendar.planYears.includes(t.year))) {
    const cityPrograms = filed.filter((p) => p.school.city === target.city);
    const drafts = cityPrograms.flatMap((program) => seasonsFor(program).map((season) => ({ program, season, w: weight(rnd, program, target.year) })));
    const counted = drafts.filter((l) => l.program.studyMode !== StudyMode.SKILLS_TRAINING).reduce((sum, l) => sum + l.w, 0);
    const scale = (target.seats * (1.02 + rnd.next() * 0.06)) / counted;
    for (const draft of drafts) {
      const late = draft.season === Season.AUTUMN && rnd.chance(LATE_LINE_SHARE);
      const steps = stepDates(rnd, target.year, late);
      const status = [PlanStatus.DRAFT, ...STEPS.map((step) => PLAN_STEPS[step].to)][steps.filter((d) => calendar.reached(d)).length]!;
      const plan = em.create(EnrollmentPlan, {
        school: draft.program.school,
        program: draft.program,
        year: target.year,
        season: draft.season,
        seats: Math.max(5, Math.round(draft.w * scale)),
        status,
      });
      lines.push({ plan, steps });
    }
  }
  return lines;
}

/** The latest year's lines carry the history of the steps that brought them to their status. */
function makeHistory(em: EntityManager, calendar: DemoCalendar, lines: PlannedLine[]): void {
  const latest = calendar.planYears.at(-1);
  for (const { plan, steps } of lines.filter((l) => l.plan.year === latest)) {
    STEPS.forEach((step, i) => {
      if (!calendar.reached(steps[i]!)) return;
      const { from, to } = PLAN_STEPS[step];
      em.create(PlanTransition, { plan, step, fromStatus: from, toStatus: to, occurredOn: steps[i]! });
    });
  }
}

function groupsFor(program: Program): TargetGroup[] {
  if (program.studyMode === StudyMode.SKILLS_TRAINING)
    return [TargetGroup.UNEMPLOYED, TargetGroup.MIGRANT_WORKER, TargetGroup.NEW_FARMER, TargetGroup.FLEXIBLE_EMPLOYMENT];
  if (program.studyMode === StudyMode.PART_TIME) return [TargetGroup.ENTERPRISE_EMPLOYEE, TargetGroup.MIGRANT_WORKER, TargetGroup.FLEXIBLE_EMPLOYMENT];
  if (program.entryBasis === EntryBasis.JUNIOR_HIGH) return [TargetGroup.JUNIOR_HIGH_GRADUATE, TargetGroup.JUNIOR_HIGH_GRADUATE, TargetGroup.JUNIOR_HIGH_PAST];
  return [TargetGroup.SENIOR_HIGH_GRADUATE, TargetGroup.SENIOR_HIGH_PAST, TargetGroup.ENTERPRISE_EMPLOYEE];
}

function originFor(rnd: Random, school: School, cities: City[]): string {
  if (rnd.chance(0.07)) return rnd.pick(OTHER_PROVINCES);
  if (school.provincial && school.type === SchoolType.TECHNICIAN_COLLEGE && rnd.chance(0.4)) return rnd.pick(cities).code;
  return school.city.code;
}

/** The registration window of a season: March for spring, September and October for autumn (R9's deadlines). */
const registrationOpens = (year: number, season: Season): string => `${year}-${season === Season.SPRING ? '03-01' : '09-01'}`;

/**
 * Intakes that satisfy R6–R9: FILED lines only, home-city origins, within seats, registered in the
 * season's window, and only those registered by the demo's today.
 */
function makeIntakes(em: EntityManager, rnd: Random, calendar: DemoCalendar, lines: PlannedLine[], cities: City[]): void {
  const fill = new Map(cities.map((c) => [c, 0.9 + rnd.next() * 0.1]));
  for (const { plan } of lines.filter((l) => l.plan.status === PlanStatus.FILED)) {
    let remaining = Math.floor(plan.seats * Math.min(1, fill.get(plan.school.city)! + (rnd.next() - 0.5) * 0.1));
    const parts = rnd.int(1, 3);
    for (let i = 0; i < parts && remaining > 0; i++) {
      const count = i === parts - 1 ? remaining : Math.max(1, Math.floor(remaining * (0.4 + rnd.next() * 0.3)));
      remaining -= count;
      const registeredOn = DemoCalendar.between(rnd, registrationOpens(plan.year, plan.season), registrationDeadline(plan.year, plan.season));
      const originCode = originFor(rnd, plan.school, cities);
      const targetGroup = rnd.pick(groupsFor(plan.program));
      if (calendar.reached(registeredOn)) em.create(Intake, { plan, count, targetGroup, originCode, registeredOn });
    }
  }
}

/** 任务分解: each city's target split over its schools in proportion to their seats; in the latest year two cities are left short for the gap view. */
function makeSchoolTargets(em: EntityManager, calendar: DemoCalendar, schools: School[], plans: EnrollmentPlan[], targets: CampaignTarget[]): void {
  const latest = calendar.planYears.at(-1);
  for (const target of targets.filter((t) => calendar.planYears.includes(t.year))) {
    const citySchools = schools.filter((s) => s.city === target.city);
    const seatsOf = (s: School) => plans.filter((p) => p.school === s && p.year === target.year).reduce((sum, p) => sum + p.seats, 0);
    const sizes = citySchools.map(seatsOf);
    const totalSize = sizes.reduce((a, b) => a + b, 0) || 1;
    const short = target.year === latest && ['330900', '331100'].includes(target.city.code);
    const toAssign = short ? Math.round(target.seats * 0.9) : target.seats;
    let assigned = 0;
    citySchools.forEach((school, i) => {
      const seats = i === citySchools.length - 1 ? toAssign - assigned : Math.round((toAssign * sizes[i]!) / totalSize);
      assigned += seats;
      em.create(SchoolTarget, { school, year: target.year, seats });
    });
  }
}

/** A deterministic demo province as it stands on the calendar's today; does nothing when schools already exist. */
export async function seedDemo(em: EntityManager, calendar: DemoCalendar): Promise<boolean> {
  if ((await em.count(School)) > 0) return false;
  const rnd = new Random(20230324);
  const cities = await em.find(City, {}, { orderBy: { displayOrder: 'ASC' } });
  const targets = await em.find(CampaignTarget, {}, { orderBy: { id: 'ASC' } });
  const majors = await em.find(Major, {}, { orderBy: { code: 'ASC' } });
  const { schools, trades } = makeSchools(em, rnd, cities, targets);
  const programs = makePrograms(em, rnd, schools, trades, majors);
  const lines = makePlans(em, rnd, calendar, programs, targets);
  makeHistory(em, calendar, lines);
  makeIntakes(em, rnd, calendar, lines, cities);
  makeSchoolTargets(
    em,
    calendar,
    schools,
    lines.map((l) => l.plan),
    targets,
  );
  await em.flush();
  return true;
}
