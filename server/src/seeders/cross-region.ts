import type { EntityManager } from '@mikro-orm/core';
import type { City } from '../modules/city/city.entity.js';
import { SchoolType, type School } from '../modules/school/school.entity.js';
import type { Program } from '../modules/program/program.entity.js';
import { StudyMode } from '../modules/program/program.enums.js';
import { CrossRegionAgreement } from '../modules/cross-region/cross-region.entity.js';
import { StageWhere, type Stage } from '../modules/cross-region/stages.js';
import { OutreachVisit } from '../modules/outreach/outreach-visit.entity.js';
import { Incentive, IncentiveKind } from '../modules/incentive/incentive.entity.js';
import { TargetGroup } from '../modules/intake/intake.enums.js';
import { provinceByCode } from '../modules/region/provinces.js';
import { DemoCalendar, earlier } from './demo-calendar.js';
import type { Random } from './random.js';

/** The notice's partner provinces (四川、贵州、宁夏) and the places their partner schools stand in. */
const PARTNERS: Record<string, string[]> = {
  '510000': ['凉山州', '甘孜州', '阿坝州', '广元市', '巴中市', '南充市'],
  '520000': ['毕节市', '铜仁市', '黔东南州', '黔西南州', '六盘水市', '安顺市'],
  '640000': ['固原市', '吴忠市', '中卫市', '石嘴山市'],
};
const OTHER_VISITED = ['340000', '360000', '410000', '530000', '620000'];
const AGREEMENTS = 12;

/** "N+N" or, from three years up, "N+N+N" with a final year of work in both places; years add up to the duration (R12). */
function stagesFor(rnd: Random, duration: number): Stage[] {
  if (duration >= 3 && rnd.chance(0.5)) {
    const partner = rnd.int(1, duration - 2);
    return [
      { where: StageWhere.PARTNER, years: partner },
      { where: StageWhere.ZHEJIANG, years: duration - 1 - partner },
      { where: StageWhere.WORK, years: 1 },
    ];
  }
  const partner = rnd.int(1, duration - 1);
  return [
    { where: StageWhere.PARTNER, years: partner },
    { where: StageWhere.ZHEJIANG, years: duration - partner },
  ];
}

function makeAgreements(em: EntityManager, rnd: Random, calendar: DemoCalendar, schools: School[], programs: Program[]): CrossRegionAgreement[] {
  const colleges = new Set(schools.filter((s) => s.type !== SchoolType.TECHNICAL_SCHOOL));
  const eligible = programs.filter((p) => colleges.has(p.school) && p.studyMode === StudyMode.FULL_TIME && p.filedOn !== null && p.durationYears >= 2);
  const provinces = Object.keys(PARTNERS);
  const agreements: CrossRegionAgreement[] = [];
  const used = new Set<Program>();
  while (agreements.length < AGREEMENTS) {
    const program = rnd.pick(eligible);
    if (used.has(program)) continue;
    used.add(program);
    const partnerProvinceCode = provinces[agreements.length % provinces.length]!;
    const place = rnd.pick(PARTNERS[partnerProvinceCode]!);
    const seats = rnd.int(6, 16) * 5;
    agreements.push(
      em.create(CrossRegionAgreement, {
        city: program.school.city,
        school: program.school,
        program,
        partnerProvinceCode,
        partnerInstitution: `${provinceByCode(partnerProvinceCode)!.nameZh}${place}${rnd.pick(['技工学校', '职业技术学校', '技师学院'])}`,
        stages: stagesFor(rnd, program.durationYears),
        seats,
        signedOn: DemoCalendar.between(rnd, '2023-04-01', earlier(calendar.today, '2025-11-28')),
        enrolled: seats - rnd.int(0, Math.floor(seats / 4)),
      }),
    );
  }
  return agreements;
}

/** "定期赴外省开展跨区域联合培养对接活动": one or two visits per city and year, between March and the demo's today. */
function makeVisits(em: EntityManager, rnd: Random, calendar: DemoCalendar, cities: City[]): void {
  for (const city of cities) {
    for (const year of calendar.startedYears.filter((y) => calendar.reached(`${y}-03-01`))) {
      for (let i = rnd.int(1, 2); i > 0; i--) {
        const provinceCode = rnd.chance(0.75) ? rnd.pick(Object.keys(PARTNERS)) : rnd.pick(OTHER_VISITED);
        em.create(OutreachVisit, {
          city,
          visitedOn: DemoCalendar.between(rnd, `${year}-03-01`, earlier(calendar.today, `${year}-11-28`)),
          provinceCode,
          delegationLead: `${city.nameZh}人力社保局${rnd.pick(['局长', '副局长', '二级巡视员'])}`,
          agreementsSigned: rnd.int(0, 3),
          notes: `赴${provinceByCode(provinceCode)!.nameZh}开展跨区域联合培养对接，推介我省技工院校招生优惠政策`,
        });
      }
    }
  }
}

const SCHOOL_LEAVERS = [TargetGroup.JUNIOR_HIGH_GRADUATE, TargetGroup.JUNIOR_HIGH_PAST, TargetGroup.SENIOR_HIGH_GRADUATE, TargetGroup.SENIOR_HIGH_PAST];

/** 学费、生活费减免，奖学金、助学金，对口城市合作办学补助 per city and year, a little more generous each year. */
function makeIncentives(em: EntityManager, rnd: Random, calendar: DemoCalendar, cities: City[], agreements: CrossRegionAgreement[]): void {
  for (const city of cities) {
    const partnersCity = agreements.some((a) => a.city === city);
    for (const year of calendar.startedYears) {
      const step = year - calendar.startedYears[0]!;
      const add = (kind: IncentiveKind, amountPerStudent: number, eligibility: string | null, targetGroups: TargetGroup[]) =>
        em.create(Incentive, { city, year, kind, amountPerStudent, eligibility, targetGroups });
      add(IncentiveKind.TUITION_WAIVER, (rnd.int(24, 40) + step * 2) * 100, '全日制技工院校学制教育新生', SCHOOL_LEAVERS);
      add(IncentiveKind.SCHOLARSHIP, rnd.int(10, 30) * 100, '学业和技能竞赛成绩优秀的在校生', []);
      add(IncentiveKind.GRANT, rnd.int(20, 30) * 100, '家庭经济困难学生', [...SCHOOL_LEAVERS, TargetGroup.NEW_FARMER]);
      if (rnd.chance(0.5)) add(IncentiveKind.LIVING_COST_WAIVER, rnd.int(12, 36) * 100, '省外来浙就读的技工院校学生', []);
      if (partnersCity || rnd.chance(0.3)) add(IncentiveKind.PARTNER_CITY_SUBSIDY, rnd.int(20, 50) * 100, '对口支援和东西部协作地区来浙联合培养学生', []);
    }
  }
}

export function seedCrossRegion(em: EntityManager, rnd: Random, calendar: DemoCalendar, cities: City[], schools: School[], programs: Program[]): void {
  const agreements = makeAgreements(em, rnd, calendar, schools, programs);
  makeVisits(em, rnd, calendar, cities);
  makeIncentives(em, rnd, calendar, cities, agreements);
}
