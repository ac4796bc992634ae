import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { apiToken, gql, openBrowser, screenshotDir, signIn } from './browser';
import { gridCell, gridRow, n, openSheet, scrollToRow, shiftClickCell, startGeneratedProvince } from './sheet-page';

/**
 * Ctrl+C over rows not loaded, and 审批 / 报送 of a tick-all selection as one all-or-nothing request.
 * A generated province (some 1,300 intakes) on a server of its own, since the steps change its rows.
 */
const ADMIN = { username: 'admin', password: 'E2e-copy-steps-2024' };
const SIZE = { schools: 11, programsPerSchool: 12, intakesPerLine: 2 };
const ADJUSTMENTS = 120;

let server: Awaited<ReturnType<typeof startGeneratedProvince>>;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let base: string;
let token: string;
/** operation names of the GraphQL requests the page sent */
const operations: string[] = [];

const cell = (index: number, col: string) => gridCell(page, index, col);
const tickAll = () => page.getByTestId('sheet-tick-all');
const notices = () => page.locator('.MuiSnackbar-root').allTextContents();
const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
const api = <T>(query: string, variables: Record<string, unknown> = {}) => gql<T>(base, query, variables, token);

type Intake = { id: string; count: number };
const intakes = async (filter: Record<string, unknown> = {}) =>
  (
    await api<{ allIntakes: Intake[] }>('query($f: IntakeFilter) { allIntakes(filter: $f, sortField: "id", sortOrder: "ASC", perPage: 10000) { id count } }', {
      f: filter,
    })
  ).allIntakes;

const decisions = async () =>
  (await api<{ allPlanAdjustments: { id: string; decision: string }[] }>('{ allPlanAdjustments(sortField: "id", perPage: 1000) { id decision } }'))
    .allPlanAdjustments;

const submitted = async () =>
  (await api<{ allAnnualSummaries: { id: string; submittedOn: string | null }[] }>('{ allAnnualSummaries(sortField: "id", perPage: 1000) { id submittedOn } }'))
    .allAnnualSummaries;

