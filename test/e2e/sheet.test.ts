import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import writeXlsxFile from 'write-excel-file/node';
import { readSheet } from 'read-excel-file/node';
import { gql, openBrowser, screenshotDir, signIn } from './browser';

const base = inject('adminUrl');
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

const cell = (row: number, col: string) => page.locator(`.ag-grid-scrolling-container [row-index="${row}"] [col-id="${col}"]`);

async function openSheet(resource: string, rows: number) {
  await page.goto(`${base}/#/${resource}`);
  await page.reload();
  await page.locator('.sheet .ag-root').waitFor();
  // the grid renders only the rows in view; longer sheets are checked through their totals row
  if (rows <= 20) await expect.poll(() => page.locator('.ag-grid-scrolling-container .ag-row').count()).toBe(rows);
  else await expect.poll(() => page.locator('.ag-grid-scrolling-container .ag-row').count()).toBeGreaterThan(20);
}

async function pasteText(text: string) {
  // the grid moves focus to a clicked cell on its next frame; the paste goes to whatever holds focus
  await expect.poll(() => page.evaluate(() => Boolean(document.activeElement?.closest('.sheet-grid .ag-cell')))).toBe(true);
  await page.evaluate((data) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', data);
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, text);
}

async function save() {
  await page.getByTestId('sheet-save').click();
}

async function schools() {
  const data = await gql<{ allSchools: { name: string; type: string; provincial: boolean; ownership: string; city: { nameZh: string } }[] }>(
    base,
    '{ allSchools(sortField: "name", sortOrder: "ASC") { name type provincial ownership city { nameZh } } }',
  );
  return data.allSchools;
}

beforeAll(async () => {
  browser = await openBrowser();
  page = browser.page;
  page.on('response', async (response) => {
    if (response.status() >= 400) console.error('[http]', response.status(), response.request().postData()?.slice(0, 400), (await response.text()).slice(0, 600));
  });
  page.on('pageerror', (error) => console.error('[browser]', error.message));
  page.on('console', (message) => message.type() === 'error' && console.error('[browser console]', message.text()));
  await signIn(page, base);
});

afterAll(async () => {
  await browser?.close();
});

