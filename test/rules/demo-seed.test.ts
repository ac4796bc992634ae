import { afterAll, beforeAll, expect, test } from 'vitest';
import type { EntityManager } from '@mikro-orm/core';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { seed } from '../../server/src/seeders/index.js';
import { AppError } from '../../server/src/common/errors.js';
import { queryRows, toNumber } from '../../server/src/read/sql.js';
import { Program } from '../../server/src/modules/program/program.entity.js';
import { EnrollmentPlan } from '../../server/src/modules/plan/enrollment-plan.entity.js';
import { Intake } from '../../server/src/modules/intake/intake.entity.js';
import { PlanAdjustment } from '../../server/src/modules/adjustment/plan-adjustment.entity.js';
import { AnnualSummary } from '../../server/src/modules/summary/annual-summary.entity.js';
import { assertLevelFitsSchool, resolveDuration } from '../../server/src/modules/program/program-rules.js';
import { assertFiledCatalogue, isLocked } from '../../server/src/modules/plan/plan-rules.js';
import { assertOriginAllowed, assertPlanFiled, assertRegisteredInTime, assertWithinSeats } from '../../server/src/modules/intake/intake-rules.js';
import { assertSubmittable } from '../../server/src/modules/summary/summary-rules.js';

let t: TestApp;
let em: EntityManager;
beforeAll(async () => {
  t = await createTestApp();
  await seed(t.orm, { demo: true, today: '2026-12-20' });
  em = t.orm.em.fork();
}, 300000);
afterAll(async () => {
  await t.close();
});

/** Runs one rule and keeps its refusal instead of stopping at the first. */
function collect(violations: string[], what: string, rule: () => void): void {
  try {
    rule();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    violations.push(`${what}: ${error.message}`);
  }
}

test('every seeded program, plan line, intake, adjustment and summary passes the rules that guard writes', async () => {
  const violations: string[] = [];
  const programs = await em.find(Program, {}, { populate: ['school', 'major'] });
  for (const p of programs) {
    collect(violations, `program ${p.id}`, () => assertLevelFitsSchool(p.school.type, p.level));
    collect(violations, `program ${p.id}`, () => resolveDuration(p, p.durationYears));
  }
  const plans = await em.find(EnrollmentPlan, {}, { populate: ['school.city', 'program.major'] });
  for (const plan of plans) {
    collect(violations, `plan ${plan.id}`, () => assertFiledCatalogue(plan.program));
    if (plan.school !== plan.program.school) violations.push(`plan ${plan.id}: school differs from its program's`);
  }
  const taken = new Map<number, number>();
  for (const intake of await em.find(Intake, {}, { populate: ['plan'] })) {
    const plan = intake.plan;
    collect(violations, `intake ${intake.id}`, () => assertPlanFiled(plan));
    collect(violations, `intake ${intake.id}`, () => assertOriginAllowed(plan.school, intake.originCode));
    collect(violations, `intake ${intake.id}`, () => assertRegisteredInTime(plan, null, intake.registeredOn));
    taken.set(plan.id, (taken.get(plan.id) ?? 0) + intake.count);
  }
  for (const plan of plans) collect(violations, `plan ${plan.id}`, () => assertWithinSeats(plan, 0, taken.get(plan.id) ?? 0));
  for (const adjustment of await em.find(PlanAdjustment, {}, { populate: ['plan'] })) {
    if (!isLocked(adjustment.plan.status)) violations.push(`adjustment ${adjustment.id}: on an unlocked line`);
    if (adjustment.decision === 'APPROVED' && adjustment.plan.seats !== adjustment.newSeats)
      violations.push(`adjustment ${adjustment.id}: approved seats not on the line`);
    if (adjustment.decision === 'PENDING' && adjustment.plan.seats !== adjustment.oldSeats)
      violations.push(`adjustment ${adjustment.id}: pending from other seats`);
  }
  for (const summary of await em.find(AnnualSummary, { submittedOn: { $ne: null } })) {
    collect(violations, `summary ${summary.id}`, () => assertSubmittable({ ...summary, submittedOn: null }, summary.submittedOn!));
  }
  expect(violations).toEqual([]);
  expect(programs.length).toBeGreaterThan(1000);
  expect(plans.length).toBeGreaterThan(4000);
});

test('on 20 December 2026 the years to 2026 are filed with intakes; 2027 is spread over the workflow', async () => {
  const rows = await queryRows<{ year: number; status: string; lines: unknown; intakes: unknown }>(
    em,
    `select p.year, p.status, count(distinct p.id) as lines, coalesce(sum(i.count), 0) as intakes
     from enrollment_plan p left join intake i on i.plan_id = p.id group by p.year, p.status order by p.year, p.status`,
  );
  const shape = rows.map((r) => [Number(r.year), r.status, toNumber(r.intakes) > 0]);
  expect(shape).toEqual([
    [2023, 'FILED', true],
    [2024, 'FILED', true],
    [2025, 'FILED', true],
    [2026, 'FILED', true],
    [2027, 'APPROVED', false],
    [2027, 'DRAFT', false],
    [2027, 'FILED', false],
    [2027, 'SUBMITTED', false],
  ]);
  const history = await queryRows<{ status: string; steps: unknown }>(
    em,
    `select p.status, count(t.id) * 1.0 / count(distinct p.id) as steps from enrollment_plan p left join plan_transition t on t.plan_id = p.id
     where p.year = 2027 group by p.status order by p.status`,
  );
  expect(history.map((h) => [h.status, toNumber(h.steps)])).toEqual([
    ['APPROVED', 2],
    ['DRAFT', 0],
    ['FILED', 3],
    ['SUBMITTED', 1],
  ]);
  const summaries = await queryRows<{ year: number; submitted: unknown; all: unknown }>(
    em,
    'select year, count(submitted_on) as submitted, count(*) as "all" from annual_summary group by year order by year',
  );
  expect(summaries.map((s) => [Number(s.year), toNumber(s.submitted), toNumber(s.all)])).toEqual([
    [2023, 11, 11],
    [2024, 11, 11],
    [2025, 11, 11],
    [2026, 11, 11],
  ]);
});
