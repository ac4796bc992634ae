import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { apiToken, gql, openBrowser, screenshotDir, signIn } from './browser';
import { gridCell, n, openSheet, recordBlocks, rowIdAt, startGeneratedProvince } from './sheet-page';

/**
 * Sheets read from the server in blocks: a generated province (the benchmark's generator at a small
 * size, about 1,300 intakes) on a server of its own, so the other browser tests keep their data.
 */
const ADMIN = { username: 'admin', password: 'E2e-paging-2024' };
const CITY_ADMIN = { username: 'paging.city', password: 'Paging-city-2024' };
const SIZE = { schools: 11, programsPerSchool: 2, intakesPerLine: 12 };

let server: Awaited<ReturnType<typeof startGeneratedProvince>>;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let base: string;
/** the blocks the sheet asked for: page and perPage of each `SheetRows` request */
let blocks: { page: number; perPage: number }[];

const cell = (index: number, col: string) => gridCell(page, index, col);
const totalsCell = (col: string) => page.locator(`.sheet-totals [col-id="${col}"]`);
const rowId = (index: number) => rowIdAt(page, index);

type Figures = { count: number; sum: { count: number } }[];
const intakeFigures = async (token: string, filter: Record<string, unknown> = {}) =>
  (await gql<{ aggregateIntakes: Figures }>(base, 'query($f: IntakeFilter) { aggregateIntakes(filter: $f) { count sum { count } } }', { f: filter }, token))
    .aggregateIntakes[0]!;

async function firstIntake(token: string, sortField: string, sortOrder: string, page_ = 0) {
  const { allIntakes } = await gql<{ allIntakes: { id: string; count: number }[] }>(
    base,
    'query($f: String, $o: String, $p: Int) { allIntakes(sortField: $f, sortOrder: $o, page: $p, perPage: 1) { id count } }',
    { f: sortField, o: sortOrder, p: page_ },
    token,
  );
  return allIntakes[0]!;
}

const openIntakes = (filter: Record<string, unknown> = {}) => openSheet(page, base, 'Intake', 'count', filter);

