import path from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { gql, openBrowser, screenshotDir, signIn } from './browser';

const base = inject('demoUrl');
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  browser = await openBrowser();
  page = browser.page;
  page.on('pageerror', (error) => errors.push(error.message));
  await signIn(page, base);
});
afterAll(async () => {
  await browser?.close();
});

const RESOURCES = {
  Company: 'allCompanies',
  Partnership: 'allPartnerships',
  OrderClass: 'allOrderClasses',
  CrossRegionAgreement: 'allCrossRegionAgreements',
  OutreachVisit: 'allOutreachVisits',
  Incentive: 'allIncentives',
  PlanAdjustment: 'allPlanAdjustments',
  PlanTransition: 'allPlanTransitions',
  AnnualSummary: 'allAnnualSummaries',
  User: 'allUsers',
};

test.each(Object.entries(RESOURCES))('the %s sheet opens with Chinese headers over the demo rows', async (resource, query) => {
  const { count } = (await gql<Record<string, { count: number }>>(base, `{ _${query}Meta { count } }`))[`_${query}Meta`]!;
  expect(count).toBeGreaterThan(0);
  await page.goto(`${base}/#/${resource}`);
  await page.reload();
  await page.locator('.sheet .ag-root').waitFor();
  // the grid draws only the rows in view; the reference lookups (every program, say) load first
  await expect.poll(() => page.locator('.ag-grid-scrolling-container .ag-row').count(), { timeout: 15000 }).toBeGreaterThan(0);
  const headers = (await page.locator('.ag-header-cell-text').allTextContents()).filter(Boolean);
  expect(headers.length).toBeGreaterThan(2);
  expect(headers.filter((h) => !/[\u4e00-\u9fff]/.test(h))).toEqual([]);
  expect(errors).toEqual([]);
});

test('cross-region stages read as places and years, and their form edits them as a list', async () => {
  const { allCrossRegionAgreements } = await gql<{ allCrossRegionAgreements: { id: string; stages: { where: string; years: number }[] }[] }>(
    base,
    '{ allCrossRegionAgreements(sortField: "id", sortOrder: "ASC", perPage: 1) { id stages { where years } } }',
  );
  const agreement = allCrossRegionAgreements[0]!;
  const short = { PARTNER: '合作省', ZHEJIANG: '浙江', WORK: '工作' } as Record<string, string>;
  await page.goto(`${base}/#/CrossRegionAgreement?filter=${encodeURIComponent(JSON.stringify({ ids: [agreement.id] }))}`);
  await page.reload();
  await expect
    .poll(() => page.locator(`.ag-grid-scrolling-container [row-id="${agreement.id}"] [col-id="stages"]`).textContent())
    .toBe(agreement.stages.map((s) => `${short[s.where]}${s.years}`).join('+'));
  await page.goto(`${base}/#/CrossRegionAgreement/${agreement.id}`);
  await expect.poll(() => page.locator('.RaSimpleFormIterator-line').count()).toBe(agreement.stages.length);
  await page.screenshot({ path: path.join(screenshotDir, 'cross-region-form.png'), fullPage: true });
});
