import { Random } from '../../server/src/seeders/random.js';
import { MAJORS } from '../../server/src/seeders/data/majors.js';
import { readTaskTable } from '../../server/src/seeders/reference.js';
import { Level } from '../../server/src/modules/major/level.js';
import { SchoolType } from '../../server/src/modules/school/school.entity.js';
import { EntryBasis, StudyMode } from '../../server/src/modules/program/program.enums.js';
import { PlanStatus, Season } from '../../server/src/modules/plan/plan.enums.js';
import { TargetGroup } from '../../server/src/modules/intake/intake.enums.js';
import { CAMPAIGN_FIRST_YEAR, CAMPAIGN_LAST_YEAR } from '../../server/src/modules/target/campaign.js';

/** Rows as column arrays in table order, ready for multi-row INSERTs. */
export interface Table {
  name: string;
  columns: string[];
  rows: unknown[][];
}

export interface BenchSize {
  schools: number;
  programsPerSchool: number;
  intakesPerLine: number;
}

export const FULL_SIZE: BenchSize = { schools: 150, programsPerSchool: 20, intakesPerLine: 40 };

const INDUSTRIES = [
  'NEW_GENERATION_IT',
  'HIGH_END_EQUIPMENT',
  'MODERN_CONSUMER_HEALTH',
  'GREEN_PETROCHEMICAL_MATERIALS',
  'EMERGING_MANUFACTURING',
  'DIGITAL_ECONOMY',
  'MODERN_AGRICULTURE',
  'MODERN_SERVICES',
  'OTHER',
];
const PARTNERSHIP_KINDS = ['ORDER_CLASS', 'NAMED_CLASS', 'APPRENTICESHIP', 'WORK_STUDY'];
const PARTNER_PROVINCES = ['510000', '520000', '640000', '530000', '620000'];

const LEVELS_BY_TYPE: Record<SchoolType, Level[]> = {
  [SchoolType.TECHNICAL_SCHOOL]: [Level.INTERMEDIATE],
  [SchoolType.SENIOR_TECHNICAL_SCHOOL]: [Level.INTERMEDIATE, Level.ADVANCED],
  [SchoolType.TECHNICIAN_COLLEGE]: [Level.INTERMEDIATE, Level.ADVANCED, Level.PREPARATORY_TECHNICIAN],
};
const OTHER_PROVINCES = ['510000', '520000', '640000', '340000', '360000', '410000', '430000', '530000'];
const pad = (n: number) => String(n).padStart(2, '0');

interface Program {
  id: number;
  schoolId: number;
  cityIndex: number;
  level: Level;
  entry: EntryBasis;
  mode: StudyMode;
  provincialCollege: boolean;
}

/**
 * A deterministic large province: 150 schools over the 11 cities in proportion to their targets,
 * 20 programs each (3,000), one plan line per program and campaign year (15,000), 40 intake rows
 * per line (600,000) whose students roughly meet each city's target. Cities and majors are the
 * reference data already in the database, looked up by code.
 */
