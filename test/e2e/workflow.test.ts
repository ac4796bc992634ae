import path from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { gql, openBrowser, screenshotDir, signIn } from './browser';

const base = inject('demoUrl');
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let plan: { id: string; schoolId: string; programId: string; year: number };

const statusOf = async () =>
  (await gql<{ EnrollmentPlan: { status: string } }>(base, 'query($id: ID!) { EnrollmentPlan(id: $id) { status } }', { id: plan.id })).EnrollmentPlan.status;

/** The sheet filtered to the line's school, program and year; the line's row ticked. */
async function tickPlanRow() {
  const filter = { schoolId: plan.schoolId, programId: plan.programId, year: plan.year };
  await page.goto(`${base}/#/EnrollmentPlan?filter=${encodeURIComponent(JSON.stringify(filter))}`);
  await page.reload();
  await page.locator(`.ag-grid-scrolling-container [row-id="${plan.id}"]`).waitFor();
  await page.locator(`[row-id="${plan.id}"] [col-id="__row"] input`).first().check();
}

beforeAll(async () => {
  browser = await openBrowser();
  page = browser.page;
  page.on('pageerror', (error) => console.error('[browser]', error.message));
  const { allEnrollmentPlans } = await gql<{ allEnrollmentPlans: (typeof plan)[] }>(
    base,
    '{ allEnrollmentPlans(filter: { status: DRAFT, provincial: true }, sortField: "id", sortOrder: "ASC", perPage: 1) { id schoolId programId year } }',
  );
  plan = allEnrollmentPlans[0]!;
  await signIn(page, base);
});
afterAll(async () => {
  await browser?.close();
});

test('submitting ticked plan lines moves them to SUBMITTED', async () => {
  await tickPlanRow();
  await page.getByTestId('workflow-submit').click();
  await expect.poll(statusOf).toBe('SUBMITTED');
  await expect.poll(() => page.locator(`.ag-grid-scrolling-container [row-id="${plan.id}"] [col-id="status"]`).textContent()).toBe('已提交');
});

test('returning asks for a reason, which the plan’s transitions keep', async () => {
  await tickPlanRow();
  await page.getByTestId('workflow-return').click();
  await page.getByTestId('dialog-text').fill('专业备案材料不全');
  await page.getByRole('dialog').getByRole('button', { name: '退回' }).click();
  await expect.poll(statusOf).toBe('DRAFT');
  const { EnrollmentPlan } = await gql<{ EnrollmentPlan: { transitions: { step: string; reason: string | null }[] } }>(
    base,
    'query($id: ID!) { EnrollmentPlan(id: $id) { transitions { step reason } } }',
    { id: plan.id },
  );
  expect(EnrollmentPlan.transitions.slice(-2)).toEqual([
    { step: 'SUBMIT', reason: null },
    { step: 'RETURN', reason: '专业备案材料不全' },
  ]);
});

test('a refused step shows the server’s reason on the row and changes nothing', async () => {
  await tickPlanRow();
  await page.getByTestId('workflow-file').click();
  await expect.poll(() => page.locator(`.ag-grid-scrolling-container [row-id="${plan.id}"].sheet-row-error`).count()).toBe(1);
  const problems = await page.locator('.sheet-problems').innerText();
  expect(problems).toMatch(/^第 \d+ 行：/);
  expect(problems).not.toMatch(/\(.*[a-z].*\)$/);
  expect(await statusOf()).toBe('DRAFT');
  await page.screenshot({ path: path.join(screenshotDir, 'plan-workflow.png') });
});
