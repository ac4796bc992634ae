import type { EntityManager } from '@mikro-orm/core';
import { City } from '../modules/city/city.entity.js';
import { School } from '../modules/school/school.entity.js';
import { Program } from '../modules/program/program.entity.js';
import { StudyMode } from '../modules/program/program.enums.js';
import { EnrollmentPlan } from '../modules/plan/enrollment-plan.entity.js';
import { Season } from '../modules/plan/plan.enums.js';
import { Company } from '../modules/company/company.entity.js';
import type { Industry } from '../modules/company/industry.js';
import { CREDIT_CODE_CHARSET, creditCodeCheckChar } from '../modules/company/credit-code.js';
import { Partnership } from '../modules/partnership/partnership.entity.js';
import { PartnershipKind, PartnershipStatus } from '../modules/partnership/partnership.enums.js';
import { OrderClass } from '../modules/order-class/order-class.entity.js';
import { INDUSTRY_WEIGHTS, INDUSTRY_WORDS, TRADE_NAMES, type Business } from './company-names.js';
import { COUNTIES } from './data/places.js';
import { DemoCalendar, earlier } from './demo-calendar.js';
import { seedCrossRegion } from './cross-region.js';
import { Random } from './random.js';

const DEMO_COMPANIES = 400;
/** Order classes take at most this share of a plan line, so R11 holds with room to spare. */
const ORDER_CLASS_SHARE = 0.6;
/** What each demo company does; its order classes draw on majors of these categories. */
type Businesses = Map<Company, Business>;

/** 91 (enterprise) + the GB/T 2260 code of the registering county + organisation code "MA…" + the GB 32100 check character. */
function makeCreditCode(rnd: Random, city: City): string {
  const organisation = `MA${Array.from({ length: 7 }, () => rnd.pick([...CREDIT_CODE_CHARSET])).join('')}`;
  const first17 = `91${rnd.pick(COUNTIES[city.code]!).code}${organisation}`;
  return first17 + creditCodeCheckChar(first17)!;
}

function makeCompanies(em: EntityManager, rnd: Random, cities: City[], schools: School[]): Businesses {
  const companies: Businesses = new Map();
  const names = new Set<string>();
  const codes = new Set<string>();
  cities.forEach((city, i) => {
    const share = schools.filter((s) => s.city === city).length / schools.length;
    const count = i === cities.length - 1 ? DEMO_COMPANIES - companies.size : Math.round(DEMO_COMPANIES * share);
    const short = city.nameZh.replace(/市$/, '');
    for (let made = 0; made < count;) {
      const industry: Industry = rnd.weighted(INDUSTRY_WEIGHTS);
      const words = INDUSTRY_WORDS[industry];
      const trade = rnd.pick(TRADE_NAMES);
      const what = rnd.pick(words.businesses);
      const name = `${short}${trade}${what.name}${rnd.pick(words.endings)}`;
      const creditCode = makeCreditCode(rnd, city);
      if (names.has(name) || codes.has(creditCode)) continue;
      names.add(name);
      codes.add(creditCode);
      companies.set(em.create(Company, { name, shortName: `${trade}${what.short}`, creditCode, industry, city }), what);
      made++;
    }
  });
  return companies;
}

const KIND_WEIGHTS: ReadonlyArray<[PartnershipKind, number]> = [
  [PartnershipKind.ORDER_CLASS, 35],
  [PartnershipKind.NAMED_CLASS, 20],
  [PartnershipKind.APPRENTICESHIP, 25],
  [PartnershipKind.WORK_STUDY, 20],
];

/** Schools partner mostly with companies of their city whose business needs what the school teaches. */
function makePartnerships(
  em: EntityManager,
  rnd: Random,
  calendar: DemoCalendar,
  schools: School[],
  programs: Program[],
  businesses: Businesses,
): Partnership[] {
  const partnerships: Partnership[] = [];
  const companies = [...businesses.keys()];
  for (const school of schools) {
    const taught = new Set(programs.filter((p) => p.school === school).map((p) => p.major.category));
    const fitting = companies.filter((c) => businesses.get(c)!.categories.some((category) => taught.has(category)));
    const local = fitting.filter((c) => c.city === school.city);
    const partners = new Set<Company>();
    const wanted = rnd.int(2, 5);
    while (partners.size < wanted) partners.add(rnd.chance(0.85) && local.length >= wanted ? rnd.pick(local) : rnd.pick(fitting));
    for (const company of partners) {
      const startsOn = DemoCalendar.between(rnd, '2021-01-01', earlier(calendar.today, '2025-12-28'));
      const endsOn = rnd.chance(0.2) ? null : `${Number(startsOn.slice(0, 4)) + rnd.pick([3, 5])}${startsOn.slice(4)}`;
      const ended = endsOn !== null && !(endsOn > calendar.today);
      const status = ended ? PartnershipStatus.ENDED : rnd.chance(0.05) ? PartnershipStatus.SUSPENDED : PartnershipStatus.ACTIVE;
      const kind = rnd.weighted(KIND_WEIGHTS);
      const positionsOffered = rnd.chance(0.8) ? rnd.int(2, 16) * 5 : null;
      partnerships.push(em.create(Partnership, { school, company, kind, startsOn, endsOn, status, positionsOffered }));
    }
  }
  return partnerships;
}

