import path from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { apiToken, gql, openBrowser, screenshotDir, signIn } from './browser';

const base = inject('demoUrl');
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

type Score = {
  rank: number;
  cityCode: string;
  cityName: string;
  score: number;
  breakdown: Array<{ criterion: string; weight: number; attainment: number; points: number }>;
};
const SCORES = '{ cityScores(year: 2025) { rank cityCode cityName score breakdown { criterion weight attainment points } } }';
const points = (value: number) => value.toFixed(2);
const pct = (value: number) => `${(value * 100).toFixed(1)}%`;

beforeAll(async () => {
  browser = await openBrowser();
  page = browser.page;
  page.on('pageerror', (error) => console.error('[browser]', error.message));
  const { allCities } = await gql<{ allCities: { id: string }[] }>(base, '{ allCities(filter: { code: "330200" }) { id } }');
  await gql(
    base,
    'mutation($c: ID!, $p: String!) { createUser(username: "ningbo.scores", displayName: "宁波市局", role: CITY_ADMIN, cityId: $c, password: $p) { id } }',
    { c: allCities[0]!.id, p: 'Ningbo-2025-score' },
  );
});
afterAll(async () => {
  await browser?.close();
});

/** Opens the dashboard on 2025 and waits for the score card to be drawn. */
async function scoreCard() {
  await page.goto(`${base}/#/`);
  await page.getByRole('button', { name: '2025' }).click({ timeout: 120000 });
  const card = page.locator('.chart-scores');
  await expect.poll(() => card.getAttribute('data-state'), { timeout: 60000 }).toBe('ready');
  return card;
}

test('the province sees every city’s score with the points of each weighted criterion, as cityScores says', async () => {
  await signIn(page, base);
  const { cityScores } = await gql<{ cityScores: Score[] }>(base, SCORES);
  expect(cityScores).toHaveLength(11);
  const card = await scoreCard();
  await expect.poll(() => card.locator('tbody tr').count()).toBe(11);
  const header = await card.locator('thead th').allInnerTexts();
  expect(header.slice(0, 3)).toEqual(['名次', '设区市', '得分']);
  expect(header.slice(3)).toEqual(cityScores[0]!.breakdown.map((p) => expect.stringContaining(`(${p.weight})`)));
  for (const s of [cityScores[0]!, cityScores[10]!]) {
    const cells = await card.locator(`tr[data-city="${s.cityCode}"] td`).allInnerTexts();
    expect(cells).toEqual([String(s.rank), s.cityName, points(s.score), ...s.breakdown.map((p) => points(p.points))]);
  }
  // the demo register has cases; a city with one still open in 2025 would lose points, and no city is above 100
  expect(cityScores.every((s) => s.score > 0 && s.score <= 100)).toBe(true);
  await page.waitForTimeout(500);
  await card.screenshot({ path: path.join(screenshotDir, 'scores.png') });
});

test('a city bureau sees its own score criterion by criterion, and no other city', async () => {
  await signIn(page, base, 'ningbo.scores', 'Ningbo-2025-score');
  const token = await apiToken(base, 'ningbo.scores', 'Ningbo-2025-score');
  const { cityScores } = await gql<{ cityScores: Score[] }>(base, SCORES, {}, token);
  expect(cityScores.map((s) => s.cityCode)).toEqual(['330200']);
  const own = cityScores[0]!;
  const card = await scoreCard();
  expect(await card.locator('.MuiCardHeader-title').innerText()).toBe(`2025年绩效考核：宁波市 ${points(own.score)} 分，全省第 ${own.rank} 名`);
  for (const part of own.breakdown) {
    const cells = await card.locator(`tr[data-criterion="${part.criterion}"] td`).allInnerTexts();
    expect(cells.slice(1)).toEqual([String(part.weight), pct(part.attainment), points(part.points)]);
  }
  expect((await card.locator('tr[data-criterion="TOTAL"] td').allInnerTexts()).at(-1)).toBe(points(own.score));
  expect(await page.locator('.chart-ranking').count()).toBe(0);
  expect(await card.getByText('杭州市').count()).toBe(0);
  await page.waitForTimeout(500);
  await card.screenshot({ path: path.join(screenshotDir, 'city-scores.png') });
});
