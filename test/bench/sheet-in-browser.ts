import type { Page } from 'playwright-core';

/** The benchmark province's province admin (province-server.ts creates it). */
export const BENCH_ADMIN = { username: 'admin', password: 'Bench-admin-2024' };

export async function signIn(page: Page, base: string, account: { username: string; password: string }) {
  await page.goto(`${base}/#/login`);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.locator('input[name="username"]').fill(account.username);
  await page.locator('input[name="password"]').fill(account.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => !url.hash.startsWith('#/login'));
}

const firstRow = '.ag-grid-scrolling-container .ag-row[row-index="0"]';

const isSheetRows = (body: string | null) => {
  try {
    return (JSON.parse(body ?? '') as { operationName?: string }).operationName === 'SheetRows';
  } catch {
    return false;
  }
};

/**
 * Seconds from an action until the server's block of rows has arrived and the first row shows it, as
 * Playwright sees it (its waits poll the page, so a figure can be late by up to a poll's interval).
 */
export async function untilRows(page: Page, action: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  const response = page.waitForResponse((r) => isSheetRows(r.request().postData()), { timeout: 600000 });
  await action();
  await response;
  // a saved row's ↗ link appears once its block is shown
  await page.locator(`${firstRow} [col-id="__row"] a`).waitFor({ timeout: 600000 });
  return (performance.now() - start) / 1000;
}

/** The opening of a sheet as the page saw it, in seconds from the action: rows shown, and the steps before. */
export interface Opening {
  /** as Playwright sees it (`untilRows`) */
  polled: number;
  /** the first row showing the server's block, as the page saw it */
  inPage: number;
  /** the page's first request to the server */
  firstRequest: number;
  /** the first block (SheetRows) asked for, and its answer in (as the page received it) */
  rowsAsked: number;
  rowsAnswered: number;
}

/**
 * `untilRows`, and the same time as the page itself saw it: from just before the action until the first
 * row's ↗ link is in the page (a `MutationObserver`'s clock, not Playwright's polling).
 */
export async function untilRowsInPage(page: Page, action: () => Promise<unknown>): Promise<Opening> {
  await page.evaluate(`(() => {
    const start = performance.now();
    window.__openedAt = performance.timeOrigin + start;
    window.__rowsShown = new Promise((resolve) => {
      const seen = () => document.querySelector('${firstRow} [col-id="__row"] a');
      const observer = new MutationObserver(() => {
        if (!seen()) return;
        observer.disconnect();
        const asked = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/graphql') && e.startTime >= start);
        resolve([(performance.now() - start) / 1000, Math.min(...asked.map((e) => e.startTime - start)) / 1000]);
      });
      observer.observe(document.body, { childList: true, subtree: true });
    });
  })()`);
  const rows = page.waitForResponse((r) => isSheetRows(r.request().postData()), { timeout: 600000 });
  const polled = await untilRows(page, action);
  const [inPage, firstRequest] = (await page.evaluate('window.__rowsShown')) as [number, number];
  // the block's request among the page's own timings (same clock as the rest): the one of its answer's size
  const size = (await (await rows).body()).length;
  const [rowsAsked, rowsAnswered] = (await page.evaluate(`(() => {
    const start = window.__openedAt - performance.timeOrigin;
    const block = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/graphql') && e.startTime >= start && e.decodedBodySize === ${size});
    return block ? [(block.startTime - start) / 1000, (block.responseEnd - start) / 1000] : [NaN, NaN];
  })()`)) as [number, number];
  return { polled, inPage, firstRequest, rowsAsked, rowsAnswered };
}

export interface SheetScroll {
  /** Frame times (ms), the first left out. */
  frames: number[];
  /** The renderer's main-thread CPU per frame (ms). */
  cpuPerFrame: number;
  /** Rows drawn, those drawn before their block had arrived (no row id), and those drawn a second time. */
  rows: number;
  empty: number;
  twice: number;
}

/**
 * The benchmark's scroll step: 600 px a frame brings a new screen of rows into view every frame, as a dragged
 * scrollbar does (the worst case for a grid that makes the rows it shows).
 */
export const SCROLL_STEP = 600;
/** A brisk turn of a mouse wheel: one notch (100 px, three rows and a bit) every frame. */
export const WHEEL_STEP = 100;

/**
 * The open sheet scrolled 120 steps of `step` px, one per animation frame: the frame times, the main thread's
 * CPU per frame (Chromium counts it from `Performance.enable` on this session: what a frame costs, however
 * busy the machine is) and the rows the grid drew meanwhile (a `MutationObserver` on its rows' container).
 */
export async function scrollSheet(page: Page, step = SCROLL_STEP): Promise<SheetScroll> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const threadTime = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')!.value * 1000;
  const before = await threadTime();
  // as text: tsx would wrap a named function in a helper the page does not have
  const drawn = (await page.evaluate(`new Promise((resolve) => {
    const viewport = document.querySelector('.sheet-grid .ag-grid-viewport');
    const drawn = { rows: 0, empty: 0, twice: 0 };
    const seen = new Set();
    const observer = new MutationObserver((records) => {
      for (const record of records)
        for (const row of record.addedNodes) {
          if (!row.classList || !row.classList.contains('ag-row')) continue;
          drawn.rows++;
          if (!row.getAttribute('row-id')) drawn.empty++;
          const index = row.getAttribute('row-index');
          if (seen.has(index)) drawn.twice++;
          seen.add(index);
        }
    });
    observer.observe(document.querySelector('.sheet-grid .ag-grid-scrolling-container'), { childList: true });
    const frames = [];
    let last = performance.now();
    function step() {
      const now = performance.now();
      frames.push(now - last);
      last = now;
      viewport.scrollTop += ${step};
      if (frames.length < 120) requestAnimationFrame(step);
      else {
        observer.disconnect();
        resolve({ frames: frames.slice(1), ...drawn });
      }
    }
    requestAnimationFrame(step);
  })`)) as Omit<SheetScroll, 'cpuPerFrame'>;
  const cpuPerFrame = ((await threadTime()) - before) / 120;
  await cdp.detach();
  return { ...drawn, cpuPerFrame };
}