const runsIn = (p: Partnership, year: number) => Number(p.startsOn.slice(0, 4)) <= year && (p.endsOn === null || Number(p.endsOn.slice(0, 4)) >= year);

/** The share of an autumn class enrolled by the demo's today: none before September, all once October has closed. */
function registeredShare(calendar: DemoCalendar, year: number): number {
  const opens = Date.parse(`${year}-09-01`);
  const closes = Date.parse(`${year}-10-31`);
  const today = Date.parse(calendar.today);
  return Math.max(0, Math.min(1, (today - opens) / (closes - opens)));
}

/**
 * Order and named classes on autumn full-time plan lines of majors the company's business takes,
 * never more than ORDER_CLASS_SHARE of a line (R11).
 */
function makeOrderClasses(
  em: EntityManager,
  rnd: Random,
  calendar: DemoCalendar,
  partnerships: Partnership[],
  businesses: Businesses,
  programs: Program[],
  plans: EnrollmentPlan[],
): void {
  const free = new Map(plans.map((plan) => [`${plan.program.id}|${plan.year}|${plan.season}`, Math.floor(plan.seats * ORDER_CLASS_SHARE)]));
  const classKinds = [PartnershipKind.ORDER_CLASS, PartnershipKind.NAMED_CLASS];
  for (const partnership of partnerships.filter((p) => classKinds.includes(p.kind))) {
    const categories = businesses.get(partnership.company)!.categories;
    const schoolPrograms = programs.filter(
      (p) => p.school === partnership.school && p.studyMode === StudyMode.FULL_TIME && categories.includes(p.major.category),
    );
    for (const year of calendar.planYears.filter((y) => runsIn(partnership, y))) {
      if (!rnd.chance(0.7)) continue;
      const candidates = schoolPrograms.filter((p) => (free.get(`${p.id}|${year}|${Season.AUTUMN}`) ?? 0) >= 10);
      if (candidates.length === 0) continue;
      const program = rnd.pick(candidates);
      const key = `${program.id}|${year}|${Season.AUTUMN}`;
      const seats = Math.min(free.get(key)!, rnd.int(20, 45));
      free.set(key, free.get(key)! - seats);
      const company = partnership.company;
      const name =
        partnership.kind === PartnershipKind.NAMED_CLASS
          ? `${company.shortName}冠名班（${year}级${program.major.name}）`
          : `${company.shortName}${year}级${program.major.name}订单班`;
      const enrolled = Math.floor((seats - rnd.int(0, Math.floor(seats * 0.15))) * registeredShare(calendar, year));
      em.create(OrderClass, {
        partnership,
        program,
        year,
        season: Season.AUTUMN,
        name,
        seats,
        enrolled,
        employmentCommitment: rnd.int(12, 20) * 5,
        stipendPerYear: rnd.chance(0.7) ? rnd.int(2, 12) * 500 : null,
      });
    }
  }
}

/**
 * Companies, school–company partnerships with their order classes, cross-region agreements, outreach
 * visits and incentives for the demo province; does nothing without schools or when companies exist.
 */
export async function seedPartnerships(em: EntityManager, calendar: DemoCalendar): Promise<boolean> {
  if ((await em.count(Company)) > 0 || (await em.count(School)) === 0) return false;
  const rnd = new Random(2023037);
  const cities = await em.find(City, {}, { orderBy: { displayOrder: 'ASC' } });
  const schools = await em.find(School, {}, { orderBy: { id: 'ASC' } });
  const programs = await em.find(Program, {}, { orderBy: { id: 'ASC' }, populate: ['major'] });
  const plans = await em.find(EnrollmentPlan, {}, { orderBy: { id: 'ASC' } });
  const businesses = makeCompanies(em, rnd, cities, schools);
  const partnerships = makePartnerships(em, rnd, calendar, schools, programs, businesses);
  makeOrderClasses(em, rnd, calendar, partnerships, businesses, programs, plans);
  seedCrossRegion(em, rnd, calendar, cities, schools, programs);
  await em.flush();
  return true;
}