export function generateProvince(ids: { city: Map<string, number>; major: Map<string, number> }, size: BenchSize = FULL_SIZE): Table[] {
  const rnd = new Random(37);
  const taskTable = readTaskTable();
  const total2023 = taskTable.reduce((sum, row) => sum + row.seats.get(CAMPAIGN_FIRST_YEAR)!, 0);
  const schools: Table = { name: 'school', columns: ['id', 'name', 'type', 'city_id', 'provincial', 'ownership'], rows: [] };
  const programs: Table = {
    name: 'program',
    columns: ['id', 'school_id', 'major_id', 'level', 'entry_basis', 'duration_years', 'study_mode', 'filed_on'],
    rows: [],
  };
  const plans: Table = { name: 'enrollment_plan', columns: ['id', 'school_id', 'program_id', 'year', 'season', 'seats', 'status'], rows: [] };
  const intakes: Table = { name: 'intake', columns: ['id', 'plan_id', 'count', 'target_group', 'origin_code', 'registered_on'], rows: [] };

  const schoolCity: number[] = [];
  taskTable.forEach((row, cityIndex) => {
    const share = row.seats.get(CAMPAIGN_FIRST_YEAR)! / total2023;
    const count = cityIndex === taskTable.length - 1 ? size.schools - schools.rows.length : Math.max(3, Math.round(size.schools * share));
    for (let n = 1; n <= count; n++) {
      const id = schools.rows.length + 1;
      const type =
        n <= Math.ceil(count * 0.3) ? SchoolType.TECHNICIAN_COLLEGE : rnd.chance(0.45) ? SchoolType.SENIOR_TECHNICAL_SCHOOL : SchoolType.TECHNICAL_SCHOOL;
      const provincial = type === SchoolType.TECHNICIAN_COLLEGE && n === 1 && cityIndex < 6;
      schools.rows.push([id, `${row.nameZh}第${n}技工院校`, type, ids.city.get(row.code)!, provincial, 'PUBLIC']);
      schoolCity[id] = cityIndex;
    }
  });

  const programList: Program[] = [];
  for (const [id, , type, , provincial] of schools.rows as [number, string, SchoolType, number, boolean][]) {
    const seen = new Set<string>();
    while (seen.size < size.programsPerSchool) {
      const majorIndex = rnd.int(0, MAJORS.length - 1);
      const levels = LEVELS_BY_TYPE[type].filter((l) => MAJORS[majorIndex]!.levels.includes(l));
      if (levels.length === 0) continue;
      const level = rnd.pick(levels);
      const entry = level === Level.INTERMEDIATE && rnd.chance(0.85) ? EntryBasis.JUNIOR_HIGH : EntryBasis.SENIOR_HIGH;
      const mode = rnd.chance(0.85) ? StudyMode.FULL_TIME : rnd.chance(0.6) ? StudyMode.PART_TIME : StudyMode.SKILLS_TRAINING;
      const key = `${majorIndex}:${level}:${entry}:${mode}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const program = { id: programList.length + 1, schoolId: id, cityIndex: schoolCity[id]!, level, entry, mode, provincialCollege: provincial };
      programList.push(program);
      programs.rows.push([
        program.id,
        id,
        ids.major.get(MAJORS[majorIndex]!.code)!,
        level,
        entry,
        entry === EntryBasis.JUNIOR_HIGH ? 3 : 2,
        mode,
        '2022-06-30',
      ]);
    }
  }

  for (let year = CAMPAIGN_FIRST_YEAR; year <= CAMPAIGN_LAST_YEAR; year++) {
    const counted = taskTable.map(() => 0);
    for (const p of programList) if (p.mode !== StudyMode.SKILLS_TRAINING) counted[p.cityIndex]! += 1;
    for (const p of programList) {
      const seatsPerLine = (taskTable[p.cityIndex]!.seats.get(year)! * 1.05) / counted[p.cityIndex]!;
      const seats = Math.max(5, Math.round(seatsPerLine * (0.7 + rnd.next() * 0.6)));
      const season =
        p.mode === StudyMode.FULL_TIME ? Season.AUTUMN : p.mode === StudyMode.SKILLS_TRAINING ? Season.SPRING : p.id % 2 ? Season.SPRING : Season.AUTUMN;
      const planId = plans.rows.length + 1;
      plans.rows.push([planId, p.schoolId, p.id, year, season, seats, PlanStatus.FILED]);
      const students = Math.floor(seats * (0.9 + rnd.next() * 0.1));
      for (let i = 0; i < size.intakesPerLine; i++) {
        const count = Math.max(1, Math.floor(students / size.intakesPerLine) + (i < students % size.intakesPerLine ? 1 : 0));
        const group =
          p.mode !== StudyMode.FULL_TIME
            ? rnd.pick([TargetGroup.ENTERPRISE_EMPLOYEE, TargetGroup.MIGRANT_WORKER, TargetGroup.UNEMPLOYED])
            : p.entry === EntryBasis.JUNIOR_HIGH
              ? rnd.chance(0.8)
                ? TargetGroup.JUNIOR_HIGH_GRADUATE
                : TargetGroup.JUNIOR_HIGH_PAST
              : rnd.chance(0.7)
                ? TargetGroup.SENIOR_HIGH_GRADUATE
                : TargetGroup.SENIOR_HIGH_PAST;
        const homeCode = taskTable[p.cityIndex]!.code;
        const origin = rnd.chance(0.07) ? rnd.pick(OTHER_PROVINCES) : p.provincialCollege && rnd.chance(0.3) ? rnd.pick(taskTable).code : homeCode;
        const late = rnd.chance(0.01);
        const registeredOn =
          season === Season.SPRING
            ? `${year}-${late ? '04' : '03'}-${pad(rnd.int(1, 28))}`
            : `${year}-${late ? '11' : rnd.pick(['09', '10'])}-${pad(rnd.int(1, 28))}`;
        intakes.rows.push([intakes.rows.length + 1, planId, count, group, origin, registeredOn]);
      }
    }
  }
  return [
    schools,
    programs,
    plans,
    intakes,
    ...partnerTables(
      rnd,
      taskTable.map((row) => ids.city.get(row.code)!),
      schools,
      programList,
    ),
  ];
}

/** 1,500 companies, 3,000 partnerships with 6,000 order classes, 300 cross-region agreements. */
function partnerTables(rnd: Random, cityIds: number[], schools: Table, programList: Program[]): Table[] {
  const companies: Table = { name: 'company', columns: ['id', 'name', 'credit_code', 'industry', 'city_id'], rows: [] };
  const partnerships: Table = { name: 'partnership', columns: ['id', 'school_id', 'company_id', 'kind', 'starts_on', 'ends_on'], rows: [] };
  const classes: Table = { name: 'order_class', columns: ['id', 'partnership_id', 'program_id', 'year', 'season', 'name', 'seats', 'enrolled'], rows: [] };
  const agreements: Table = {
    name: 'cross_region_agreement',
    columns: ['id', 'city_id', 'school_id', 'program_id', 'partner_province_code', 'partner_institution', 'stages', 'seats', 'signed_on', 'enrolled'],
    rows: [],
  };
  for (let id = 1; id <= 1500; id++) {
    companies.rows.push([id, `基准测试企业${id}有限公司`, `91330000${String(id).padStart(9, '0')}X`, rnd.pick(INDUSTRIES), rnd.pick(cityIds)]);
  }
  const programsOf = (schoolId: number) => programList.filter((p) => p.schoolId === schoolId && p.mode !== StudyMode.SKILLS_TRAINING);
  for (let id = 1; id <= 3000; id++) {
    const school = rnd.pick(schools.rows)[0] as number;
    const start = rnd.int(CAMPAIGN_FIRST_YEAR - 1, CAMPAIGN_LAST_YEAR);
    partnerships.rows.push([
      id,
      school,
      rnd.int(1, 1500),
      rnd.pick(PARTNERSHIP_KINDS),
      `${start}-0${rnd.int(1, 9)}-01`,
      rnd.chance(0.3) ? `${start + 2}-08-31` : null,
    ]);
    for (let n = 0; n < 2; n++) {
      const program = rnd.pick(programsOf(school));
      classes.rows.push([
        classes.rows.length + 1,
        id,
        program.id,
        rnd.int(CAMPAIGN_FIRST_YEAR, CAMPAIGN_LAST_YEAR),
        'AUTUMN',
        `基准订单班${id}-${n}`,
        30,
        rnd.int(20, 30),
      ]);
    }
  }
  for (let id = 1; id <= 300; id++) {
    const program = rnd.pick(programList);
    const stages = JSON.stringify([
      { where: 'PARTNER', years: 1 },
      { where: 'ZHEJIANG', years: program.entry === EntryBasis.JUNIOR_HIGH ? 2 : 1 },
    ]);
    agreements.rows.push([
      id,
      cityIds[program.cityIndex]!,
      program.schoolId,
      program.id,
      rnd.pick(PARTNER_PROVINCES),
      `合作院校${id}`,
      stages,
      50,
      `${rnd.int(CAMPAIGN_FIRST_YEAR, CAMPAIGN_LAST_YEAR)}-05-20`,
      rnd.int(30, 50),
    ]);
  }
  return [companies, partnerships, classes, agreements];
}
