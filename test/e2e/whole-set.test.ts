import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { apiToken, gql, openBrowser, screenshotDir, signIn } from './browser';
import { gridCell, gridRow, n, openSheet, pasteText, recordBlocks, scrollToRow, shiftClickCell, startGeneratedProvince } from './sheet-page';

/**
 * Actions over rows the sheet has not loaded: the header box ticks the whole filtered set, and paste,
 * fill and Delete act on every row of a range that reaches past the loaded blocks. A generated province
 * (some 3,000 intakes and 3,000 partnerships) on a server of its own.
 */
const ADMIN = { username: 'admin', password: 'E2e-whole-set-2024' };
const SIZE = { schools: 11, programsPerSchool: 2, intakesPerLine: 12 };

let server: Awaited<ReturnType<typeof startGeneratedProvince>>;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
let base: string;
let token: string;
/** the blocks the sheet asked for since the list was last emptied */
let blocks: { page: number; perPage: number }[];

const cell = (index: number, col: string) => gridCell(page, index, col);
const tickBox = (index: number) => cell(index, '__row').locator('input');
const tickAll = () => page.getByTestId('sheet-tick-all');
const pendingChip = () => page.locator('.sheet-toolbar').getByText(/行未保存/);
const tickedChip = () => page.locator('.sheet-ticked');
const blockRead = (number: number) => blocks.some((b) => b.page === number);

const scrollTo = (index: number, col: string) => scrollToRow(page, index, col);
const shiftClick = (index: number, col: string) => shiftClickCell(page, index, col);

async function save(rows: number) {
  await page.getByTestId('sheet-save').click();
  // the notice that says so (a refusal would show its reason here instead)
  await expect.poll(() => page.locator('.MuiSnackbar-root').allTextContents(), { timeout: 60000 }).toContain(`已保存 ${rows} 行`);
  await expect.poll(() => pendingChip().count()).toBe(0);
}

type Partnership = { id: string; notes: string | null; positionsOffered: number | null };
const partnerships = async () =>
  (
    await gql<{ allPartnerships: Partnership[] }>(
      base,
      '{ allPartnerships(sortField: "id", sortOrder: "ASC", perPage: 10000) { id notes positionsOffered } }',
      {},
      token,
    )
  ).allPartnerships;

const intakeIds = async (filter: Record<string, unknown> = {}) =>
  (
    await gql<{ allIntakes: { id: string }[] }>(
      base,
      'query($f: IntakeFilter) { allIntakes(filter: $f, sortField: "id", sortOrder: "ASC", perPage: 10000) { id } }',
      { f: filter },
      token,
    )
  ).allIntakes.map((intake) => intake.id);

