import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'graphql';
import { wrap } from '@mikro-orm/core';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createPlan, createProgram, createSchool } from '../helpers/fixtures.js';
import { createSchema } from '../../server/src/schema.js';
import { DEFAULT_QUERY_LIMITS, queryCost } from '../../server/src/query-limits.js';
import { PlanTransition } from '../../server/src/modules/plan/plan-transition.entity.js';
import { enrollmentPlanResource } from '../../server/src/modules/plan/enrollment-plan.resource.js';
import { PlanStatus, PlanStep, Season } from '../../server/src/modules/plan/plan.enums.js';
import { Major } from '../../server/src/modules/major/major.entity.js';
import { StudyMode } from '../../server/src/modules/program/program.enums.js';
import { Program } from '../../server/src/modules/program/program.entity.js';
import { EnrollmentPlan } from '../../server/src/modules/plan/enrollment-plan.entity.js';
import { schoolResource } from '../../server/src/modules/school/school.resource.js';
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

  test('the verdict follows the variables: kept per shape, never taken from variables that did not coerce', async () => {
    const query = 'query($n: Int, $type: SchoolType) { allSchools(perPage: $n, filter: { type: $type }) { plans { id } } }';
    const ask = (variables: Record<string, unknown>) => post(t, { query, variables });
    expect(queryCost(schema, parse(query), { n: 10000, type: 'TECHNICAL_SCHOOL' })).toBeGreaterThan(DEFAULT_QUERY_LIMITS.maxCost);
    expect(firstError((await ask({ n: 10000, type: 'NO_SUCH_TYPE' })).body).extensions.code).toBe('BAD_USER_INPUT');
    for (const type of ['TECHNICAL_SCHOOL', 'TECHNICIAN_COLLEGE']) {
      const refused = await ask({ n: 10000, type });
      expect(refused.status).toBe(400);
      expect(firstError(refused.body).extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'COST' });
    }
    expect((await ask({ n: 1, type: 'TECHNICAL_SCHOOL' })).body.errors).toBeUndefined();
  });

  test('a child list costs its declared bound, so the estimate bounds the rows an answer can have', () => {
    const bound = enrollmentPlanResource.children!.find((c) => c.name === 'intakes')!.maxRows;
    expect(queryCost(schema, parse('{ EnrollmentPlan(id: 1) { intakes { id } } }'))).toBe(1 + bound * 2);
    expect(queryCost(schema, parse('{ allCities { schools { plans { intakes { id } } } } }'))).toBeGreaterThan(DEFAULT_QUERY_LIMITS.maxCost);
  });

  test('a year narrows a school’s plan lines to one year’s bound, so the whole province’s year is one query', () => {
    const plans = schoolResource.children!.find((c) => c.name === 'plans')!;
    const yearBound = plans.maxRowsBy!.year!;
    expect(yearBound * 5).toBe(plans.maxRows);
    // 11 cities × (1 + 3 + 60 schools × (1 + 3 + yearBound lines × (1 + 5 fields))).
    const nested = '{ allCities { id code nameZh schools { id name type plans(year: 2025) { id year season seats status } } } }';
    expect(queryCost(schema, parse(nested))).toBe(11 * (4 + 60 * (4 + yearBound * 6)));
    expect(queryCost(schema, parse(nested))).toBeLessThanOrEqual(DEFAULT_QUERY_LIMITS.maxCost);
    expect(queryCost(schema, parse(nested.replace('(year: 2025)', '')))).toBeGreaterThan(DEFAULT_QUERY_LIMITS.maxCost);
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

  test('the narrowed bound holds too: a school with more lines in one year than its year bound is refused', async () => {
    const plans = schoolResource.children!.find((c) => c.name === 'plans')!;
    const yearBound = plans.maxRowsBy!.year!;
    const school = Number(await createSchool(t, { name: '边界测试学校丙', cityCode: '330100' }));
    const first = Number(await createProgram(t, { schoolId: String(school), majorCode: '0101' }));
    // Rows written past the rules (as a bad import could): more lines in one year than a school can have.
    const em = t.orm.em.fork();
    const now = new Date();
    const firstProgram = await em.findOneOrFail(Program, first);
    const template = wrap(firstProgram).toObject();
    const majors = await em.find(Major, { id: { $ne: firstProgram.major.id } }, { orderBy: { id: 'ASC' } });
    // Distinct programs (school, major, …, study mode): each other major as full-time and part-time.
    const combinations = majors.flatMap((major) => [StudyMode.FULL_TIME, StudyMode.PART_TIME].map((studyMode) => ({ major: major.id, studyMode })));
    await em.insertMany(
      Program,
      combinations.slice(0, yearBound / 2).map((c) => ({ ...template, id: undefined, ...c, createdAt: now, updatedAt: now })),
    );
    const programs = (await em.find(Program, { school, id: { $ne: first } }, { orderBy: { id: 'ASC' } })).map((p) => p.id);
    expect(programs).toHaveLength(yearBound / 2);
    await em.insertMany(
      EnrollmentPlan,
      Array.from({ length: yearBound + 1 }, (_, i) => ({
        school,
        program: i < yearBound ? programs[Math.floor(i / 2)]! : first,
        year: 2026,
        season: i % 2 ? Season.SPRING : Season.AUTUMN,
        seats: 1,
        status: PlanStatus.DRAFT,
        version: 1,
        createdAt: now,
        updatedAt: now,
      })),
    );
    const result = await t.gql(`query($id: ID!) { School(id: $id) { plans(year: 2026) { id } } }`, { id: String(school) });
    expect(firstError(result).extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', rule: 'CHILD_ROWS', field: 'School.plans', maximum: yearBound });
    const otherYear = await t.ok(`query($id: ID!) { School(id: $id) { plans(year: 2025) { id } } }`, { id: String(school) });
    expect(otherYear.School.plans).toEqual([]);
  });

  test('other parents in the same answer keep their children', async () => {
    const school = await createSchool(t, { name: '边界测试学校乙', cityCode: '330100' });
    const plan = await createPlan(t, { programId: await createProgram(t, { schoolId: school, majorCode: '0101' }), year: 2026, seats: 10 });
    const result = await t.ok(`query($id: ID!) { EnrollmentPlan(id: $id) { transitions { id } } }`, { id: plan });
    expect(result.EnrollmentPlan.transitions).toEqual([]);
  });
});
