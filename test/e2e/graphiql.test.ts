import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser } from './browser';

const base = inject('adminUrl');
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
const elsewhere: string[] = [];

beforeAll(async () => {
  browser = await openBrowser();
  page = browser.page;
  page.on('request', (request) => {
    if (!request.url().startsWith(base)) elsewhere.push(request.url());
  });
  await page.goto(`${base}/graphiql`);
  await page.locator('.graphiql-container').waitFor();
});
afterAll(async () => {
  await browser.close();
});

test('GraphiQL comes from our own build with a tab per analyst query and question', async () => {
  await expect.poll(() => page.locator('.graphiql-tab').count()).toBe(16);
  const titles = (await page.locator('.graphiql-tab-button').allTextContents()).map((t) => t.trim());
  expect(titles).toEqual([
    'Login',
    'CampaignProgress',
    'LevelMix',
    'SourceMix',
    'PartnershipStats',
    'CityRanking',
    // the ten analyst questions, each one grouped query
    'LevelShareByCityAndYear',
    'CrossRegionByPartnerProvince',
    'OrderClassSeatsByIndustry',
    'IntakesByMajorCategoryAndCity',
    'OutOfProvinceOrigins',
    'TargetGroupsByYear',
    'PlanSeatsByCityAndStatus',
    'SchoolsUnder100',
    'ProvincialSchoolsByLevel',
    'StudyModeByCity',
  ]);
  expect(elsewhere).toEqual([]);
});

test('a refused sign-in shows its error and leaves nothing to export', async () => {
  await page.locator('.graphiql-tab-button').first().click();
  await page.locator('.graphiql-editor-tool .monaco-editor').first().click();
  await page.keyboard.type('{"username": "nobody", "password": "wrong-password"');
  await page.click('.graphiql-execute-button');
  await expect.poll(() => page.locator('.graphiql-response').textContent(), { timeout: 30000 }).toContain('UNAUTHENTICATED');
  await expect(page.locator('button[aria-label^="导出 CSV"]').isDisabled()).resolves.toBe(true);
});
