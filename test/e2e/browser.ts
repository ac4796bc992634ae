import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const screenshotDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');

/** Debian's Chromium, headless, with a fresh profile of its own. */
export async function openBrowser(): Promise<{ context: BrowserContext; page: Page; downloads: string; close(): Promise<void> }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-chromium-'));
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-downloads-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : '/usr/bin/chromium-browser',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    acceptDownloads: true,
    downloadsPath: downloads,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    downloads,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
      fs.rmSync(downloads, { recursive: true, force: true });
    },
  };
}

const tokens = new Map<string, Promise<string>>();

/** A bearer token for a user of the server under test (cached per server and user). */
export function apiToken(base: string, username = inject('adminUsername'), password = inject('adminPassword')): Promise<string> {
  const key = `${base} ${username}`;
  let token = tokens.get(key);
  if (!token) {
    token = fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
        variables: { u: username, p: password },
      }),
    })
      .then((r) => r.json() as Promise<{ data?: { login: { token: string } }; errors?: unknown[] }>)
      .then((body) => {
        if (!body.data) throw new Error(`cannot sign in as ${username}: ${JSON.stringify(body.errors)}`);
        return body.data.login.token;
      });
    tokens.set(key, token);
  }
  return token;
}

/** GraphQL straight to the server under test (as the province admin unless a token is given), to check what was (or was not) written. */
export async function gql<T>(base: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const authorization = `Bearer ${token ?? (await apiToken(base))}`;
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** Signs in through the admin's login page (after signing out whoever was signed in). */
export async function signIn(page: Page, base: string, username = inject('adminUsername'), password = inject('adminPassword')): Promise<void> {
  await page.goto(`${base}/#/login`);
  await page.evaluate(() => localStorage.removeItem('zj.session'));
  await page.reload();
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.locator('.RaSidebar-fixed, .RaLayout-content').first().waitFor();
  await page.waitForURL((url) => !url.hash.startsWith('#/login'));
}

/**
 * The whole page in one image with its charts as drawn. Chromium's full-page capture shrinks the
 * window to 1 × 1 for a moment, which makes the charts draw again from nothing (their entry
 * animation, caught half way or not at all); a viewport as tall as the page leaves their width alone.
 */
export async function screenshotWholePage(page: Page, file: string): Promise<void> {
  const viewport = page.viewportSize()!;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height });
  try {
    await page.screenshot({ path: path.join(screenshotDir, file) });
  } finally {
    await page.setViewportSize(viewport);
  }
}
