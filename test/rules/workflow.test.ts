import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createPlan, createProgram, createSchool, firstError, majorId, versionOf } from '../helpers/fixtures.js';
import { FixedClock } from '../../server/src/common/clock.js';
import { advance, count, lineAt, planStatuses, transition } from './rule-fixtures.js';

let t: TestApp;
const clock = new FixedClock('2026-05-10T02:00:00Z');
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(async () => {
  await t.close();
});

const CREATE_PLAN = `mutation($programId: ID!, $year: Int!, $season: Season!, $seats: Int!) {
  createEnrollmentPlan(programId: $programId, year: $year, season: $season, seats: $seats) { id status }
}`;

describe('R5 plan lines only for filed programs whose major allows the level', () => {
  test('a line for a filed program is created as DRAFT', async () => {
    const { planId } = await lineAt(t, 'DRAFT');
    expect(await planStatuses(t, [planId])).toEqual({ [planId]: 'DRAFT' });
  });

  test('a line for an unfiled program is refused and nothing is written', async () => {
    const schoolId = await createSchool(t, { name: 'R5 未备案 技师学院', cityCode: '330500' });
    const programId = await createProgram(t, { schoolId, majorCode: '0101', filedOn: null });
    const result = await t.gql(CREATE_PLAN, { programId, year: 2026, season: 'AUTUMN', seats: 20 });
    expect(firstError(result).extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R5', field: 'programId' });
    expect(firstError(result).extensions.messageZh).toContain('尚未备案');
    expect(await count(t, 'EnrollmentPlan', 'EnrollmentPlans', { schoolId })).toBe(0);
  });

  test('a program at a level the catalogue major does not allow is refused when created or moved there (R5), in bulk by row index', async () => {
    const schoolId = await createSchool(t, { name: 'R5 目录 技师学院', cityCode: '330500' });
    const major = await majorId(t, '0116');
    const program = (level: string) => ({ schoolId, majorId: major, level, entryBasis: 'JUNIOR_HIGH' });
    const result = await t.gql(`mutation($rows: [ProgramSaveRow!]!) { savePrograms(rows: $rows) { id } }`, {
      rows: [program('ADVANCED'), program('PREPARATORY_TECHNICIAN')],
    });
    expect(firstError(result).extensions.rows).toEqual([
      { index: 1, code: 'RULE_VIOLATION', rule: 'R5', field: 'level', message: expect.stringContaining('不允许开设预备技师（技师）层次') },
    ]);
    expect(await count(t, 'Program', 'Programs', { schoolId })).toBe(0);

    const fits = await createProgram(t, { schoolId, majorCode: '0116', level: 'ADVANCED' });
    const moved = await t.gql(`mutation($id: ID!, $v: Int!) { updateProgram(id: $id, version: $v, level: PREPARATORY_TECHNICIAN) { id } }`, {
      id: fits,
      v: await versionOf(t, 'Program', fits),
    });
    expect(firstError(moved).extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R5', field: 'level' });
  });

  test('approval re-checks the catalogue: a program un-filed after submission blocks approval', async () => {
    const { programId, planId } = await lineAt(t, 'SUBMITTED');
    await t.ok(`mutation($id: ID!, $v: Int!) { updateProgram(id: $id, version: $v, filedOn: null) { id } }`, {
      id: programId,
      v: await versionOf(t, 'Program', programId),
    });
    const result = await transition(t, 'approvePlans', [planId]);
    expect(firstError(result).extensions.rows).toEqual([
      { index: 0, id: planId, code: 'RULE_VIOLATION', rule: 'R5', field: 'programId', message: expect.stringContaining('尚未备案') },
    ]);
    expect(await planStatuses(t, [planId])).toEqual({ [planId]: 'SUBMITTED' });
  });
});

describe('workflow DRAFT → SUBMITTED → APPROVED → FILED', () => {
  test('each step moves every listed line and records it in the line history', async () => {
    const a = await lineAt(t, 'DRAFT');
    const b = await lineAt(t, 'DRAFT');
    const ids = [a.planId, b.planId];
    for (const [step, status] of [
      ['submitPlans', 'SUBMITTED'],
      ['approvePlans', 'APPROVED'],
      ['filePlans', 'FILED'],
    ] as const) {
      const result = await transition(t, step, ids);
      expect(result.errors).toBeUndefined();
      expect(result.data![step]).toEqual(ids.map((id) => ({ id, status })));
    }
    const history = await t.ok(`query($id: ID!) { EnrollmentPlan(id: $id) { transitions { step fromStatus toStatus reason occurredOn } } }`, { id: a.planId });
    expect(history.EnrollmentPlan.transitions).toEqual([
      { step: 'SUBMIT', fromStatus: 'DRAFT', toStatus: 'SUBMITTED', reason: null, occurredOn: '2026-05-10' },
      { step: 'APPROVE', fromStatus: 'SUBMITTED', toStatus: 'APPROVED', reason: null, occurredOn: '2026-05-10' },
      { step: 'FILE', fromStatus: 'APPROVED', toStatus: 'FILED', reason: null, occurredOn: '2026-05-10' },
    ]);
  });

  test('a submitted line returned with a reason goes back to DRAFT and can be resubmitted', async () => {
    const { planId } = await lineAt(t, 'SUBMITTED');
    const returned = await transition(t, 'returnPlans', [planId], '计划人数超出办学条件');
    expect(returned.data!.returnPlans).toEqual([{ id: planId, status: 'DRAFT' }]);
    await advance(t, [planId], 'SUBMITTED');
    const history = await t.ok(`query($id: ID!) { EnrollmentPlan(id: $id) { status transitions { step reason } } }`, { id: planId });
    expect(history.EnrollmentPlan).toEqual({
      status: 'SUBMITTED',
      transitions: [
        { step: 'SUBMIT', reason: null },
        { step: 'RETURN', reason: '计划人数超出办学条件' },
        { step: 'SUBMIT', reason: null },
      ],
    });
  });

  test('a returned draft can still be deleted, its history with it', async () => {
    const { planId } = await lineAt(t, 'SUBMITTED');
    await transition(t, 'returnPlans', [planId], '不再开设');
    const removed = await t.ok(`mutation($id: ID!, $v: Int!) { deleteEnrollmentPlan(id: $id, version: $v) { id } }`, {
      id: planId,
      v: await versionOf(t, 'EnrollmentPlan', planId),
    });
    expect(removed.deleteEnrollmentPlan.id).toBe(planId);
    expect(await count(t, 'PlanTransition', 'PlanTransitions', { planId })).toBe(0);
  });

  test('a return needs a reason', async () => {
    const { planId } = await lineAt(t, 'SUBMITTED');
    const result = await transition(t, 'returnPlans', [planId], '  ');
    expect(firstError(result).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(await planStatuses(t, [planId])).toEqual({ [planId]: 'SUBMITTED' });
  });

  test('steps out of order are refused with the rule they break, all or nothing, failing ids reported', async () => {
    const draft = await lineAt(t, 'DRAFT');
    const submitted = await lineAt(t, 'SUBMITTED');
    const approved = await lineAt(t, 'APPROVED');
    const filed = await lineAt(t, 'FILED');
    const before = await planStatuses(t, [draft.planId, submitted.planId, approved.planId, filed.planId]);

    const approve = await transition(t, 'approvePlans', [submitted.planId, draft.planId, '999999']);
    expect(firstError(approve).extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R4' });
    expect(firstError(approve).extensions.rows).toEqual([
      {
        index: 1,
        id: draft.planId,
        code: 'RULE_VIOLATION',
        rule: 'R4',
        field: 'status',
        message: expect.stringContaining('只有 SUBMITTED 状态的计划可以下达'),
      },
      // the city bureau acting: a missing line answers as another city's would
      {
        index: 2,
        id: '999999',
        code: 'FORBIDDEN',
        rule: null,
        field: null,
        message: expect.stringContaining('you may not access or change this EnrollmentPlan'),
      },
    ]);

    const file = await transition(t, 'filePlans', [approved.planId, submitted.planId]);
    expect(firstError(file).extensions.rows).toEqual([
      { index: 1, id: submitted.planId, code: 'RULE_VIOLATION', rule: 'R6', field: 'status', message: expect.stringContaining('only APPROVED lines can file') },
    ]);

    const back = await transition(t, 'returnPlans', [approved.planId, filed.planId, submitted.planId], '重新核定');
    expect(firstError(back).extensions.rows.map((r: { index: number; rule: string }) => [r.index, r.rule])).toEqual([
      [0, 'R8'],
      [1, 'R8'],
    ]);

    const twice = await transition(t, 'submitPlans', [draft.planId, draft.planId]);
    expect(firstError(twice).extensions.rows).toEqual([
      { index: 1, id: draft.planId, code: 'BAD_USER_INPUT', rule: null, field: 'ids', message: expect.stringContaining('listed twice') },
    ]);

    expect(await planStatuses(t, [draft.planId, submitted.planId, approved.planId, filed.planId])).toEqual(before);
    expect(await count(t, 'PlanTransition', 'PlanTransitions', { planId: submitted.planId })).toBe(1);
  });

  test('status is not writable through CRUD', async () => {
    const schoolId = await createSchool(t, { name: '状态只读 技师学院', cityCode: '330600' });
    const programId = await createProgram(t, { schoolId, majorCode: '0101' });
    const result = await t.gql(
      `mutation($programId: ID!) { createEnrollmentPlan(programId: $programId, year: 2026, season: AUTUMN, seats: 5, status: FILED) { id } }`,
      { programId },
    );
    expect(firstError(result).extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(await count(t, 'EnrollmentPlan', 'EnrollmentPlans', { schoolId })).toBe(0);
  });
});

describe('R4 issuing authority', () => {
  test('the city bureau issues plans of city-run schools, the province those of provincial schools', async () => {
    const city = await lineAt(t, 'DRAFT', { cityCode: '330700' });
    const provincial = await lineAt(t, 'DRAFT', { cityCode: '330700', provincial: true });
    const data = await t.ok(`query($ids: [ID!]) { allEnrollmentPlans(filter: { ids: $ids }, sortField: "id") { issuerCode issuer { code nameZh nameEn } } }`, {
      ids: [city.planId, provincial.planId],
    });
    expect(data.allEnrollmentPlans).toEqual([
      { issuerCode: '330700', issuer: { code: '330700', nameZh: '金华市人力资源和社会保障局', nameEn: 'Jinhua Human Resources and Social Security Bureau' } },
      {
        issuerCode: '330000',
        issuer: { code: '330000', nameZh: '浙江省人力资源和社会保障厅', nameEn: 'Zhejiang Provincial Department of Human Resources and Social Security' },
      },
    ]);
  });

  test('issuers of many lines are read with a fixed number of queries', async () => {
    const schoolId = await createSchool(t, { name: 'R4 批量 技师学院', cityCode: '330800' });
    for (const code of ['0101', '0102', '0103', '0104']) {
      await createPlan(t, { programId: await createProgram(t, { schoolId, majorCode: code }), year: 2026, seats: 8 });
    }
    t.resetQueryLog();
    const data = await t.ok(`query($schoolId: ID) { allEnrollmentPlans(filter: { schoolId: $schoolId }) { issuerCode } }`, { schoolId });
    expect(data.allEnrollmentPlans).toEqual(Array(4).fill({ issuerCode: '330800' }));
    expect(t.selects()).toHaveLength(3);
  });
});
