import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { FULL_SIZE } from './generate.js';
import { loadProvince, startProvinceServer } from './province-server.js';
import { BENCH_ADMIN, scrollSheet, signIn, untilRowsInPage } from './sheet-in-browser.js';

/**
 * The opening and the scroll of 招生实绩 on the 600,000-intake province, for builds of the admin side by side: each build
 * (a directory made by `vite build --outDir DIR`, given as an argument) is served to the browser's page in
 * turn (round after round, alternating the order) by the same server over the same province, so that a
 * busy machine weighs on every build alike. Per build and round: the time from signing in and opening the sheet
 * until its first row shows the server's block (as bench:admin takes it, and as the page saw it); main-thread CPU per frame, frame time p50
 * and p95 while scrolling 120 frames of 600 px as bench:admin does; the rows drawn, those drawn before their
 * block had arrived (no row id) and those drawn a second time; then the same scroll over the rows already
 * read (no block arriving). The province is kept in BENCH_SCROLL_DIR (default: a folder in the system's
 * temporary directory) for the next run; delete it when done. BENCH_SCROLL_ROUNDS sets the rounds (3).
 */
const dir = process.env.BENCH_SCROLL_DIR ?? path.join(os.tmpdir(), 'zj-bench-admin-scroll');
const rounds = Number(process.env.BENCH_SCROLL_ROUNDS ?? '3');
const builds = process.argv.slice(2).map((build) => path.resolve(build));

const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/** The page gets the build's files instead of the server's admin; /graphql goes to the server. */
async function serveBuild(page: Page, base: string, build: string) {
  await page.route(`${base}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/graphql' || route.request().method() !== 'GET') return route.continue();
    let file = path.join(build, url.pathname === '/' ? 'index.html' : url.pathname);
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(build, 'index.html');
    await route.fulfill({ status: 200, body: fs.readFileSync(file), headers: { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' } });
  });
}

interface Scroll {
  cpu: number;
  p50: number;
  p95: number;
  rows: number;
  empty: number;
  twice: number;
}

async function scroll(page: Page): Promise<Scroll> {
  const { frames, cpuPerFrame, rows, empty, twice } = await scrollSheet(page);
  const sorted = [...frames].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
  return { cpu: cpuPerFrame, p50: at(50), p95: at(95), rows, empty, twice };
}

interface Round {
  opened: { polled: number; inPage: number };
  first: Scroll;
  again: Scroll;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  if (builds.length === 0) throw new Error('usage: admin-scroll.ts BUILD_DIR [BUILD_DIR …]');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'province.sqlite');
  if (!fs.existsSync(file)) await loadProvince(file, FULL_SIZE);
  const server = await startProvinceServer(file, BENCH_ADMIN);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const results = new Map<string, Round[]>(builds.map((build) => [build, []]));
  try {
    for (let round = 0; round < rounds; round++) {
      for (const build of round % 2 === 0 ? builds : [...builds].reverse()) {
        const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
        await serveBuild(page, server.base, build);
        await signIn(page, server.base, BENCH_ADMIN);
        const opened = await untilRowsInPage(page, () => page.goto(`${server.base}/#/Intake`));
        await page.locator('.ag-grid-scrolling-container .ag-row[row-index="0"] [col-id="count"]').filter({ hasText: /\d/ }).waitFor({ timeout: 600000 });
        await page.waitForTimeout(1000);
        const first = await scroll(page);
        await page.locator('.sheet-grid .ag-grid-viewport').evaluate((viewport) => (viewport.scrollTop = 0));
        await page.waitForTimeout(500);
        const again = await scroll(page);
        results.get(build)!.push({ opened, first, again });
        console.log(
          `round ${round + 1} ${build}: rows shown after ${opened.polled.toFixed(2)} s (in the page ${opened.inPage.toFixed(2)} s); CPU ${first.cpu.toFixed(1)} ms a frame, p50 ${first.p50.toFixed(0)} / p95 ${first.p95.toFixed(0)} ms, ` +
            `rows drawn ${first.rows} (${first.empty} without data, ${first.twice} twice); over rows read: CPU ${again.cpu.toFixed(1)} ms, ` +
            `p50 ${again.p50.toFixed(0)} ms; load ${os.loadavg()[0]!.toFixed(1)}`,
        );
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  for (const [build, r] of results) {
    const first = (key: keyof Scroll) => median(r.map((x) => x.first[key])).toFixed(key === 'cpu' ? 1 : 0);
    console.log(
      `${build}: medians rows shown after ${median(r.map((x) => x.opened.polled)).toFixed(2)} s (in the page ${median(r.map((x) => x.opened.inPage)).toFixed(2)} s), CPU ${first('cpu')} ms a frame, p50 ${first('p50')} / p95 ${first('p95')} ms, rows drawn ${first('rows')} ` +
        `(${first('empty')} without data, ${first('twice')} twice); over rows read CPU ${median(r.map((x) => x.again.cpu)).toFixed(1)} ms`,
    );
  }
}

await main();
