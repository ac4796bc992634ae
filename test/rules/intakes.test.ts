import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createIntake, firstError, versionOf } from '../helpers/fixtures.js';
import { FixedClock } from '../../server/src/common/clock.js';
import { count, lineAt } from './rule-fixtures.js';

let t: TestApp;
/** The lines of these tests are filed on this day, before spring registration closes. */
const clock = new FixedClock('2026-02-20T02:00:00Z');
beforeAll(async () => {
  t = await createTestApp({ clock });
});
afterAll(async () => {
  await t.close();
});

const CREATE = `mutation($planId: ID!, $count: Int!, $originCode: String!, $registeredOn: LocalDate!) {
  createIntake(planId: $planId, count: $count, targetGroup: JUNIOR_HIGH_GRADUATE, originCode: $originCode, registeredOn: $registeredOn) { id }
}`;
const SAVE = `mutation($rows: [IntakeSaveRow!]!) { saveIntakes(rows: $rows) { id } }`;
const row = (planId: string, originCode: string, registeredOn: string) => ({ planId, count: 1, targetGroup: 'JUNIOR_HIGH_GRADUATE', originCode, registeredOn });

describe('R6 only filed lines take intakes', () => {
  test.each(['DRAFT', 'SUBMITTED', 'APPROVED'] as const)('a %s line refuses intakes', async (status) => {
    const { planId } = await lineAt(t, status);
    const result = await t.gql(CREATE, { planId, count: 1, originCode: '330100', registeredOn: '2026-09-01' });
    expect(firstError(result).extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R6', field: 'planId' });
    expect(firstError(result).extensions.messageZh).toContain('尚未备案');
    expect(await count(t, 'Intake', 'Intakes', { planId })).toBe(0);
  });

  test('a FILED line takes them', async () => {
    const { planId } = await lineAt(t, 'FILED');
    await createIntake(t, { planId, count: 3, originCode: '330100', registeredOn: '2026-09-01' });
    expect(await count(t, 'Intake', 'Intakes', { planId })).toBe(1);
  });
});

describe('R7 no cross-city recruiting inside Zhejiang', () => {
  test('a city school takes its own city and other provinces, not another Zhejiang city', async () => {
    const { planId } = await lineAt(t, 'FILED', { cityCode: '330300' });
    await createIntake(t, { planId, count: 2, originCode: '330300', registeredOn: '2026-09-01' });
    await createIntake(t, { planId, count: 2, originCode: '510000', registeredOn: '2026-09-01' });
    const result = await t.gql(CREATE, { planId, count: 1, originCode: '330100', registeredOn: '2026-09-01' });
    expect(firstError(result).extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R7', field: 'originCode' });
    expect(firstError(result).extensions.messageZh).toContain('原则上不在省内跨市招生');
    expect(await count(t, 'Intake', 'Intakes', { planId })).toBe(2);
  });

  test('a provincial technician college may recruit across cities', async () => {
    const { planId } = await lineAt(t, 'FILED', { cityCode: '330100', provincial: true });
    await createIntake(t, { planId, count: 2, originCode: '331100', registeredOn: '2026-09-01' });
    expect(await count(t, 'Intake', 'Intakes', { planId })).toBe(1);
  });

  test.each([
    ['a city-run technician college', { type: 'TECHNICIAN_COLLEGE', provincial: false }],
    ['a provincial senior technical school', { type: 'SENIOR_TECHNICAL_SCHOOL', provincial: true }],
  ])('%s may not', async (_label, school) => {
    const { planId } = await lineAt(t, 'FILED', { cityCode: '330100', ...school });
    const result = await t.gql(CREATE, { planId, count: 1, originCode: '331100', registeredOn: '2026-09-01' });
    expect(firstError(result).extensions).toMatchObject({ rule: 'R7', field: 'originCode' });
  });
});

describe('R9 registration deadlines', () => {
  test('spring registers by 31 March and autumn by 31 October of the plan year', async () => {
    const spring = await lineAt(t, 'FILED', { season: 'SPRING', studyMode: 'PART_TIME' });
    const autumn = await lineAt(t, 'FILED');
    await createIntake(t, { planId: spring.planId, count: 1, originCode: '330100', registeredOn: '2026-03-31' });
    await createIntake(t, { planId: autumn.planId, count: 1, originCode: '330100', registeredOn: '2026-10-31' });

    const lateSpring = await t.gql(CREATE, { planId: spring.planId, count: 1, originCode: '330100', registeredOn: '2026-04-01' });
    expect(firstError(lateSpring).extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R9', field: 'registeredOn' });
    expect(firstError(lateSpring).extensions.messageZh).toBe('2026年春季新生须于 2026-03-31 前办理学籍注册，2026-04-01 已逾期');
    expect(firstError(lateSpring).extensions.messageEn).toBe('SPRING 2026 intakes must register by 2026-03-31; 2026-04-01 is late');

    const lateAutumn = await t.gql(CREATE, { planId: autumn.planId, count: 1, originCode: '330100', registeredOn: '2026-11-01' });
    expect(firstError(lateAutumn).extensions.messageEn).toContain('by 2026-10-31');
    expect(await count(t, 'Intake', 'Intakes', { planId: spring.planId })).toBe(1);
    expect(await count(t, 'Intake', 'Intakes', { planId: autumn.planId })).toBe(1);
  });

  test('the window opens when the season before closed, and never before the line was filed', async () => {
    const autumn = await lineAt(t, 'FILED');
    const early = await t.gql(CREATE, { planId: autumn.planId, count: 1, originCode: '330100', registeredOn: '2025-08-01' });
    expect(firstError(early).extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R9', field: 'registeredOn' });
    expect(firstError(early).extensions.messageEn).toBe('AUTUMN 2026 intakes register from 2026-04-01 to 2026-10-31; 2025-08-01 is too early');
    await createIntake(t, { planId: autumn.planId, count: 1, originCode: '330100', registeredOn: '2026-04-01' });

    const spring = await lineAt(t, 'FILED', { season: 'SPRING', studyMode: 'PART_TIME' });
    const beforeFiling = await t.gql(CREATE, { planId: spring.planId, count: 1, originCode: '330100', registeredOn: '2026-02-19' });
    expect(firstError(beforeFiling).extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R9', field: 'registeredOn' });
    expect(firstError(beforeFiling).extensions.messageEn).toContain('was filed on 2026-02-20');
    await createIntake(t, { planId: spring.planId, count: 1, originCode: '330100', registeredOn: '2026-02-20' });
    expect(await count(t, 'Intake', 'Intakes', { planId: spring.planId })).toBe(1);
  });

  test('an update to a late date is refused and the stored date stays', async () => {
    const { planId } = await lineAt(t, 'FILED');
    const id = await createIntake(t, { planId, count: 1, originCode: '330100', registeredOn: '2026-09-10' });
    const result = await t.gql(`mutation($id: ID!, $v: Int!) { updateIntake(id: $id, version: $v, registeredOn: "2026-12-01") { id } }`, {
      id: id,
      v: await versionOf(t, 'Intake', id),
    });
    expect(firstError(result).extensions).toMatchObject({ rule: 'R9', field: 'registeredOn' });
    const read = await t.ok(`query($id: ID!) { Intake(id: $id) { registeredOn version } }`, { id });
    expect(read.Intake).toEqual({ registeredOn: '2026-09-10', version: 1 });
  });
});

test('a bulk save reports every refused row with its rule and writes none', async () => {
  const filed = await lineAt(t, 'FILED', { cityCode: '330200' });
  const approved = await lineAt(t, 'APPROVED', { cityCode: '330200' });
  const result = await t.gql(SAVE, {
    rows: [
      row(filed.planId, '330200', '2026-09-01'),
      row(approved.planId, '330200', '2026-09-01'),
      row(filed.planId, '330400', '2026-09-01'),
      row(filed.planId, '640000', '2026-09-01'),
      row(filed.planId, '330200', '2026-11-02'),
    ],
  });
  expect(firstError(result).extensions.rows.map((r: { index: number; rule: string; field: string }) => [r.index, r.rule, r.field])).toEqual([
    [1, 'R6', 'planId'],
    [2, 'R7', 'originCode'],
    [4, 'R9', 'registeredOn'],
  ]);
  expect(await count(t, 'Intake', 'Intakes', { planId: filed.planId })).toBe(0);
});
