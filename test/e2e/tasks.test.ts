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

test('the app bar counts the unread to-do items; the page lists them and each opens its sheet, filtered', async () => {
  type Alert = { key: string; read: boolean; titleZh: string; resource: string | null; filter: string | null };
  const { myAlerts } = await gql<{ myAlerts: Alert[] }>(base, '{ myAlerts { key read titleZh resource filter } }');
  const unread = myAlerts.filter((a) => !a.read);
  expect(unread.length).toBeGreaterThan(0);
  await expect.poll(() => page.getByTestId('tasks-count').innerText()).toBe(String(unread.length));
  await page.getByTestId('tasks-count').click();
  await expect.poll(() => page.getByTestId('task-item').count()).toBe(myAlerts.length);
  await page.screenshot({ path: path.join(screenshotDir, 'tasks.png') });
  const toFile = myAlerts.find((a) => a.resource === 'EnrollmentPlan')!;
  await page.getByRole('link', { name: toFile.titleZh }).click();
  await expect.poll(() => decodeURIComponent(page.url())).toContain(`#/EnrollmentPlan?filter=${toFile.filter}`);
  const after = await gql<{ myAlerts: Alert[] }>(base, '{ myAlerts { key read } }');
  expect(after.myAlerts.find((a) => a.key === toFile.key)!.read).toBe(true);
});