beforeAll(async () => {
  server = await startGeneratedProvince('zj-e2e-copy-steps-', SIZE, ADMIN);
  base = server.base;
  token = await apiToken(base, ADMIN.username, ADMIN.password);
  browser = await openBrowser();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  page = browser.page;
  page.on('pageerror', (error) => console.error('[browser]', error.message));
  // 重新加载 over rows marked by a refusal asks first
  page.on('dialog', (dialog) => void dialog.accept());
  page.on('request', (request) => {
    const body = request.postDataJSON() as { operationName?: string } | null;
    if (body?.operationName) operations.push(body.operationName);
  });
  await signIn(page, base, ADMIN.username, ADMIN.password);
}, 300000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('Ctrl+C over rows not loaded', () => {
  test('a range reaching past the loaded blocks is read first and copied whole', async () => {
    const all = await intakes();
    expect(all.length).toBeGreaterThan(1100);
    await openSheet(page, base, 'Intake', 'count');
    await cell(0, 'count').click();
    await scrollToRow(page, 450, 'count');
    await shiftClickCell(page, 450, 'count');
    await page.keyboard.press('Control+c');
    await expect.poll(notices, { timeout: 30000 }).toContain('已读取并复制 451 行');
    expect((await clipboard()).split('\n')).toEqual(all.slice(0, 451).map((intake) => n(intake.count)));

    // more rows than one save takes: refused with the reason, the clipboard left as it was
    await scrollToRow(page, 0, 'count');
    await cell(0, 'count').click();
    await scrollToRow(page, 1100, 'count');
    await shiftClickCell(page, 1100, 'count');
    await page.keyboard.press('Control+c');
    await expect.poll(notices, { timeout: 30000 }).toContain('选区有 1,101 行，一次最多复制 1,000 行（与一次保存的上限相同）；请分批选择复制');
    expect((await clipboard()).split('\n')).toHaveLength(451);
  });

  test('with every row ticked by the header box, Ctrl+C copies each ticked row, loaded or not', async () => {
    const filter = { year: 2023 };
    const ticked = await intakes(filter);
    expect(ticked.length).toBeGreaterThan(100);
    expect(ticked.length).toBeLessThanOrEqual(1000);
    await openSheet(page, base, 'Intake', 'count', filter);
    await tickAll().click();
    await cell(0, 'count').click();
    await page.keyboard.press('Control+c');
    await expect.poll(notices, { timeout: 30000 }).toContain(`已读取并复制 ${ticked.length} 行`);
    const lines = (await clipboard()).split('\n').map((line) => line.split('\t'));
    expect(lines).toHaveLength(ticked.length);
    // the shown columns in their order: 计划 (its name), 人数, 生源类别, 生源地, 报到日期
    expect(lines.every((cells) => cells.length === 5)).toBe(true);
    expect(lines.map((cells) => cells[1])).toEqual(ticked.map((intake) => n(intake.count)));
    expect(lines[0]![0]).toMatch(/·2023/);
  });
});

describe('审批 and 报送 of a tick-all selection: one request, all or none', () => {
  test('审批 of 120 requests: refused whole when one was decided meanwhile, then all at once', async () => {
    const { allEnrollmentPlans } = await api<{ allEnrollmentPlans: { id: string; seats: number; issuerCode: string }[] }>(
      '{ allEnrollmentPlans(sortField: "id", perPage: 10000) { id seats issuerCode } }',
    );
    // the lines the province issues (its provincial colleges), which the province admin decides (R4)
    const lines = allEnrollmentPlans.filter((plan) => plan.issuerCode === '330000').slice(0, ADJUSTMENTS);
    expect(lines).toHaveLength(ADJUSTMENTS);
    for (const line of lines) {
      await api('mutation($p: ID!, $s: Int!) { requestPlanAdjustment(planId: $p, newSeats: $s, reason: "扩招") { id } }', { p: line.id, s: line.seats + 1000 });
    }
    const requested = await decisions();
    expect(requested).toHaveLength(ADJUSTMENTS);

    await openSheet(page, base, 'PlanAdjustment', 'newSeats');
    await tickAll().click();
    await expect.poll(() => page.locator('.sheet-ticked').textContent()).toBe(`已选 ${ADJUSTMENTS} 行`);
    await page.getByTestId('adjustment-decide').click();
    await page.getByRole('dialog').waitFor();
    // someone decides one of them while the dialog is open
    const decidedMeanwhile = requested[110]!.id;
    await api('mutation($id: ID!) { decidePlanAdjustment(id: $id, decision: REJECTED) { id } }', { id: decidedMeanwhile });
    operations.length = 0;
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await expect.poll(() => page.getByText('1 行有错误，未保存任何数据').count(), { timeout: 30000 }).toBeGreaterThan(0);
    expect(operations.filter((name) => name.startsWith('DecidePlanAdjustment'))).toEqual(['DecidePlanAdjustments']);
    expect((await decisions()).filter((d) => d.decision === 'PENDING')).toHaveLength(ADJUSTMENTS - 1);
    // the refused row, not loaded yet, is marked with the reason below the sheet and on its row
    await expect.poll(() => page.locator('.sheet-problems').textContent(), { timeout: 30000 }).toMatch(/计划调整 \d+ 已于 \S+ 驳回/);
    await scrollToRow(page, 110, 'newSeats');
    await expect.poll(() => gridRow(page, 110).getAttribute('class')).toContain('sheet-row-error');
    await page.screenshot({ path: path.join(screenshotDir, 'sheet-decide-refused.png') });

    // 重新加载, tick all again: the pending ones are decided in one request
    await page.getByRole('button', { name: '重新加载' }).click();
    await tickAll().click();
    operations.length = 0;
    await page.getByTestId('adjustment-decide').click();
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await expect.poll(() => page.getByText(`已审批 ${ADJUSTMENTS - 1} 项申请`).count(), { timeout: 30000 }).toBeGreaterThan(0);
    expect(operations.filter((name) => name.startsWith('DecidePlanAdjustment'))).toEqual(['DecidePlanAdjustments']);
    const after = await decisions();
    expect(after.filter((d) => d.decision === 'APPROVED')).toHaveLength(ADJUSTMENTS - 1);
    expect(after.find((d) => d.id === decidedMeanwhile)?.decision).toBe('REJECTED');
    const { EnrollmentPlan } = await api<{ EnrollmentPlan: { seats: number } }>('query($id: ID!) { EnrollmentPlan(id: $id) { seats } }', { id: lines[0]!.id });
    expect(EnrollmentPlan.seats).toBe(lines[0]!.seats + 1000);
  });

  test('报送 of every summary: one unfinished refuses them all; without it they go together', async () => {
    const { allCities } = await api<{ allCities: { id: string; code: string }[] }>('{ allCities(sortField: "code") { id code } }');
    for (const city of allCities) {
      for (const year of [2024, 2025]) {
        await api('mutation($c: ID!, $y: Int!, $m: String) { createAnnualSummary(cityId: $c, year: $y, problems: "生源不足", nextYearMeasures: $m) { id } }', {
          c: city.id,
          y: year,
          // one summary lacks its measures (R10)
          m: city.code === '330500' && year === 2025 ? null : '扩大宣传',
        });
      }
    }
    const summaries = await submitted();
    expect(summaries).toHaveLength(allCities.length * 2);
    await openSheet(page, base, 'AnnualSummary', 'year');
    await tickAll().click();
    operations.length = 0;
    await page.getByTestId('summary-submit').click();
    await expect.poll(notices, { timeout: 30000 }).toContain('1 行有错误，未保存任何数据');
    expect(operations.filter((name) => name.startsWith('SubmitAnnualSummar'))).toEqual(['SubmitAnnualSummaries']);
    expect((await submitted()).every((s) => s.submittedOn === null)).toBe(true);
    await expect.poll(() => page.locator('.sheet-problems').textContent()).toMatch(/报送前请填写“下一年度工作举措”/);

    // the unfinished one unticked: the others are submitted in one request
    const refused = page.locator('.ag-grid-scrolling-container .sheet-row-error');
    await expect.poll(() => refused.count()).toBe(1);
    await refused.locator('[col-id="__row"] input').click();
    await expect.poll(() => page.locator('.sheet-ticked').textContent()).toBe(`已选 ${summaries.length - 1} 行`);
    operations.length = 0;
    await page.getByTestId('summary-submit').click();
    await expect.poll(notices, { timeout: 30000 }).toContain(`已报送 ${summaries.length - 1} 份总结`);
    expect(operations.filter((name) => name.startsWith('SubmitAnnualSummar'))).toEqual(['SubmitAnnualSummaries']);
    expect((await submitted()).filter((s) => s.submittedOn !== null)).toHaveLength(summaries.length - 1);
  });
});
