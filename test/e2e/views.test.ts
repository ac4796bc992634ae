import path from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { gql, openBrowser, screenshotDir, screenshotWholePage, signIn } from './browser';

const base = inject('demoUrl');
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
  page = browser.page;
  page.on('pageerror', (error) => console.error('[browser]', error.message));
  await signIn(page, base);
});
afterAll(async () => {
  await browser?.close();
});

const n = (value: number) => value.toLocaleString('en-US');
const pct = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
const thisYear = Number(new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' }).slice(0, 4));
/** a year still to come reads 未开始, not a red 0.0 % */
const completion = (year: number, rate: number | null) => (year > thisYear ? '未开始' : pct(rate));

test('the task table shows campaignProgress: every city and year, the province totals and the five-year cumulative', async () => {
  type Row = { year: number; cityCode: string; target: number; planned: number; enrolled: number; completionRate: number | null };
  const { campaignProgress } = await gql<{ campaignProgress: { rows: Row[]; cumulative: { target: number; enrolled: number; completionRate: number } } }>(
    base,
    '{ campaignProgress { rows { year cityCode target planned enrolled completionRate } cumulative { target enrolled completionRate } } }',
  );
  await page.goto(`${base}/#/task-table`);
  await page.locator('.task-table table').waitFor();
  await expect.poll(() => page.locator('.task-table tbody tr').count()).toBe(12);
  const cells = async (code: string) => (await page.locator(`.task-table tr[data-city="${code}"] td`).allInnerTexts()).slice(1);
  const expected = (code: string) =>
    [2023, 2024, 2025, 2026, 2027].flatMap((year) => {
      const r = campaignProgress.rows.find((x) => x.cityCode === code && x.year === year)!;
      return [n(r.target), n(r.planned), n(r.enrolled), completion(year, r.completionRate)];
    });
  const { cumulative } = campaignProgress;
  expect(await cells('330000')).toEqual([...expected('330000'), n(cumulative.target), n(cumulative.enrolled), pct(cumulative.completionRate)]);
  expect(cumulative.target).toBe(600000);
  expect((await cells('330100')).slice(0, 20)).toEqual(expected('330100'));
  await page.screenshot({ path: path.join(screenshotDir, 'task-table.png'), fullPage: true });
});

test('the province admin edits a target in the task table', async () => {
  await page.getByRole('button', { name: '修改任务数' }).click();
  const input = page.locator('input[data-cell="舟山市-2027"]');
  const before = Number(await input.inputValue());
  await input.fill(String(before + 10));
  await page.getByRole('button', { name: '保存' }).click();
  await expect
    .poll(
      async () =>
        (await gql<{ allCampaignTargets: { seats: number }[] }>(base, '{ allCampaignTargets(filter: { year: 2027, q: "舟山" }) { seats } }'))
          .allCampaignTargets[0]!.seats,
    )
    .toBe(before + 10);
  await page.getByRole('button', { name: '修改任务数' }).click();
  await input.fill(String(before));
  await page.getByRole('button', { name: '保存' }).click();
  await expect.poll(() => page.getByRole('button', { name: '修改任务数' }).count()).toBe(1);
});

test('the dashboard draws every chart from the analyst queries', async () => {
  type Rank = { rank: number; cityName: string; completionRate: number | null };
  const { cityRanking } = await gql<{ cityRanking: Rank[] }>(base, '{ cityRanking(year: 2025) { rank cityName completionRate } }');
  await page.goto(`${base}/#/`);
  await page.getByRole('button', { name: '2025' }).click();
  for (const chart of ['progress', 'levels', 'by-city', 'partnerships']) await page.locator(`.chart-${chart} .recharts-bar-rectangle`).first().waitFor();
  await page.locator('.chart-sources .recharts-pie-sector').first().waitFor();
  await expect.poll(() => page.locator('.chart-ranking tbody tr').count()).toBe(11);
  const first = await page.locator('.chart-ranking tbody tr').first().locator('td').allInnerTexts();
  expect([first[0], first[1], first[4]]).toEqual([String(cityRanking[0]!.rank), cityRanking[0]!.cityName, pct(cityRanking[0]!.completionRate)]);
  // 在校学生 at the end of 2025: the province and every city with a 2020 base, as studentPopulation answers
  type Population = { key: string; students: number; baseline: number | null; ratio: number | null };
  const { studentPopulation } = await gql<{ studentPopulation: Population[] }>(base, '{ studentPopulation(on: "2025-12-31") { key students baseline ratio } }');
  expect(studentPopulation[0]!.key).toBe('330000');
  expect(studentPopulation.length).toBe(12);
  const shown = await page.locator('.chart-population tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key')));
  expect(shown).toEqual(studentPopulation.map((r) => r.key));
  for (const r of studentPopulation) {
    const cells = (await page.locator(`.chart-population tr[data-key="${r.key}"] td`).allInnerTexts()).slice(1);
    expect(cells).toEqual([n(r.students), r.baseline === null ? '—' : n(r.baseline), pct(r.ratio), r.ratio === null ? '—' : pct(r.ratio / 2)]);
  }
  await page.waitForTimeout(800);
  await screenshotWholePage(page, 'dashboard.png');
});

