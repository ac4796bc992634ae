import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp, type Client } from '../helpers/test-app.js';
import { cityId } from '../helpers/fixtures.js';
import { cityAdmin } from '../helpers/authorities.js';
import { FixedClock } from '../../server/src/common/clock.js';
import { MAX_SAVE_ROWS } from '../../server/src/common/resource.js';
import { lineAt, planSeats } from '../rules/rule-fixtures.js';
import { firstError, whileHealthy } from './support.js';

/**
 * 审批 and 报送 of many rows are one request each, all or none, through the rules of one row: ids out of
 * the actor's place, malformed, repeated, refused by a rule or too many refuse the whole request, every
 * refused row named with its reason, and nothing changes.
 */
let t: TestApp;
let hangzhou: Client;
const clock = new FixedClock('2026-09-01T01:00:00Z');
const adjustments: { id: string; planId: string }[] = [];
let foreignAdjustment: string;
const summaries: Record<string, { id: string; version: number }> = {};

const DECIDE = `mutation($ids: [ID!]!, $decision: AdjustmentDecision!) { decidePlanAdjustments(ids: $ids, decision: $decision) { id decision } }`;
const SUBMIT = `mutation($rows: [SummaryToSubmit!]!) { submitAnnualSummaries(rows: $rows) { id status } }`;

async function requestAdjustment(cityCode: string): Promise<{ id: string; planId: string }> {
  const { planId } = await lineAt(t, 'FILED', { cityCode, seats: 30 });
  const asked = await t.ok(`mutation($planId: ID!) { requestPlanAdjustment(planId: $planId, newSeats: 35, reason: "扩招") { id } }`, { planId });
  return { id: asked.requestPlanAdjustment.id as string, planId };
}

async function createSummary(cityCode: string, year: number, complete: boolean) {
  const created = await t.ok(
    `mutation($c: ID!, $y: Int!, $p: String, $m: String) { createAnnualSummary(cityId: $c, year: $y, problems: $p, nextYearMeasures: $m) { id version } }`,
    { c: await cityId(t, cityCode), y: year, p: '生源不足', m: complete ? '扩大宣传' : null },
  );
  return created.createAnnualSummary as { id: string; version: number };
}

const decisions = async () =>
  (await t.ok(`{ allPlanAdjustments(sortField: "id") { id decision } }`)).allPlanAdjustments.map((a: { decision: string }) => a.decision) as string[];
const submitted = async () =>
  Object.fromEntries(
    (await t.ok(`{ allAnnualSummaries(sortField: "id") { id submittedOn } }`)).allAnnualSummaries.map((s: { id: string; submittedOn: string | null }) => [
      s.id,
      s.submittedOn,
    ]),
  );

beforeAll(async () => {
  t = await createTestApp({ clock });
  for (let i = 0; i < 3; i += 1) adjustments.push(await requestAdjustment('330100'));
  foreignAdjustment = (await requestAdjustment('330200')).id;
  hangzhou = await cityAdmin(t, await cityId(t, '330100'));
  summaries.done2025 = await createSummary('330100', 2025, true);
  summaries.done2026 = await createSummary('330100', 2026, true);
  summaries.unfinished = await createSummary('330100', 2024, false);
  summaries.ningbo = await createSummary('330200', 2026, true);
});
afterAll(async () => t?.close());