beforeAll(async () => {
  server = await startGeneratedProvince('zj-e2e-whole-set-', SIZE, ADMIN);
  base = server.base;
  token = await apiToken(base, ADMIN.username, ADMIN.password);
  browser = await openBrowser();
  page = browser.page;
  page.on('pageerror', (error) => console.error('[browser]', error.message));
  page.on('dialog', (dialog) => void dialog.accept());
  blocks = recordBlocks(page);
  await signIn(page, base, ADMIN.username, ADMIN.password);
}, 300000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('actions over rows not loaded', () => {
  test('the header box ticks the whole filtered set; 删除所选 and 保存 delete every ticked row in one save', async () => {
    const all = await intakeIds();
    expect(all.length).toBeGreaterThan(1000);
    // more rows than one save takes: ticked and counted, but not deleted
    await openSheet(page, base, 'Intake', 'count');
    await tickAll().click();
    await expect.poll(() => tickedChip().textContent()).toBe(`已选 ${n(all.length)} 行`);
    await expect.poll(() => tickBox(0).isChecked()).toBe(true);
    await page.getByRole('button', { name: '删除所选' }).click();
    await expect.poll(() => page.getByText(`已勾选 ${n(all.length)} 行，一次最多处理 1,000 行`, { exact: false }).count()).toBeGreaterThan(0);
    expect(await pendingChip().count()).toBe(0);
    // away from the button, so that its tooltip does not cover the header
    await page.locator('.sheet-row-count').hover();
    await tickAll().click();
    await expect.poll(() => tickedChip().count()).toBe(0);
    expect(await tickBox(0).isChecked()).toBe(false);

    // one year's reported intakes (those summed from a roster change with their students): more than a
    // block, fewer than a save takes
    const filter = { year: 2023, source: 'REPORTED' };
    const ids = await intakeIds(filter);
    expect(ids.length).toBeGreaterThan(100);
    expect(ids.length).toBeLessThanOrEqual(1000);
    blocks.length = 0;
    await openSheet(page, base, 'Intake', 'count', filter);
    await tickAll().click();
    await expect.poll(() => tickedChip().textContent()).toBe(`已选 ${n(ids.length)} 行`);
    // a row unticked by hand leaves the set; the header box shows that some rows are ticked
    await tickBox(0).click();
    await expect.poll(() => tickedChip().textContent()).toBe(`已选 ${n(ids.length - 1)} 行`);
    expect(await tickAll().evaluate((box) => (box as HTMLInputElement).indeterminate)).toBe(true);
    expect(await tickBox(1).isChecked()).toBe(true);
    await page.screenshot({ path: path.join(screenshotDir, 'sheet-tick-all.png') });

    // 导出所选: every ticked row, from blocks not loaded too
    const lastBlock = Math.floor((ids.length - 1) / 100);
    expect(blockRead(lastBlock)).toBe(false);
    await page.getByRole('button', { name: '导出' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: `导出所选 ${n(ids.length - 1)} 行 CSV` }).click()]);
    const file = path.join(browser.downloads, download.suggestedFilename());
    await download.saveAs(file);
    expect(fs.readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(ids.length - 1 + 1);

    // 删除所选 marks every ticked row, loaded or not; 保存 deletes them all in one saveIntakes
    await page.getByRole('button', { name: '删除所选' }).click();
    await expect.poll(() => pendingChip().textContent()).toBe(`${ids.length - 1} 行未保存`);
    await expect.poll(() => gridRow(page, 1).getAttribute('class')).toContain('sheet-row-deleted');
    expect(await gridRow(page, 0).getAttribute('class')).not.toContain('sheet-row-deleted');
    await expect.poll(() => tickedChip().count()).toBe(0);
    await scrollTo(ids.length - 1, 'count');
    await expect.poll(() => gridRow(page, ids.length - 1).getAttribute('class')).toContain('sheet-row-deleted');
    await save(ids.length - 1);
    expect(await intakeIds(filter)).toEqual([ids[0]]);
    expect(await intakeIds()).toHaveLength(all.length - (ids.length - 1));
  });

  test('paste, fill and Delete over rows not loaded act on every row of the range, and undo and redo them', async () => {
    const before = await partnerships();
    expect(before.length).toBeGreaterThan(1000);
    expect(before.every((p) => p.notes === null && p.positionsOffered === null)).toBe(true);
    blocks.length = 0;
    await openSheet(page, base, 'Partnership', 'startsOn');

    // Ctrl+V: 350 lines from Excel at the first row; the blocks below are read first
    await cell(0, 'notes').click();
    expect(blockRead(2) || blockRead(3)).toBe(false);
    await pasteText(page, Array.from({ length: 350 }, (_, i) => `备注${i + 1}`).join('\n'));
    await expect.poll(() => pendingChip().textContent()).toBe('350 行未保存');
    expect(blockRead(3)).toBe(true);
    await page.keyboard.press('Control+z');
    await expect.poll(() => pendingChip().count()).toBe(0);
    await page.keyboard.press('Control+y');
    await expect.poll(() => pendingChip().textContent()).toBe('350 行未保存');
    await scrollTo(349, 'notes');
    await expect.poll(() => cell(349, 'notes').textContent()).toBe('备注350');
    expect(await cell(349, 'notes').getAttribute('class')).toContain('sheet-changed');
    await save(350);
    const pasted = await partnerships();
    expect(pasted.slice(0, 350).map((p) => p.notes)).toEqual(Array.from({ length: 350 }, (_, i) => `备注${i + 1}`));
    expect(pasted[350]!.notes).toBeNull();

    // Ctrl+D: the first row's value down to row 451, across blocks never scrolled through
    blocks.length = 0;
    await openSheet(page, base, 'Partnership', 'startsOn');
    await cell(0, 'positionsOffered').dblclick();
    await page.keyboard.type('12');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(0, 'positionsOffered').textContent()).toBe('12');
    await cell(0, 'positionsOffered').click();
    await scrollTo(450, 'positionsOffered');
    await shiftClick(450, 'positionsOffered');
    expect(blockRead(2)).toBe(false);
    await page.keyboard.press('Control+d');
    await expect.poll(() => pendingChip().textContent()).toBe('451 行未保存');
    expect(blockRead(2)).toBe(true);
    await expect.poll(() => page.locator('.sheet-totals [col-id="positionsOffered"]').textContent()).toBe(n(451 * 12));
    await page.keyboard.press('Control+z');
    await expect.poll(() => pendingChip().textContent()).toBe('1 行未保存');
    await page.keyboard.press('Control+y');
    await expect.poll(() => pendingChip().textContent()).toBe('451 行未保存');
    await save(451);
    const filled = await partnerships();
    expect(filled.slice(0, 451).every((p) => p.positionsOffered === 12)).toBe(true);
    expect(filled[451]!.positionsOffered).toBeNull();

    // Delete: clears the range's cells on every row, loaded or not
    await openSheet(page, base, 'Partnership', 'startsOn');
    await cell(0, 'positionsOffered').click();
    await scrollTo(420, 'positionsOffered');
    await shiftClick(420, 'positionsOffered');
    await page.keyboard.press('Delete');
    await expect.poll(() => pendingChip().textContent()).toBe('421 行未保存');
    await expect.poll(() => page.locator('.sheet-totals [col-id="positionsOffered"]').textContent()).toBe(n(30 * 12));
    await save(421);
    const cleared = await partnerships();
    expect(cleared.slice(0, 421).every((p) => p.positionsOffered === null)).toBe(true);
    expect(cleared.slice(421, 451).every((p) => p.positionsOffered === 12)).toBe(true);
    expect(cleared.map((p) => p.notes)).toEqual(pasted.map((p) => p.notes));

    // a range of more rows than one save takes is refused before anything is read or changed
    await cell(0, 'notes').click();
    await scrollTo(1100, 'notes');
    await shiftClick(1100, 'notes');
    await page.keyboard.press('Delete');
    await expect.poll(() => page.getByText('选区有 1,101 行，一次最多修改 1,000 行', { exact: false }).count()).toBeGreaterThan(0);
    expect(await pendingChip().count()).toBe(0);
  });

  test('删除所选 with no row ticked deletes the rows of the range, loaded or not', async () => {
    const reported = { source: 'REPORTED' };
    const ids = await intakeIds(reported);
    blocks.length = 0;
    await openSheet(page, base, 'Intake', 'count', reported);
    await cell(0, 'count').click();
    await scrollTo(250, 'count');
    await shiftClick(250, 'count');
    expect(blockRead(1)).toBe(false);
    // a slow server: the sheet says how far it has read
    await page.route('**/graphql', async (route) => {
      if (route.request().postData()?.includes('"SheetRows"')) await new Promise((resolve) => setTimeout(resolve, 3000));
      await route.continue();
    });
    await page.getByRole('button', { name: '删除所选' }).click();
    // shown once the wait is noticeable
    await expect.poll(() => page.locator('.sheet-progress').isVisible()).toBe(true);
    expect(await page.locator('.sheet-progress').textContent()).toMatch(/^正在读取 \d+ \/ 251 行…$/);
    await page.locator('.sheet-row-count').hover();
    await page.screenshot({ path: path.join(screenshotDir, 'sheet-reading-rows.png') });
    await expect.poll(() => pendingChip().textContent(), { timeout: 30000 }).toBe('251 行未保存');
    await page.unroute('**/graphql');
    expect(await page.locator('.sheet-progress').count()).toBe(0);
    await expect.poll(() => gridRow(page, 250).getAttribute('class')).toContain('sheet-row-deleted');
    await save(251);
    expect(await intakeIds(reported)).toEqual(ids.slice(251));
  });
});