describe('the sheet', () => {
  test('edits a cell, saves it, and the reload shows it', async () => {
    await openSheet('City', 11);
    await expect.poll(() => cell(0, 'nameZh').textContent()).toBe('杭州市');
    await cell(0, 'nameEn').dblclick();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('Hangzhou City');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(0, 'nameEn').getAttribute('class')).toContain('sheet-changed');
    await save();
    await expect.poll(async () => (await gql<{ allCities: { nameEn: string }[] }>(base, '{ allCities(filter: { code: "330100" }) { nameEn } }')).allCities[0]!.nameEn).toBe('Hangzhou City');
    await openSheet('City', 11);
    await expect.poll(() => cell(0, 'nameEn').textContent()).toBe('Hangzhou City');
  });

  test('pastes a 3×4 block from Excel into new rows, resolving Chinese labels and city names', async () => {
    await openSheet('School', 0);
    await page.getByRole('button', { name: '添加行' }).click();
    await expect.poll(() => page.locator('.ag-grid-scrolling-container .ag-row').count()).toBe(1);
    await cell(0, 'name').click();
    await pasteText('杭州技师学院\t技师学院\t杭州\t是\n宁波技工学校\t技工学校\t宁波\t否\n温州高级技工学校\t高级技工学校\t温州\t否\n');
    await expect.poll(() => page.locator('.ag-grid-scrolling-container .ag-row').count()).toBe(3);
    await expect.poll(() => cell(1, 'type').textContent()).toBe('技工学校');
    await expect.poll(() => cell(2, 'cityId').textContent()).toBe('温州市');
    await save();
    await expect.poll(async () => (await schools()).length).toBe(3);
    expect(await schools()).toEqual([
      { name: '宁波技工学校', type: 'TECHNICAL_SCHOOL', provincial: false, ownership: 'PUBLIC', city: { nameZh: '宁波市' } },
      { name: '杭州技师学院', type: 'TECHNICIAN_COLLEGE', provincial: true, ownership: 'PUBLIC', city: { nameZh: '杭州市' } },
      { name: '温州高级技工学校', type: 'SENIOR_TECHNICAL_SCHOOL', provincial: false, ownership: 'PUBLIC', city: { nameZh: '温州市' } },
    ]);
    await openSheet('School', 3);
  });

  test('fills down over a selected range with Ctrl+D', async () => {
    await openSheet('School', 3);
    await cell(0, 'ownership').click();
    await pasteText('民办');
    await expect.poll(() => cell(0, 'ownership').textContent()).toBe('民办');
    await page.keyboard.down('Shift');
    await cell(2, 'ownership').click();
    await page.keyboard.up('Shift');
    // the range ends where the grid has moved focus, which it does on its next frame
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[row-index]')?.getAttribute('row-index'))).toBe('2');
    await page.keyboard.press('Control+d');
    await expect.poll(() => Promise.all([0, 1, 2].map((row) => cell(row, 'ownership').textContent()))).toEqual(['民办', '民办', '民办']);
    await save();
    await expect.poll(async () => (await schools()).map((s) => s.ownership)).toEqual(['PRIVATE', 'PRIVATE', 'PRIVATE']);
    await openSheet('School', 3);
    for (const row of [0, 1, 2]) await expect.poll(() => cell(row, 'ownership').textContent()).toBe('民办');
  });

  test('undoes an edit before saving; nothing is written', async () => {
    await openSheet('School', 3);
    const before = await cell(0, 'name').textContent();
    await cell(0, 'name').dblclick();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('改名学校');
    await page.keyboard.press('Enter');
    // the grid redraws a changed row on its next frame
    await expect.poll(() => cell(0, 'name').textContent()).toBe('改名学校');
    await cell(0, 'name').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => cell(0, 'name').textContent()).toBe(before);
    await expect.poll(() => page.getByTestId('sheet-save').isDisabled()).toBe(true);
    await page.keyboard.press('Control+y');
    await expect.poll(() => cell(0, 'name').textContent()).toBe('改名学校');
    await page.keyboard.press('Control+z');
    await openSheet('School', 3);
    await expect.poll(() => cell(0, 'name').textContent()).toBe(before);
  });

  test('flags a bad value on its cell and a server rule error on its row; nothing is half-saved', async () => {
    await openSheet('CampaignTarget', 55);
    await expect.poll(() => page.locator('.sheet-totals [col-id="seats"]').textContent()).toBe('600000');
    await cell(0, 'seats').click();
    await pasteText('很多');
    await expect.poll(() => cell(0, 'seats').getAttribute('class')).toContain('sheet-cell-error');
    await expect(page.locator('.sheet-problems').textContent()).resolves.toContain('须为数字');
    await page.keyboard.press('Control+z');

    await openSheet('School', 3);
    const names = (await schools()).map((s) => s.name);
    await cell(0, 'ownership').click();
    await pasteText('公办');
    await page.getByRole('button', { name: '添加行' }).click();
    await cell(3, 'name').click();
    await pasteText(`${names[0]}\t技工学校\t湖州\t否`);
    await save();
    await expect.poll(() => page.locator('.sheet-problems').count()).toBe(1);
    const problems = await page.locator('.sheet-problems').textContent();
    expect(problems).toMatch(/第 4 行/);
    expect(await page.locator('.ag-grid-scrolling-container [row-index="3"].sheet-row-error, .ag-grid-scrolling-container [row-index="3"] .sheet-cell-error').count()).toBeGreaterThan(0);
    expect((await schools()).map((s) => s.ownership)).toEqual(['PRIVATE', 'PRIVATE', 'PRIVATE']);
    await openSheet('School', 3);
  });

  test('imports an XLSX file after a preview, in one save', async () => {
    const file = path.join(browser.downloads, 'schools.xlsx');
    await writeXlsxFile([
      [{ value: '学校名称' }, { value: '学校类型' }, { value: '所在设区市' }, { value: '省属' }, { value: '办学性质' }],
      [{ value: '丽水技工学校' }, { value: '技工学校' }, { value: '丽水' }, { value: '否' }, { value: '公办' }],
      [{ value: '舟山技师学院' }, { value: '技师学院' }, { value: '舟山' }, { value: '否' }, { value: '企业办' }],
    ]).toFile(file);
    await openSheet('School', 3);
    await page.getByTestId('sheet-import-file').setInputFiles(file);
    await page.getByRole('dialog').waitFor();
    expect(await page.locator('.import-preview tbody tr').count()).toBe(2);
    expect(await schools()).toHaveLength(3);
    await page.getByRole('button', { name: '导入并保存 2 行' }).click();
    await expect.poll(async () => (await schools()).length).toBe(5);
    await openSheet('School', 5);
    expect((await schools()).filter((s) => s.name === '舟山技师学院')).toEqual([{ name: '舟山技师学院', type: 'TECHNICIAN_COLLEGE', provincial: false, ownership: 'ENTERPRISE', city: { nameZh: '舟山市' } }]);
  });

  test('exports the sheet to XLSX with Chinese headers and reads it back', async () => {
    await openSheet('School', 5);
    await page.screenshot({ path: path.join(screenshotDir, 'sheet.png') });
    await page.getByRole('button', { name: '导出' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: /Excel/ }).click()]);
    const file = path.join(browser.downloads, download.suggestedFilename());
    await download.saveAs(file);
    const rows = await readSheet(fs.readFileSync(file));
    expect(rows[0]).toEqual(['学校名称', '学校类型', '所在设区市', '省属', '办学性质']);
    expect(rows).toHaveLength(6);
    expect(rows.find((r) => r[0] === '舟山技师学院')).toEqual(['舟山技师学院', '技师学院', '舟山市', '否', '企业办']);
  });

  test('switches to English and stays English after a reload', async () => {
    await openSheet('School', 5);
    await page.getByRole('button', { name: /中文/ }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.locator('.ag-header-cell-text', { hasText: 'Name' }).first().waitFor();
    await expect.poll(() => cell(0, 'ownership').textContent()).toMatch(/Private|Enterprise-run|Public/);
    await page.reload();
    await page.locator('.ag-header-cell-text', { hasText: 'Name' }).first().waitFor();
    await page.getByRole('button', { name: /English/ }).click();
    await page.getByRole('menuitem', { name: '中文' }).click();
    await page.locator('.ag-header-cell-text', { hasText: '学校名称' }).first().waitFor();
  });
});
