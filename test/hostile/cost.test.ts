import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'graphql';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createPlan, createProgram, createSchool } from '../helpers/fixtures.js';
import { createSchema } from '../../server/src/schema.js';
import { DEFAULT_QUERY_LIMITS, queryCost } from '../../server/src/query-limits.js';
import { PlanTransition } from '../../server/src/modules/plan/plan-transition.entity.js';
import { enrollmentPlanResource } from '../../server/src/modules/plan/enrollment-plan.resource.js';
import { PlanStatus, PlanStep } from '../../server/src/modules/plan/plan.enums.js';
import { firstError, post, whileHealthy } from './support.js';

/** Every accepted query returns a bounded number of rows: child lists are priced at their bound, and the bound holds. */
let t: TestApp;
let schema: Awaited<ReturnType<typeof createSchema>>;
beforeAll(async () => {
  t = await createTestApp();
  schema = await createSchema();
});
afterAll(async () => t?.close());

describe('the price of child lists', () => {
  test('cities → schools → plans → intakes is refused before it runs', async () => {
    const result = await whileHealthy(t, () => post(t, { query: '{ allCities { schools { plans { intakes { id } } } } }' }));
    expect(result.status).toBe(400);
    expect(firstError(result.body).extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'COST' });
  });

  test('a child list costs its declared bound, so the estimate bounds the rows an answer can have', () => {
    const bound = enrollmentPlanResource.children!.find((c) => c.name === 'intakes')!.maxRows;
    expect(queryCost(schema, parse('{ EnrollmentPlan(id: 1) { intakes { id } } }'))).toBe(1 + bound * 2);
    expect(queryCost(schema, parse('{ allCities { schools { plans { intakes { id } } } } }'))).toBeGreaterThan(DEFAULT_QUERY_LIMITS.maxCost);
  });

  test('bulk mutations are priced by the rows they return', () => {
    const rows = Array.from({ length: 50 }, () => ({ name: 'x' }));
    const cost = queryCost(schema, parse('mutation($rows: [SchoolSaveRow!]!) { saveSchools(rows: $rows) { id name } }'), { rows });
    expect(cost).toBe(50 * 3);
  });
});

describe('the bound of a child list holds when read', () => {
  test('a parent with more children than its bound answers LIMIT_EXCEEDED, not a longer list', async () => {
    const school = await createSchool(t, { name: '边界测试学校', cityCode: '330100' });
    const plan = await createPlan(t, { programId: await createProgram(t, { schoolId: school, majorCode: '0101' }), year: 2026, seats: 10 });
    const bound = enrollmentPlanResource.children!.find((c) => c.name === 'transitions')!.maxRows;
    const em = t.orm.em.fork();
    const rows = Array.from({ length: bound + 1 }, () => ({
      plan: Number(plan),
      step: PlanStep.SUBMIT,
      fromStatus: PlanStatus.DRAFT,
      toStatus: PlanStatus.SUBMITTED,
      occurredOn: '2026-03-01',
      version: 1,
      createdAt: new Date(),
      updatedAt: new Date(),
    }));
    await em.insertMany(PlanTransition, rows);
    const result = await t.gql(`query($id: ID!) { EnrollmentPlan(id: $id) { id transitions { id } } }`, { id: plan });
    expect(firstError(result).extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', rule: 'CHILD_ROWS', field: 'EnrollmentPlan.transitions', maximum: bound });
    expect(result.data?.EnrollmentPlan ?? null).toBeNull();
    // The paged list still reads them.
    const paged = await t.ok(`query($id: ID!) { _allPlanTransitionsMeta(filter: { planId: $id }) { count } }`, { id: plan });
    expect(paged._allPlanTransitionsMeta.count).toBe(bound + 1);
  });

  test('other parents in the same answer keep their children', async () => {
    const school = await createSchool(t, { name: '边界测试学校乙', cityCode: '330100' });
    const plan = await createPlan(t, { programId: await createProgram(t, { schoolId: school, majorCode: '0101' }), year: 2026, seats: 10 });
    const result = await t.ok(`query($id: ID!) { EnrollmentPlan(id: $id) { transitions { id } } }`, { id: plan });
    expect(result.EnrollmentPlan.transitions).toEqual([]);
  });
});
