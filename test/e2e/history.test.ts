import path from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { gql, openBrowser, screenshotDir, signIn } from './browser';

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

test('a sheet row opens its record page, whose history lists each change newest first, in Chinese', async () => {
  const { allSchools } = await gql<{ allSchools: { id: string; name: string; version: number; ownership: string }[] }>(
    base,
    '{ allSchools(sortField: "name", sortOrder: "ASC", perPage: 1) { id name version ownership } }',
  );
  const school = allSchools[0]!;
  expect(school.ownership).toBe('PUBLIC');
  await page.goto(`${base}/#/School`);
  await page.locator('.sheet .ag-root').waitFor();
  await page.locator('[row-index="0"] .sheet-open-record').first().click();
  await page.waitForURL((url) => url.hash === `#/School/${school.id}`);
  await expect.poll(() => page.locator('.history-panel').textContent()).toContain('暂无修改记录');

  await page.locator('input[name="name"]').fill(`${school.name}（新校区）`);
  await page.getByRole('button', { name: '保存' }).click();
  await page.waitForURL((url) => url.hash === '#/School');
  const { School: current } = await gql<{ School: { version: number } }>(base, 'query($id: ID!) { School(id: $id) { version } }', { id: school.id });
  await gql(base, 'mutation($id: ID!, $v: Int!) { updateSchool(id: $id, version: $v, ownership: PRIVATE) { id } }', { id: school.id, v: current.version });
  await page.goto(`${base}/#/School/${school.id}`);
  await page.reload();

  await expect.poll(() => page.locator('.history-entry').count(), { timeout: 30000 }).toBe(2);
  const [newest, older] = [page.locator('.history-entry').first(), page.locator('.history-entry').nth(1)];
  for (const entry of [newest, older]) {
    expect(await entry.locator('.MuiChip-label').textContent()).toBe('修改');
    expect(await entry.innerText()).toContain(inject('adminUsername'));
  }
  expect(await newest.locator('.history-change').allInnerTexts()).toEqual(['办学性质：公办 → 民办']);
  expect(await older.locator('.history-change').allInnerTexts()).toEqual([`学校名称：${school.name} → ${school.name}（新校区）`]);
  await page.screenshot({ path: path.join(screenshotDir, 'history.png') });
});
