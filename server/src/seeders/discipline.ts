import type { EntityManager } from '@mikro-orm/core';
import { City } from '../modules/city/city.entity.js';
import { School } from '../modules/school/school.entity.js';
import { DisciplineCase } from '../modules/register/discipline-case.entity.js';
import { DisciplineKind, DisciplineSource, DisciplineStatus } from '../modules/register/discipline.enums.js';
import { addDays, DEMO_EARLIEST, DemoCalendar } from './demo-calendar.js';
import { Random } from './random.js';

/** What a case says, what checking it found either way, and what was done when it held. */
interface CaseText {
  kind: DisciplineKind;
  /** whether it names a school; 中介 (agents) recruiting for no school in particular do not */
  atSchool: boolean;
  summary: string;
  verified: string;
  dismissed: string;
  measures: string;
}

const TEXTS: CaseText[] = [
  {
    kind: DisciplineKind.ILLEGAL_RECRUITMENT,
    atSchool: true,
    summary: '家长反映学校委托中介招生并按人头支付生源费',
    verified: '经查，学校与两家中介签订招生协议，按录取人数支付费用',
    dismissed: '经查，学校未委托中介招生，所涉人员为学校在编招生老师',
    measures: '责令解除中介协议、退还所收费用，对分管负责人约谈，扣减下年度招生计划',
  },
  {
    kind: DisciplineKind.ILLEGAL_RECRUITMENT,
    atSchool: false,
    summary: '群众举报有中介机构在初中毕业班门口收集学生信息，承诺“包录取”',
    verified: '经查，该机构无办学资质，收取报名费向多所学校输送生源',
    dismissed: '经查，系学校正常开展的招生宣传咨询活动',
    measures: '会同市场监管部门查处，通报辖区技工院校不得与其合作',
  },
  {
    kind: DisciplineKind.FALSE_ADVERTISING,
    atSchool: true,
    summary: '招生简章称“毕业即发大专文凭”“百分百进国企”',
    verified: '经查，简章所称学历与就业承诺均无依据',
    dismissed: '经查，所称内容为学校与高职院校合作的五年制贯通培养项目，有正式协议',
    measures: '责令撤回简章并在官网更正，全市通报',
  },
  {
    kind: DisciplineKind.FALSE_ADVERTISING,
    atSchool: true,
    summary: '网络平台宣传学校开设未经备案的专业',
    verified: '经查，学校在未备案情况下宣传并预招新专业',
    dismissed: '经查，该专业已于当年备案，宣传内容属实',
    measures: '停止该专业招生，已报名学生按意愿转入相近专业或退费',
  },
  {
    kind: DisciplineKind.MISLEADING_STUDENTS,
    atSchool: true,
    summary: '学生反映入学后所学专业与报名时承诺的不一致',
    verified: '经查，学校将部分学生调入生源不足的专业且未告知',
    dismissed: '经查，学生本人签字确认调剂，学校已按规定告知',
    measures: '责令按学生意愿调回原专业，对招生负责人诫勉谈话',
  },
  {
    kind: DisciplineKind.MISLEADING_STUDENTS,
    atSchool: true,
    summary: '家长反映学校以“免学费”招生，入学后另收多项费用',
    verified: '经查，学校在免学费之外另收培训材料费、服装费等费用',
    dismissed: '经查，所收为经物价部门核定的住宿费，招生时已公示',
    measures: '责令退还违规收费，收费项目在校内和官网公示',
  },
  {
    kind: DisciplineKind.FALSE_REGISTRATION,
    atSchool: true,
    summary: '学籍抽查发现部分注册学生长期未到校',
    verified: '经查，学校为完成招生任务为未入学人员注册学籍',
    dismissed: '经查，相关学生为企业新型学徒制在岗培训人员，学籍注册符合规定',
    measures: '注销虚假学籍，核减相应招生计划，移交相关线索',
  },
  {
    kind: DisciplineKind.OTHER,
    atSchool: true,
    summary: '学生反映学校强制安排实习并收取实习管理费',
    verified: '经查，学校与劳务公司合作安排顶岗实习并收取管理费',
    dismissed: '经查，实习为学生自愿报名的企业订单班岗位实践，无收费',
    measures: '责令终止合作并退费，实习安排报主管部门备案',
  },
];

const SOURCES = [DisciplineSource.COMPLAINT, DisciplineSource.COMPLAINT, DisciplineSource.INSPECTION, DisciplineSource.MEDIA, DisciplineSource.ASSIGNED];

/** Days from receiving a case to its findings, and from verifying one to referring it. */
const FINDING_DAYS: [number, number] = [10, 45];
const REFERRAL_DAYS: [number, number] = [7, 30];

/** Cases come in most around the two registration windows and the summer's admissions. */
const MONTHS = [3, 3, 4, 6, 7, 8, 8, 9, 9, 10, 11];

/**
 * 招生秩序: a handful of cases per city and year, received from the notice's date to today. A case
 * gets its findings some weeks after it came in, and a verified one is sometimes referred to 纪检监察
 * weeks later; a step whose date has not come by today has not happened, so open cases are recent ones.
 */
function cases(em: EntityManager, rnd: Random, calendar: DemoCalendar, cities: City[], schools: School[]): void {
  for (const year of calendar.startedYears) {
    for (const city of cities) {
      const citySchools = schools.filter((s) => s.city === city);
      for (let n = rnd.int(1, 4); n > 0; n--) {
        const month = String(rnd.pick(MONTHS)).padStart(2, '0');
        const monthStart = `${year}-${month}-01`;
        const reportedOn = DemoCalendar.between(rnd, monthStart < DEMO_EARLIEST ? DEMO_EARLIEST : monthStart, `${year}-${month}-28`);
        const text = rnd.pick(TEXTS);
        const decidedOn = addDays(reportedOn, rnd.int(...FINDING_DAYS));
        const holds = rnd.chance(0.6);
        const referredOn = holds && rnd.chance(0.3) ? addDays(decidedOn, rnd.int(...REFERRAL_DAYS)) : null;
        const source = rnd.pick(SOURCES);
        if (!calendar.reached(reportedOn)) continue;
        const school = text.atSchool ? rnd.pick(citySchools) : null;
        const base = { city, school, kind: text.kind, source, reportedOn, summary: text.summary };
        if (!calendar.reached(decidedOn)) {
          em.create(DisciplineCase, base);
        } else if (!holds) {
          em.create(DisciplineCase, { ...base, findings: text.dismissed, status: DisciplineStatus.DISMISSED, statusChangedOn: decidedOn });
        } else if (referredOn && calendar.reached(referredOn)) {
          em.create(DisciplineCase, {
            ...base,
            findings: text.verified,
            measures: text.measures,
            status: DisciplineStatus.REFERRED,
            statusChangedOn: referredOn,
            referredOn,
          });
        } else {
          em.create(DisciplineCase, {
            ...base,
            findings: text.verified,
            measures: text.measures,
            status: DisciplineStatus.VERIFIED,
            statusChangedOn: decidedOn,
          });
        }
      }
    }
  }
}

/** The demo province's enrollment-order register; does nothing once it has a case or before there are schools. */
export async function seedDiscipline(em: EntityManager, calendar: DemoCalendar): Promise<boolean> {
  if ((await em.count(DisciplineCase)) > 0 || (await em.count(School)) === 0) return false;
  const rnd = new Random(20230401);
  const cities = await em.find(City, {}, { orderBy: { displayOrder: 'ASC' } });
  const schools = await em.find(School, {}, { orderBy: { id: 'ASC' } });
  cases(em, rnd, calendar, cities, schools);
  await em.flush();
  return true;
}
