import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import writeXlsxFile from 'write-excel-file/node';
import { readSheet } from 'read-excel-file/node';
import { gql, openBrowser, screenshotDir, signIn } from './browser';
import { gridCell, pasteText as pasteInto } from './sheet-page';

const base = inject('adminUrl');
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
/** the questions the page asked (confirm, beforeunload), and the answer the next one gets */
const asked: string[] = [];
let answer: 'accept' | 'dismiss' = 'accept';

const cell = (row: number, col: string) => gridCell(page, row, col);

async function openSheet(resource: string, rows: number) {
  await page.goto(`${base}/#/${resource}`);
  await page.reload();
  await page.locator('.sheet .ag-root').waitFor();
  // the grid renders only the rows in view; longer sheets are checked through their totals row. The rows
  // come in a request after the reference names: on a loaded machine that takes more than the default second.
  const shown = () => page.locator('.ag-grid-scrolling-container .ag-row:not(.ag-row-loading)').count();
  if (rows <= 20) await expect.poll(shown, { timeout: 30000 }).toBe(rows);
  else await expect.poll(shown, { timeout: 30000 }).toBeGreaterThan(20);
}

const pasteText = (text: string) => pasteInto(page, text);

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
    if (response.status() >= 400)
      console.error('[http]', response.status(), response.request().postData()?.slice(0, 400), (await response.text()).slice(0, 600));
  });
  page.on('pageerror', (error) => console.error('[browser]', error.message));
  page.on('console', (message) => message.type() === 'error' && console.error('[browser console]', message.text()));
  page.on('dialog', (dialog) => {
    asked.push(dialog.message());
    void (answer === 'accept' ? dialog.accept() : dialog.dismiss());
  });
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
    await expect
      .poll(async () => (await gql<{ allCities: { nameEn: string }[] }>(base, '{ allCities(filter: { code: "330100" }) { nameEn } }')).allCities[0]!.nameEn)
      .toBe('Hangzhou City');
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

  test('picks a reference in its editor by typing part of the name', async () => {
    await openSheet('School', 3);
    const before = await cell(0, 'cityId').textContent();
    await cell(0, 'cityId').dblclick();
    await page.locator('.reference-editor input').fill('丽水');
    await expect.poll(() => page.locator('.reference-editor li').first().textContent()).toBe('丽水市');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(0, 'cityId').textContent()).toBe('丽水市');
    const marks = await cell(0, 'cityId').getAttribute('class');
    expect(marks).toContain('sheet-changed');
    expect(marks).not.toContain('sheet-cell-error');
    await page.keyboard.press('Control+z');
    await expect.poll(() => cell(0, 'cityId').textContent()).toBe(before);
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
    await expect.poll(() => page.locator('.sheet-totals [col-id="seats"]').textContent()).toBe('600,000');
    expect(await page.locator('.sheet-row-count').textContent()).toBe('共 55 行');
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
    expect(
      await page
        .locator('.ag-grid-scrolling-container [row-index="3"].sheet-row-error, .ag-grid-scrolling-container [row-index="3"] .sheet-cell-error')
        .count(),
    ).toBeGreaterThan(0);
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
    expect((await schools()).filter((s) => s.name === '舟山技师学院')).toEqual([
      { name: '舟山技师学院', type: 'TECHNICIAN_COLLEGE', provincial: false, ownership: 'ENTERPRISE', city: { nameZh: '舟山市' } },
    ]);
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

  test('Shift+arrows select a range that survives Ctrl+D, Ctrl+C and Delete', async () => {
    await openSheet('School', 5);
    await page.evaluate(() =>
      document.addEventListener('copy', (e) => ((window as unknown as { copied: string }).copied = e.clipboardData!.getData('text/plain'))),
    );
    const before = await Promise.all([0, 1, 2].map((row) => cell(row, 'ownership').textContent()));
    await cell(0, 'type').click();
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => page.locator('.ag-grid-scrolling-container .sheet-in-range').count()).toBe(9);
    await page.keyboard.press('Control+c');
    const copied = await page.evaluate(() => (window as unknown as { copied: string }).copied);
    expect(copied.split('\n')).toHaveLength(3);
    expect(copied.split('\n')[0]!.split('\t')).toHaveLength(3);
    await page.keyboard.press('Control+d');
    const first = await Promise.all(['type', 'cityId', 'provincial'].map((col) => cell(0, col).textContent()));
    for (const row of [1, 2]) await expect.poll(() => Promise.all(['type', 'cityId', 'provincial'].map((col) => cell(row, col).textContent()))).toEqual(first);
    // the range is still there: Delete clears all nine cells
    await page.keyboard.press('Delete');
    for (const row of [0, 1, 2]) await expect.poll(() => cell(row, 'type').textContent()).toBe('');
    expect(await Promise.all([0, 1, 2].map((row) => cell(row, 'ownership').textContent()))).toEqual(before);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('sheet-save').isDisabled()).toBe(true);
  });

  test('typing through an input method starts editing the focused cell', async () => {
    await openSheet('School', 5);
    await cell(0, 'name').click();
    const cdp = await page.context().newCDPSession(page);
    // what Chromium receives from a pinyin IME: a "Process" key, a composition, then the committed text
    await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Process', code: 'KeyH', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
    await cdp.send('Input.imeSetComposition', { text: 'hang', selectionStart: 4, selectionEnd: 4 });
    await cdp.send('Input.insertText', { text: '杭州新学校' });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Process', code: 'KeyH', windowsVirtualKeyCode: 229 });
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(0, 'name').textContent()).toBe('杭州新学校');
    expect(await cell(0, 'name').getAttribute('class')).toContain('sheet-changed');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('sheet-save').isDisabled()).toBe(true);
    await cdp.detach();
  });

  test('a value beyond the maximum stays in the cell, marked with the reason', async () => {
    await openSheet('CampaignTarget', 55);
    await cell(0, 'seats').dblclick();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('99999999');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(0, 'seats').textContent()).toBe('99999999');
    expect(await cell(0, 'seats').getAttribute('class')).toContain('sheet-cell-error');
    expect(await page.locator('.sheet-problems').textContent()).toMatch(/第 1 行「目标人数」.*1000000/);
    await page.keyboard.press('Control+z');
  });

  test('leaving with unsaved rows asks first; 重新加载 asks, then really discards', async () => {
    await openSheet('School', 5);
    const name = await cell(1, 'name').textContent();
    await cell(1, 'name').dblclick();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('未保存的名称');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('1 行未保存').count()).toBe(1);
    asked.length = 0;
    answer = 'dismiss';
    await page.locator('.RaSidebar-fixed a[href="#/City"]').click();
    expect(asked).toEqual(['有 1 行修改尚未保存，离开后这些修改将被放弃。确定吗？']);
    expect(page.url()).toMatch(/#\/School/);
    expect(await cell(1, 'name').textContent()).toBe('未保存的名称');
    await page.getByRole('button', { name: '个人资料' }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    expect(asked).toHaveLength(2);
    expect(page.url()).toMatch(/#\/School/);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: '重新加载' }).click();
    expect(asked).toHaveLength(3);
    expect(await cell(1, 'name').textContent()).toBe('未保存的名称');
    answer = 'accept';
    await page.getByRole('button', { name: '重新加载' }).click();
    await expect.poll(() => cell(1, 'name').textContent()).toBe(name);
    expect(await page.getByText('行未保存').count()).toBe(0);
  });

  test('only a version conflict opens the conflict dialog, with both values; a refused delete marks its row', async () => {
    await openSheet('School', 5);
    const { allSchools } = await gql<{ allSchools: { id: string; version: number; name: string }[] }>(
      base,
      '{ allSchools(sortField: "name", sortOrder: "ASC") { id version name } }',
    );
    const first = allSchools[0]!;
    await expect.poll(() => cell(0, 'name').textContent()).toBe(first.name);
    await cell(0, 'name').dblclick();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('我的名称');
    await page.keyboard.press('Enter');
    await gql(base, 'mutation($id: ID!, $v: Int!) { saveSchools(rows: [{ id: $id, version: $v, name: "他人的名称" }]) { id } }', {
      id: first.id,
      v: first.version,
    });
    await save();
    await page.locator('.sheet-conflict').waitFor();
    expect(await page.locator('.sheet-conflict [data-conflict="1-name"] td').allInnerTexts()).toEqual(['1', '学校名称', '我的名称', '他人的名称']);
    expect(await page.locator('.sheet-conflict').textContent()).not.toMatch(/版本|version/);
    await page.locator('.sheet-conflict').getByRole('button', { name: '重新加载' }).click();
    await expect.poll(() => cell(0, 'name').textContent()).toBe('他人的名称');

    // 杭州市 has schools: the delete is refused on its row with the reason, and no conflict dialog opens
    await openSheet('City', 11);
    await expect.poll(() => cell(0, 'nameZh').textContent()).toBe('杭州市');
    // the tick column is pinned left inside each row (AG Grid 36), its box an input
    await cell(0, '__row').locator('input[type="checkbox"]').check();
    await page.getByRole('button', { name: '删除所选' }).click();
    await save();
    await expect.poll(() => page.locator('.sheet-problems').textContent()).toMatch(/第 1 行：设区市“杭州市”仍被 \d+ 条[^A-Za-z]+记录引用，不能删除/);
    expect(await page.locator('.sheet-conflict').count()).toBe(0);
    expect(await page.locator('.ag-row[row-index="0"].sheet-row-error').count()).toBeGreaterThan(0);
    const { allCities } = await gql<{ allCities: { nameZh: string }[] }>(base, '{ allCities(filter: { code: "330100" }) { nameZh } }');
    expect(allCities).toEqual([{ nameZh: '杭州市' }]);
    await page.getByRole('button', { name: '重新加载' }).click();
    await expect.poll(() => page.locator('.sheet-problems').count()).toBe(0);
  });

  test('pins the row head and first column only while the columns are wider than the grid', async () => {
    // 技工院校's columns (822 px with the row head) fit the grid at 1440 px, not at 1000 px
    const headerPinned = () =>
      page.locator('.sheet-grid .ag-header .ag-grid-pinned-left-cells [col-id]').evaluateAll((cells) => cells.map((c) => c.getAttribute('col-id')));
    const rowsPinned = () => page.locator('.ag-grid-scrolling-container .ag-row .ag-grid-pinned-left-cells [col-id]').count();
    const rowHeads = () => page.locator('.ag-grid-scrolling-container .ag-row [col-id="__row"]').count();
    await page.goto(`${base}/#/School`);
    await page.reload();
    await page.locator('.sheet .ag-root').waitFor();
    // a row of its own (taken back at the end), whatever the schools saved by the tests above
    await page.getByRole('button', { name: '添加行' }).click();
    await expect.poll(rowHeads, { timeout: 30000 }).toBeGreaterThan(0);
    expect(await headerPinned()).toEqual([]);
    expect(await rowsPinned()).toBe(0);
    await page.setViewportSize({ width: 1000, height: 900 });
    try {
      await expect.poll(headerPinned).toEqual(['__row', 'name']);
      expect(await rowsPinned()).toBe(2 * (await rowHeads()));
      // scrolled to the right edge, the row head and the school's name stay at the grid's left edge
      await page.locator('.sheet-grid .ag-grid-viewport').evaluate((viewport) => (viewport.scrollLeft = viewport.scrollWidth));
      const gridLeft = (await page.locator('.sheet-grid .ag-root-wrapper').boundingBox())!.x;
      await expect.poll(async () => (await cell(0, '__row').boundingBox())!.x - gridLeft).toBeLessThan(2);
      await expect.poll(async () => (await cell(0, 'name').boundingBox())!.x - gridLeft).toBeCloseTo(132, -1);
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
    await expect.poll(headerPinned).toEqual([]);
    expect(await rowsPinned()).toBe(0);
    await page.getByRole('button', { name: '撤销' }).click();
  });
});