describe('decidePlanAdjustments: 审批 of many requests in one request', () => {
  test('foreign, malformed, repeated and unknown ids refuse the whole request, each named with its reason', async () => {
    const [a, b] = adjustments;
    const result = await hangzhou.gql(DECIDE, { ids: [a!.id, foreignAdjustment, b!.id, 'abc', '-1', a!.id, '999999'], decision: 'APPROVED' });
    const error = firstError(result);
    expect(error.extensions.messageZh).toBe('5 行有错误，未保存任何数据');
    expect(error.extensions.rows).toEqual([
      expect.objectContaining({ index: 1, id: foreignAdjustment, code: 'FORBIDDEN' }),
      expect.objectContaining({ index: 3, id: 'abc', code: 'BAD_USER_INPUT', field: 'ids' }),
      expect.objectContaining({ index: 4, id: '-1', code: 'BAD_USER_INPUT', field: 'ids' }),
      expect.objectContaining({ index: 5, id: a!.id, code: 'BAD_USER_INPUT', message: expect.stringContaining('重复出现') }),
      expect.objectContaining({ index: 6, id: '999999', code: 'FORBIDDEN' }),
    ]);
    expect(result.data).toBeNull();
    expect(await decisions()).toEqual(['PENDING', 'PENDING', 'PENDING', 'PENDING']);
    expect(await planSeats(t, a!.planId)).toBe(30);
  });

  test('a rule refusing one row (R4: the province may not decide a city’s line) writes none of the others', async () => {
    const result = await t.gql(DECIDE, { ids: adjustments.map((a) => a.id), decision: 'APPROVED' });
    expect(firstError(result).extensions.rows).toEqual(
      adjustments.map((a, index) => expect.objectContaining({ index, id: a.id, code: 'FORBIDDEN', rule: 'R4' })),
    );
    expect(await decisions()).toEqual(['PENDING', 'PENDING', 'PENDING', 'PENDING']);
  });

  test(`more than ${MAX_SAVE_ROWS} ids, or none, are refused before any is looked at`, async () => {
    const ids = Array.from({ length: MAX_SAVE_ROWS + 1 }, () => adjustments[0]!.id);
    const tooMany = await whileHealthy(t, () => hangzhou.gql(DECIDE, { ids, decision: 'APPROVED' }));
    expect(firstError(tooMany).extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'ROW_LIMIT', field: 'ids', maximum: MAX_SAVE_ROWS });
    expect(firstError(await hangzhou.gql(DECIDE, { ids: [], decision: 'APPROVED' })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids' });
    expect(await decisions()).toEqual(['PENDING', 'PENDING', 'PENDING', 'PENDING']);
  });

  test(`${MAX_SAVE_ROWS} ids of which two exist and the rest are unknown: every unknown one is named, nothing decided`, async () => {
    const unknown = Array.from({ length: MAX_SAVE_ROWS - 2 }, (_, i) => String(500000 + i));
    const result = await whileHealthy(t, () => hangzhou.gql(DECIDE, { ids: [adjustments[0]!.id, ...unknown, adjustments[1]!.id], decision: 'REJECTED' }));
    const rows = firstError(result).extensions.rows as { index: number }[];
    expect(rows).toHaveLength(MAX_SAVE_ROWS - 2);
    expect(rows[0]).toMatchObject({ index: 1, code: 'FORBIDDEN' });
    expect(await decisions()).toEqual(['PENDING', 'PENDING', 'PENDING', 'PENDING']);
  });

  test('the line’s issuing authority decides them all at once, as one row at a time would', async () => {
    const result = await hangzhou.ok(DECIDE, { ids: adjustments.map((a) => a.id), decision: 'APPROVED' });
    expect(result.decidePlanAdjustments).toEqual(adjustments.map((a) => ({ id: a.id, decision: 'APPROVED' })));
    for (const a of adjustments) expect(await planSeats(t, a.planId)).toBe(35);
    expect(await decisions()).toEqual(['APPROVED', 'APPROVED', 'APPROVED', 'PENDING']);
    const again = await hangzhou.gql(DECIDE, { ids: [adjustments[0]!.id], decision: 'REJECTED' });
    expect(firstError(again).extensions.rows).toEqual([expect.objectContaining({ index: 0, code: 'RULE_VIOLATION', rule: 'R8', field: 'decision' })]);
  });
});

describe('submitAnnualSummaries: 报送 of many summaries in one request', () => {
  test('another city’s summary, an unfinished one, a stale version and a malformed id refuse them all', async () => {
    const before = await submitted();
    const { done2025, done2026, unfinished, ningbo } = summaries;
    const result = await hangzhou.gql(SUBMIT, {
      rows: [
        { id: done2025!.id, version: done2025!.version },
        { id: ningbo!.id, version: ningbo!.version },
        { id: unfinished!.id, version: unfinished!.version },
        { id: done2026!.id, version: done2026!.version + 1 },
        { id: 'x1', version: null },
      ],
    });
    expect(firstError(result).extensions.rows).toEqual([
      expect.objectContaining({ index: 1, id: ningbo!.id, code: 'FORBIDDEN' }),
      expect.objectContaining({ index: 2, id: unfinished!.id, code: 'RULE_VIOLATION', rule: 'R10', field: 'nextYearMeasures' }),
      expect.objectContaining({ index: 3, id: done2026!.id, code: 'CONFLICT', field: 'version' }),
      expect.objectContaining({ index: 4, id: 'x1', code: 'BAD_USER_INPUT', field: 'rows' }),
    ]);
    expect(await submitted()).toEqual(before);
  });

  test('the city’s complete summaries are submitted together', async () => {
    const { done2025, done2026 } = summaries;
    const result = await hangzhou.ok(SUBMIT, { rows: [done2025, done2026] });
    expect(result.submitAnnualSummaries).toEqual([
      { id: done2025!.id, status: 'SUBMITTED' },
      { id: done2026!.id, status: 'SUBMITTED' },
    ]);
    const after = await submitted();
    expect([after[done2025!.id], after[done2026!.id], after[summaries.unfinished!.id]]).toEqual(['2026-09-01', '2026-09-01', null]);
  });
});
