import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { apiToken, gql, openBrowser, screenshotDir, signIn } from './browser';

const base = inject('demoUrl');
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

beforeAll(async () => {
  browser = await openBrowser();
  page = browser.page;
  page.on('pageerror', (error) => console.error('[browser]', error.message));
});
afterAll(async () => {
  await browser?.close();
});

describe('signing in', () => {
  test('an anonymous visit lands on the Chinese login page, which refuses a wrong password in words', async () => {
    await page.goto(`${base}/#/School`);
    await page.waitForURL((url) => url.hash === '#/login');
    await expect.poll(() => page.getByRole('button', { name: '登录' }).count()).toBe(1);
    expect(await page.locator('h1').textContent()).toBe('浙江省技工院校招生五年行动');
    await page.locator('input[name="username"]').fill(inject('adminUsername'));
    await page.locator('input[name="password"]').fill('not-the-password-1');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByText('用户名或密码错误').count()).toBe(1);
    expect(page.url()).toMatch(/#\/login$/);
    expect(await page.evaluate(() => localStorage.getItem('zj.session'))).toBeNull();
    await expect.poll(() => page.getByRole('button', { name: '登录' }).isEnabled()).toBe(true);
    await page.waitForTimeout(400); // the message's fade-in
    await page.screenshot({ path: path.join(screenshotDir, 'login.png') });
  });

  test('the right password opens the admin with the user’s name, and signing out returns to the login page', async () => {
    await signIn(page, base);
    await page.getByRole('button', { name: '个人资料' }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.waitForURL((url) => url.hash === '#/login');
    expect(await page.evaluate(() => localStorage.getItem('zj.session'))).toBeNull();
  });
});

describe('a city bureau', () => {
  const username = 'zhoushan.bureau';
  const password = 'Zhoushan-2024';
  let cityId: string;
  let names: string[];

  beforeAll(async () => {
    const { allCities } = await gql<{ allCities: { id: string }[] }>(base, '{ allCities(filter: { code: "330900" }) { id } }');
    cityId = allCities[0]!.id;
    await gql(
      base,
      'mutation($c: ID!, $p: String!) { createUser(username: "zhoushan.bureau", displayName: "舟山市局", role: CITY_ADMIN, cityId: $c, password: $p) { id } }',
      { c: cityId, p: password },
    );
    const { allSchools } = await gql<{ allSchools: { name: string }[] }>(
      base,
      '{ allSchools(filter: { cityId: "' + cityId + '" }, sortField: "name", sortOrder: "ASC") { name } }',
    );
    names = allSchools.map((s) => s.name);
  });

  test('sees only its own city’s schools in the sheet and may edit them', async () => {
    expect(names.length).toBeGreaterThan(0);
    expect(names.length).toBeLessThan(15);
    const { _allSchoolsMeta } = await gql<{ _allSchoolsMeta: { count: number } }>(base, '{ _allSchoolsMeta { count } }');
    expect(_allSchoolsMeta.count).toBeGreaterThan(names.length);
    await signIn(page, base, username, password);
    await page.goto(`${base}/#/School`);
    await page.locator('.sheet .ag-root').waitFor();
    await expect.poll(() => page.locator('.ag-grid-scrolling-container .ag-row').count()).toBe(names.length);
    const shown = await page.locator('.ag-grid-scrolling-container [col-id="name"]').allTextContents();
    expect(shown).toEqual(names);
    expect(new Set(await page.locator('.ag-grid-scrolling-container [col-id="cityId"]').allTextContents())).toEqual(new Set(['舟山市']));
    expect(await page.getByTestId('sheet-save').count()).toBe(1);
  });

  test('gets no Save, add, delete or import on reference data, and no Users menu', async () => {
    await page.goto(`${base}/#/City`);
    await page.locator('.sheet .ag-root').waitFor();
    await expect.poll(() => page.locator('.ag-grid-scrolling-container .ag-row').count()).toBe(11);
    expect(await page.getByTestId('sheet-save').count()).toBe(0);
    expect(await page.getByRole('button', { name: '添加行' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '导入' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '导出' }).count()).toBe(1);
    expect(await page.locator('.RaSidebar-fixed').getByText('用户', { exact: true }).count()).toBe(0);
    // the server agrees: the bureau may not write cities
    const token = await apiToken(base, username, password);
    await expect(gql(base, 'mutation { saveCities(rows: [{ id: "1", nameEn: "x" }]) { id } }', {}, token)).rejects.toThrow(/FORBIDDEN/);
  });
});

describe('an analyst', () => {
  test('reads every sheet and record but is offered nothing that writes', async () => {
    await gql(base, 'mutation($p: String!) { createUser(username: "analyst.one", displayName: "分析员", role: ANALYST, password: $p) { id } }', {
      p: 'Analyst-2024x',
    });
    await signIn(page, base, 'analyst.one', 'Analyst-2024x');
    await page.goto(`${base}/#/EnrollmentPlan`);
    await page.locator('.sheet .ag-root').waitFor();
    await expect.poll(() => page.locator('.ag-grid-scrolling-container .ag-row').count(), { timeout: 15000 }).toBeGreaterThan(0);
    expect(await page.getByTestId('sheet-save').count()).toBe(0);
    expect(await page.locator('[data-testid^="workflow-"]').count()).toBe(0);
    expect(await page.getByRole('button', { name: '添加行' }).count()).toBe(0);
    await page.locator('[row-index="0"] .sheet-open-record').first().click();
    await page.locator('form').waitFor();
    expect(await page.getByRole('button', { name: '保存' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '删除' }).count()).toBe(0);
    expect(await page.locator('.history-panel').count()).toBe(0);
    expect(await page.locator('form input[name="seats"]').isDisabled()).toBe(true);
  });
});