beforeAll(async () => {
  server = await startGeneratedProvince('zj-e2e-paging-', SIZE, ADMIN);
  base = server.base;
  const token = await apiToken(base, ADMIN.username, ADMIN.password);
  // the city admin of the city with the most intakes
  const { aggregateIntakes } = await gql<{ aggregateIntakes: { key: { planSchoolCity: { id: string } } }[] }>(
    base,
    '{ aggregateIntakes(groupBy: [PLAN_SCHOOL_CITY], orderBy: [{ field: ROWS, direction: DESC }], limit: 1) { key { planSchoolCity { id } } } }',
    {},
    token,
  );
  await gql(
    base,
    'mutation($c: ID!, $u: String!, $p: String!) { createUser(username: $u, displayName: "市局", role: CITY_ADMIN, cityId: $c, password: $p) { id } }',
    { c: aggregateIntakes[0]!.key.planSchoolCity.id, u: CITY_ADMIN.username, p: CITY_ADMIN.password },
    token,
  );
  browser = await openBrowser();
  page = browser.page;
  page.on('pageerror', (error) => console.error('[browser]', error.message));
  page.on('dialog', (dialog) => void dialog.accept());
  blocks = recordBlocks(page);
}, 300000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a sheet larger than one block', () => {
  test('shows the server’s count and totals, loads later rows on scrolling, and sorts and filters on the server', async () => {
    await signIn(page, base, ADMIN.username, ADMIN.password);
    const token = await apiToken(base, ADMIN.username, ADMIN.password);
    const all = await intakeFigures(token);
    expect(all.count).toBeGreaterThan(1000);
    await openIntakes();
    await expect.poll(() => page.locator('.sheet-row-count').textContent()).toBe(`共 ${n(all.count)} 行`);
    await expect.poll(() => totalsCell('count').textContent()).toBe(n(all.sum.count));
    // only the first blocks are read at first; the last row comes when the sheet scrolls to it
    expect(await rowId(0)).toBe((await firstIntake(token, 'id', 'ASC')).id);
    const lastBlock = Math.floor((all.count - 1) / 100);
    expect(blocks.every((b) => b.perPage === 100)).toBe(true);
    expect(blocks.some((b) => b.page === lastBlock)).toBe(false);
    await page.locator('.sheet-grid .ag-grid-viewport').evaluate((viewport) => (viewport.scrollTop = viewport.scrollHeight));
    const last = await firstIntake(token, 'id', 'ASC', all.count - 1);
    await expect.poll(() => rowId(all.count - 1), { timeout: 30000 }).toBe(last.id);
    expect(await cell(all.count - 1, 'count').textContent()).toBe(n(last.count));
    expect(await cell(all.count - 1, '__row').textContent()).toBe(n(all.count));
    expect(blocks.some((b) => b.page === lastBlock)).toBe(true);
    // a jump reads the blocks it lands on, nothing ahead of them and nothing it passed over
    expect(blocks.filter((b) => b.page > 0 && b.page < lastBlock - 1)).toEqual([]);
    await page.locator('.sheet-grid .ag-grid-viewport').evaluate((viewport) => (viewport.scrollTop = 0));

    // a column header sorts on the server: the first row becomes the server's first in that order
    const largest = await firstIntake(token, 'count', 'DESC');
    await page.locator('.ag-header-cell[col-id="count"] .ag-header-cell-label').click();
    await page.locator('.ag-header-cell[col-id="count"] .ag-header-cell-label').click();
    await expect.poll(() => cell(0, 'count').textContent(), { timeout: 30000 }).toBe(n(largest.count));
    expect(await rowId(0)).not.toBe((await firstIntake(token, 'id', 'ASC')).id);

    // the filter above the sheet goes to the server, and so do the count and totals
    const year = await intakeFigures(token, { year: 2025 });
    expect(year.count).toBeLessThan(all.count);
    await openIntakes({ year: 2025 });
    await expect.poll(() => page.locator('.sheet-row-count').textContent()).toBe(`共 ${n(year.count)} 行`);
    await expect.poll(() => totalsCell('count').textContent()).toBe(n(year.sum.count));
  });

  test('scrolling reads the blocks ahead of the view, so their rows are drawn once, with their data', async () => {
    await signIn(page, base, ADMIN.username, ADMIN.password);
    await openIntakes();
    // rows drawn while they have no data yet (no row-id), by their position
    await page.evaluate(() => {
      const empty: number[] = [];
      (window as unknown as { emptyRows: number[] }).emptyRows = empty;
      new MutationObserver((records) => {
        for (const record of records)
          for (const added of Array.from(record.addedNodes))
            if (added instanceof HTMLElement && added.classList.contains('ag-row') && !added.getAttribute('row-id'))
              empty.push(Number(added.getAttribute('row-index')));
      }).observe(document.querySelector('.sheet-grid .ag-grid-scrolling-container')!, { childList: true });
    });
    blocks.length = 0;
    // down to row 300, ten rows (300 px) a step, as a wheel turned briskly
    for (let step = 1; step <= 30; step++) {
      await page.locator('.sheet-grid .ag-grid-viewport').evaluate((viewport, top) => (viewport.scrollTop = top), step * 300);
      await page.waitForTimeout(100);
    }
    await expect.poll(() => rowId(300), { timeout: 30000 }).toMatch(/\d/);
    // blocks 1 to 3 were read before their rows came into view: none of their rows was drawn empty
    expect(blocks.map((b) => b.page)).toEqual(expect.arrayContaining([1, 2, 3]));
    expect(await page.evaluate(() => (window as unknown as { emptyRows: number[] }).emptyRows)).toEqual([]);
    // each block once
    expect(new Set(blocks.map((b) => b.page)).size).toBe(blocks.length);
  });

  test('an edited row keeps its edit when its block is read again, and the totals move by it', async () => {
    const token = await apiToken(base, ADMIN.username, ADMIN.password);
    const all = await intakeFigures(token);
    await openIntakes();
    await expect.poll(() => totalsCell('count').textContent()).toBe(n(all.sum.count));
    const id = await rowId(0);
    const before = Number((await cell(0, 'count').textContent())!.replace(/,/g, ''));
    await cell(0, 'count').dblclick();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(String(before + 1));
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(0, 'count').getAttribute('class')).toContain('sheet-changed');
    await expect.poll(() => totalsCell('count').textContent()).toBe(n(all.sum.count + 1));
    // sorting reads every block again (descending, then back to the default order)
    for (let click = 0; click < 3; click++) await page.locator('.ag-header-cell[col-id="registeredOn"] .ag-header-cell-label').click();
    await expect.poll(() => rowId(0), { timeout: 30000 }).toBe(id);
    await expect.poll(() => cell(0, 'count').textContent()).toBe(n(before + 1));
    expect(await cell(0, 'count').getAttribute('class')).toContain('sheet-changed');
    // 重新加载 asks, then drops the edit
    await page.getByRole('button', { name: '重新加载' }).click();
    await expect.poll(() => cell(0, 'count').textContent(), { timeout: 30000 }).toBe(n(before));
    await expect.poll(() => totalsCell('count').textContent()).toBe(n(all.sum.count));
  });

  test('a city admin’s 招生实绩 counts and sums its city only, as the server does', async () => {
    const token = await apiToken(base, CITY_ADMIN.username, CITY_ADMIN.password);
    const city = await intakeFigures(token);
    const all = await intakeFigures(await apiToken(base, ADMIN.username, ADMIN.password));
    expect(city.count).toBeGreaterThan(100);
    expect(city.count).toBeLessThan(all.count);
    await signIn(page, base, CITY_ADMIN.username, CITY_ADMIN.password);
    await openIntakes();
    await expect.poll(() => page.locator('.sheet-row-count').textContent()).toBe(`共 ${n(city.count)} 行`);
    await expect.poll(() => totalsCell('count').textContent()).toBe(n(city.sum.count));
    await page.screenshot({ path: path.join(screenshotDir, 'city-intake-sheet.png') });
  });
});
