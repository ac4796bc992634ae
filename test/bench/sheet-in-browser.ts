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
 * The open sheet scrolled 120 steps of 600 px, one per animation frame: the frame times, the main thread's
 * CPU per frame (Chromium counts it from `Performance.enable` on this session: what a frame costs, however
 * busy the machine is) and the rows the grid drew meanwhile (a `MutationObserver` on its rows' container).
 */
export async function scrollSheet(page: Page): Promise<SheetScroll> {
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
      viewport.scrollTop += 600;
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