test('the duplicate report lists the ID numbers on two rolls from the menu, as the API returns them', async () => {
  type Group = { count: number; students: { id: string; name: string; idNumber: string; school: { name: string } }[] };
  const { duplicateStudents } = await gql<{ duplicateStudents: Group[] }>(
    base,
    '{ duplicateStudents(limit: 500) { count students { id name idNumber school { name } } } }',
  );
  expect(duplicateStudents.length).toBeGreaterThan(0);
  await page.locator('.RaSidebar-fixed a[href="#/duplicate-students"]').click();
  await page.locator('.duplicates [data-state="ready"]').waitFor();
  await page.getByRole('button', { name: '最多 500 组' }).click();
  await expect.poll(() => page.locator('.duplicates .MuiCardHeader-title').textContent()).toContain(`（${duplicateStudents.length} 组）`);
  for (const [g, group] of duplicateStudents.entries()) {
    const rows = page.locator(`.duplicates tr[data-group="${g + 1}"]`);
    expect(await rows.count()).toBe(group.students.length);
    const first = await rows.first().locator('td').allInnerTexts();
    expect(first.slice(0, 5)).toEqual([
      String(g + 1),
      group.students[0]!.idNumber,
      String(group.count),
      group.students[0]!.name,
      group.students[0]!.school.name,
    ]);
    // the group's own cells span its rows: a student's name is the sixth cell from the end of each
    expect(await rows.locator('td:nth-last-child(6)').allInnerTexts()).toEqual(group.students.map((s) => s.name));
  }
  await page.mouse.move(0, 0);
  await page.waitForTimeout(800); // the button's ripple
  await screenshotWholePage(page, 'duplicates.png');
  // a record opens in the student sheet's form
  await page.locator('.duplicates tr[data-group="1"] a').first().click();
  await page.waitForURL((url) => url.hash === `#/Student/${duplicateStudents[0]!.students[0]!.id}`);
});

test('a part that fails shows its error in place, one the server never answers stops spinning, the rest is drawn', { timeout: 120000 }, async () => {
  // studentPopulation refused; levelMix held unanswered
  await page.route('**/graphql', async (route) => {
    const operation = (route.request().postDataJSON() as { operationName?: string } | null)?.operationName;
    if (operation === 'DashboardPopulation') {
      await route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ data: null, errors: [{ message: '模拟故障 (simulated failure)', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }),
      });
    } else if (operation !== 'DashboardLevels') await route.fallback();
  });
  try {
    await page.goto(`${base}/#/`);
    await page.reload();
    await page.locator('.chart-population[data-state="error"]').waitFor();
    expect(await page.locator('.chart-population .MuiAlert-message').textContent()).toContain('模拟故障');
    for (const chart of ['progress', 'by-city', 'partnerships'])
      await page.locator(`.chart-${chart}[data-state="ready"] .recharts-bar-rectangle`).first().waitFor();
    expect(await page.locator('.chart-levels').getAttribute('data-state')).toBe('loading');
    // 30 s without an answer: said so in place of the spinner
    await page.locator('.chart-levels[data-state="error"]').waitFor({ timeout: 60000 });
    expect(await page.locator('.chart-levels .MuiAlert-message').textContent()).toContain('30 秒内未应答');
    expect(await page.locator('.dashboard [data-state="loading"], .dashboard .MuiCircularProgress-root').count()).toBe(0);
    await screenshotWholePage(page, 'dashboard-failed-parts.png');
  } finally {
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  }
});
