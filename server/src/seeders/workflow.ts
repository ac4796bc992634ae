import type { EntityManager } from '@mikro-orm/core';
import { City } from '../modules/city/city.entity.js';
import { EnrollmentPlan } from '../modules/plan/enrollment-plan.entity.js';
import { PlanTransition } from '../modules/plan/plan-transition.entity.js';
import { issuerOf } from '../modules/plan/issuer.js';
import { isLocked } from '../modules/plan/plan-rules.js';
import { PlanStatus, Season } from '../modules/plan/plan.enums.js';
import { PlanAdjustment } from '../modules/adjustment/plan-adjustment.entity.js';
import { AdjustmentDecision } from '../modules/adjustment/adjustment.enums.js';
import { AnnualSummary } from '../modules/summary/annual-summary.entity.js';
import { addDays, DemoCalendar } from './demo-calendar.js';
import { Random } from './random.js';

/** Days a bureau takes to decide a request for more seats. */
const DECISION_DAYS = 7;

/**
 * R8: each year a few filed autumn lines grew or were refused through adjustments asked for as
 * registration opens (after the late lines are filed); a request not yet decided by the demo's today
 * is pending. A few requests of the last three weeks on the latest year's locked lines await a decision.
 */
function adjustments(
  em: EntityManager,
  rnd: Random,
  calendar: DemoCalendar,
  plans: EnrollmentPlan[],
  cities: Map<number, City>,
  lockedOn: Map<number, string>,
): void {
  const requester = (plan: EnrollmentPlan) => `${plan.school.name}招生办`;
  const decider = (plan: EnrollmentPlan) => issuerOf(plan.school, cities.get(plan.school.city.id)!).nameZh;
  const adjusted = new Set<EnrollmentPlan>();
  for (const year of calendar.planYears) {
    const lines = rnd.sample(
      plans.filter((p) => p.year === year && p.season === Season.AUTUMN && p.seats > 20 && isLocked(p.status)),
      6,
    );
    lines.forEach((plan, i) => {
      const requestedOn = DemoCalendar.between(rnd, `${year}-08-21`, `${year}-09-10`);
      const decidedOn = addDays(requestedOn, DECISION_DAYS);
      const extra = rnd.int(2, 8);
      if (!calendar.reached(requestedOn)) return;
      adjusted.add(plan);
      const base = { plan, requestedBy: requester(plan), requestedOn };
      if (!calendar.reached(decidedOn)) {
        em.create(PlanAdjustment, { ...base, oldSeats: plan.seats, newSeats: plan.seats + extra, reason: '新专业实训基地建成，申请增加计划' });
      } else if (i === 0) {
        em.create(PlanAdjustment, {
          ...base,
          decidedBy: decider(plan),
          decidedOn,
          oldSeats: plan.seats,
          newSeats: plan.seats + 15,
          reason: '企业订单需求增加，申请扩大招生规模',
          decision: AdjustmentDecision.REJECTED,
          decisionNote: '办学条件不足，不予调整',
        });
      } else {
        // The line's seats are the approved figure; it was planned smaller.
        em.create(PlanAdjustment, {
          ...base,
          decidedBy: decider(plan),
          decidedOn,
          oldSeats: plan.seats - extra,
          newSeats: plan.seats,
          reason: '报名人数超出计划，新增实训工位',
          decision: AdjustmentDecision.APPROVED,
        });
      }
    });
  }
  const threeWeeksAgo = addDays(calendar.today, -20);
  const recent = plans.filter((p) => lockedOn.has(p.id) && p.seats > 20 && !adjusted.has(p));
  for (const plan of rnd.sample(recent, 3)) {
    const from = lockedOn.get(plan.id)! > threeWeeksAgo ? lockedOn.get(plan.id)! : threeWeeksAgo;
    em.create(PlanAdjustment, {
      plan,
      oldSeats: plan.seats,
      newSeats: plan.seats + rnd.int(3, 10),
      reason: '企业订单需求增加，申请扩大招生规模',
      requestedBy: requester(plan),
      requestedOn: DemoCalendar.between(rnd, from, calendar.today),
    });
  }
}

const PROBLEMS = ['部分专业生源不足，报名人数低于计划', '高级工班招生比例提升不快', '民办学校招生宣传不够规范', '春季招生报名人数偏少'];
const MEASURES = ['扩大高级工班和预备技师班招生规模', '加强与企业订单培养合作', '深化跨区域联合培养', '加强招生宣传和政策解读'];

/**
 * R10: cities report between 10 and 28 November, before the 30 November deadline. From mid-October
 * of a year some cities are writing; a summary counts as submitted once its date has come.
 */
function summaries(em: EntityManager, rnd: Random, calendar: DemoCalendar, cities: City[]): void {
  for (const year of calendar.startedYears) {
    for (const city of cities) {
      const submittedOn = DemoCalendar.between(rnd, `${year}-11-10`, `${year}-11-28`);
      const startedOn = DemoCalendar.between(rnd, `${year}-10-15`, `${year}-11-09`);
      const problems = rnd.pick(PROBLEMS);
      const nextYearMeasures = rnd.pick(MEASURES);
      if (calendar.reached(submittedOn)) em.create(AnnualSummary, { city, year, problems, nextYearMeasures, submittedOn });
      else if (calendar.reached(startedOn)) em.create(AnnualSummary, { city, year, problems });
    }
  }
}

/** Plan adjustments and yearly summaries of the demo province; does nothing once summaries exist. */
export async function seedWorkflow(em: EntityManager, calendar: DemoCalendar): Promise<boolean> {
  if ((await em.count(AnnualSummary)) > 0 || (await em.count(EnrollmentPlan)) === 0) return false;
  const rnd = new Random(20231130);
  const cities = await em.find(City, {}, { orderBy: { displayOrder: 'ASC' } });
  const plans = await em.find(EnrollmentPlan, {}, { populate: ['school'], orderBy: { id: 'ASC' } });
  // Only the latest year's lines carry their history, so only they can have a request this recent.
  const approvals = await em.find(PlanTransition, { toStatus: PlanStatus.APPROVED }, { orderBy: { id: 'ASC' } });
  const lockedOn = new Map(approvals.map((t) => [t.plan.id, t.occurredOn]));
  adjustments(em, rnd, calendar, plans, new Map(cities.map((c) => [c.id, c])), lockedOn);
  summaries(em, rnd, calendar, cities);
  await em.flush();
  return true;
}
