import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, signIn } from './browser';

/**
 * The admin and GraphiQL work in Chromium under the server's Content-Security-Policy: every page and
 * asset carries it, and nothing the pages load or run is refused by it.
 */
const base = inject('adminUrl');
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
const refused: string[] = [];

beforeAll(async () => {
  browser = await openBrowser();
  page = browser.page;
  await browser.context.exposeFunction('reportCspViolation', (what: string) => void refused.push(what));
  await browser.context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportCspViolation(what: string): void }).reportCspViolation(`${e.violatedDirective} ${e.blockedURI} on ${location.pathname}`);
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
});
afterAll(async () => {
  await browser?.close();
});

test('the admin signs in and shows a list with nothing refused', async () => {
  const response = await page.goto(`${base}/`);
  expect(response!.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(response!.headers()['x-content-type-options']).toBe('nosniff');
  await signIn(page, base);
  await page.goto(`${base}/#/City`);
  await expect.poll(() => page.getByText('杭州市').count(), { timeout: 30000 }).toBeGreaterThan(0);
  expect(refused).toEqual([]);
});

test('GraphiQL starts its editors (and their workers) and runs a query with nothing refused', async () => {
  const response = await page.goto(`${base}/graphiql`);
  expect(response!.headers()['content-security-policy']).toContain("script-src 'self'");
  await page.locator('.graphiql-container').waitFor();
  await page.locator('.graphiql-editor-tool .monaco-editor').first().waitFor();
  await page.locator('.graphiql-tab-button').first().click();
  await page.locator('.graphiql-editor-tool .monaco-editor').first().click();
  await page.keyboard.type('{"username": "nobody", "password": "wrong-password"');
  await page.click('.graphiql-execute-button');
  await expect.poll(() => page.locator('.graphiql-response').textContent(), { timeout: 30000 }).toContain('UNAUTHENTICATED');
  expect(refused).toEqual([]);
});
