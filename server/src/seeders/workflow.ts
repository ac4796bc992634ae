import type { EntityManager } from '@mikro-orm/core';
import { City } from '../modules/city/city.entity.js';
import { EnrollmentPlan } from '../modules/plan/enrollment-plan.entity.js';
import { PlanTransition } from '../modules/plan/plan-transition.entity.js';
import { PlanStatus, PlanStep } from '../modules/plan/plan.enums.js';
import { PLAN_STEPS } from '../modules/plan/plan-workflow.service.js';
import { issuerOf } from '../modules/plan/issuer.js';
import { isLocked } from '../modules/plan/plan-rules.js';
import { PlanAdjustment } from '../modules/adjustment/plan-adjustment.entity.js';
import { AdjustmentDecision } from '../modules/adjustment/adjustment.enums.js';
import { AnnualSummary } from '../modules/summary/annual-summary.entity.js';
import { DEMO_CURRENT_YEAR, DEMO_PAST_YEARS } from './demo.js';
import { Random } from './random.js';

const pad = (n: number) => String(n).padStart(2, '0');
const date = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

const STEPS_TO: Record<PlanStatus, PlanStep[]> = {
  [PlanStatus.DRAFT]: [],
  [PlanStatus.SUBMITTED]: [PlanStep.SUBMIT],
  [PlanStatus.APPROVED]: [PlanStep.SUBMIT, PlanStep.APPROVE],
  [PlanStatus.FILED]: [PlanStep.SUBMIT, PlanStep.APPROVE, PlanStep.FILE],
};

/** The current year's lines carry the history of the steps that brought them to their status; filing ends in February, before spring registration. */
function currentYearHistory(em: EntityManager, rnd: Random, plans: EnrollmentPlan[]): void {
  for (const plan of plans.filter((p) => p.year === DEMO_CURRENT_YEAR)) {
    const dates = [date(DEMO_CURRENT_YEAR, 1, rnd.int(5, 20)), date(DEMO_CURRENT_YEAR, 2, rnd.int(1, 10)), date(DEMO_CURRENT_YEAR, 2, rnd.int(16, 27))];
    STEPS_TO[plan.status as PlanStatus].forEach((step, i) => {
      const { from, to } = PLAN_STEPS[step];
      em.create(PlanTransition, { plan, step, fromStatus: from, toStatus: to, occurredOn: dates[i]! });
    });
  }
}

/** R8: a few filed lines of past years grew or were refused through adjustments; some current requests await a decision. */
function adjustments(em: EntityManager, rnd: Random, plans: EnrollmentPlan[], cities: Map<number, City>): void {
  const requester = (plan: EnrollmentPlan) => `${plan.school.name}招生办`;
  const decider = (plan: EnrollmentPlan) => issuerOf(plan.school, cities.get(plan.school.city.id)!).nameZh;
  for (const year of DEMO_PAST_YEARS) {
    const lines = rnd.sample(plans.filter((p) => p.year === year && p.seats > 20), 6);
    lines.forEach((plan, i) => {
      const requestedOn = date(year, rnd.int(5, 7), rnd.int(1, 20));
      const decidedOn = `${requestedOn.slice(0, 8)}${pad(Number(requestedOn.slice(8)) + 7)}`;
      const base = { plan, requestedBy: requester(plan), requestedOn, decidedBy: decider(plan), decidedOn };
      if (i === 0) {
        em.create(PlanAdjustment, { ...base, oldSeats: plan.seats, newSeats: plan.seats + 15, reason: '企业订单需求增加，申请扩大招生规模', decision: AdjustmentDecision.REJECTED, decisionNote: '办学条件不足，不予调整' });
      } else {
        // The line's seats are the approved figure; it was planned smaller.
        em.create(PlanAdjustment, { ...base, oldSeats: plan.seats - rnd.int(2, 8), newSeats: plan.seats, reason: '报名人数超出计划，新增实训工位', decision: AdjustmentDecision.APPROVED });
      }
    });
  }
  for (const plan of rnd.sample(plans.filter((p) => p.year === DEMO_CURRENT_YEAR && isLocked(p.status)), 6)) {
    em.create(PlanAdjustment, { plan, oldSeats: plan.seats, newSeats: plan.seats + rnd.int(3, 10), reason: '新专业实训基地建成，申请增加计划', requestedBy: requester(plan), requestedOn: date(DEMO_CURRENT_YEAR, 6, rnd.int(1, 28)) });
  }
}

const PROBLEMS = ['部分专业生源不足，报名人数低于计划', '高级工班招生比例提升不快', '民办学校招生宣传不够规范', '春季招生报名人数偏少'];
const MEASURES = ['扩大高级工班和预备技师班招生规模', '加强与企业订单培养合作', '深化跨区域联合培养', '加强招生宣传和政策解读'];

/** R10: past years reported before 30 November; this year some cities have reported, some are writing, some have not started. */
function summaries(em: EntityManager, rnd: Random, cities: City[]): void {
  for (const city of cities) {
    for (const year of DEMO_PAST_YEARS) {
      em.create(AnnualSummary, { city, year, problems: rnd.pick(PROBLEMS), nextYearMeasures: rnd.pick(MEASURES), submittedOn: date(year, 11, rnd.int(10, 28)) });
    }
    const progress = city.displayOrder % 3;
    if (progress === 1) em.create(AnnualSummary, { city, year: DEMO_CURRENT_YEAR, problems: rnd.pick(PROBLEMS), nextYearMeasures: rnd.pick(MEASURES), submittedOn: date(DEMO_CURRENT_YEAR, 11, rnd.int(16, 27)) });
    if (progress === 2) em.create(AnnualSummary, { city, year: DEMO_CURRENT_YEAR, problems: rnd.pick(PROBLEMS) });
  }
}

/** Workflow history, plan adjustments and yearly summaries of the demo province; does nothing once summaries exist. */
export async function seedWorkflow(em: EntityManager): Promise<boolean> {
  if ((await em.count(AnnualSummary)) > 0 || (await em.count(EnrollmentPlan)) === 0) return false;
  const rnd = new Random(20231130);
  const cities = await em.find(City, {}, { orderBy: { displayOrder: 'ASC' } });
  const plans = await em.find(EnrollmentPlan, {}, { populate: ['school'], orderBy: { id: 'ASC' } });
  currentYearHistory(em, rnd, plans);
  adjustments(em, rnd, plans, new Map(cities.map((c) => [c.id, c])));
  summaries(em, rnd, cities);
  await em.flush();
  return true;
}
