import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { FULL_SIZE } from './generate.js';
import { loadProvince, startProvinceServer } from './province-server.js';
import { BENCH_ADMIN, SCROLL_STEP, scrollSheet, signIn, untilRowsInPage, type Opening } from './sheet-in-browser.js';

/**
 * The opening and the scroll of 招生实绩 on the 600,000-intake province, for builds of the admin side by side: each build
 * (a directory made by `vite build --outDir DIR`, given as an argument) is shown in the browser's page in
 * turn (round after round, alternating the order), its requests answered by the same server over the same
 * province, so that a busy machine weighs on every build alike. Per build and round: the time from signing in
 * and opening the sheet until its first row shows the server's block (as bench:admin takes it, and as the page
 * saw it, with the page's first request and the first block's request and answer on the way); main-thread CPU per frame, frame time p50
 * and p95 while scrolling 120 frames of 600 px (`BENCH_SCROLL_STEP`) as bench:admin does; the rows drawn, those drawn before their
 * block had arrived (no row id) and those drawn a second time; then the same scroll over the rows already
 * read (no block arriving). The province is kept in BENCH_SCROLL_DIR (default: a folder in the system's
 * temporary directory) for the next run; delete it when done. BENCH_SCROLL_ROUNDS sets the rounds (3);
 * BENCH_SCROLL_OPEN_ONLY=1 times the opening alone (no scroll); BENCH_SCROLL_STEP sets the scroll's step (600 px a frame).
 */
const dir = process.env.BENCH_SCROLL_DIR ?? path.join(os.tmpdir(), 'zj-bench-admin-scroll');
const rounds = Number(process.env.BENCH_SCROLL_ROUNDS ?? '3');
const openOnly = process.env.BENCH_SCROLL_OPEN_ONLY === '1';
const step = Number(process.env.BENCH_SCROLL_STEP ?? SCROLL_STEP);
const builds = process.argv.slice(2).map((build) => path.resolve(build));

const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/**
 * The build's files from a server of their own, /graphql passed on to the server. Not `page.route`: a route
 * holds every request of the page until Playwright has seen it, which waits for the page's main thread, so
 * the sheet's requests would leave only once the page's work of the moment is done (not so in bench:admin).
 */
async function serveBuild(base: string, build: string): Promise<{ url: string; close: () => void }> {
  const site = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://build');
    if (url.pathname === '/graphql') {
      const headers = { ...request.headers };
      delete headers.host;
      const upstream = http.request(`${base}/graphql`, { method: request.method, headers }, (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      });
      request.pipe(upstream);
      return;
    }
    let file = path.join(build, url.pathname === '/' ? 'index.html' : url.pathname);
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(build, 'index.html');
    response.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    response.end(fs.readFileSync(file));
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(site.address() as AddressInfo).port}`, close: () => site.close() };
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
  const { frames, cpuPerFrame, rows, empty, twice } = await scrollSheet(page, step);
  const sorted = [...frames].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
  return { cpu: cpuPerFrame, p50: at(50), p95: at(95), rows, empty, twice };
}

interface Round {
  opened: Opening;
  first?: Scroll;
  again?: Scroll;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Where the opening went: the page's first request, the first block asked and answered, its rows shown. */
const steps = (o: Opening) =>
  `first request ${o.firstRequest.toFixed(2)}, block asked ${o.rowsAsked.toFixed(2)}, answered ${o.rowsAnswered.toFixed(2)}, rows shown ${o.inPage.toFixed(2)}`;
const medianOpening = (r: Round[]): Opening => {
  const of = (key: keyof Opening) => median(r.map((x) => x.opened[key]));
  return { polled: of('polled'), inPage: of('inPage'), firstRequest: of('firstRequest'), rowsAsked: of('rowsAsked'), rowsAnswered: of('rowsAnswered') };
};

async function main() {
  if (builds.length === 0) throw new Error('usage: admin-scroll.ts BUILD_DIR [BUILD_DIR …]');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'province.sqlite');
  if (!fs.existsSync(file)) await loadProvince(file, FULL_SIZE);
  const server = await startProvinceServer(file, BENCH_ADMIN);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const sites = new Map(await Promise.all(builds.map(async (build) => [build, await serveBuild(server.base, build)] as const)));
  const results = new Map<string, Round[]>(builds.map((build) => [build, []]));
  try {
    for (let round = 0; round < rounds; round++) {
      for (const build of round % 2 === 0 ? builds : [...builds].reverse()) {
        const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
        const site = sites.get(build)!.url;
        await signIn(page, site, BENCH_ADMIN);
        const opened = await untilRowsInPage(page, () => page.goto(`${site}/#/Intake`));
        if (openOnly) {
          results.get(build)!.push({ opened });
          console.log(
            `round ${round + 1} ${build}: rows shown after ${opened.polled.toFixed(2)} s (in the page ${opened.inPage.toFixed(2)} s: ${steps(opened)}); load ${os.loadavg()[0]!.toFixed(1)}`,
          );
          await page.close();
          continue;
        }
        await page.locator('.ag-grid-scrolling-container .ag-row[row-index="0"] [col-id="count"]').filter({ hasText: /\d/ }).waitFor({ timeout: 600000 });
        await page.waitForTimeout(1000);
        const first = await scroll(page);
        await page.locator('.sheet-grid .ag-grid-viewport').evaluate((viewport) => (viewport.scrollTop = 0));
        await page.waitForTimeout(500);
        const again = await scroll(page);
        results.get(build)!.push({ opened, first, again });
        console.log(
          `round ${round + 1} ${build}: rows shown after ${opened.polled.toFixed(2)} s (in the page ${opened.inPage.toFixed(2)} s: ${steps(opened)}); CPU ${first.cpu.toFixed(1)} ms a frame, p50 ${first.p50.toFixed(0)} / p95 ${first.p95.toFixed(0)} ms, ` +
            `rows drawn ${first.rows} (${first.empty} without data, ${first.twice} twice); over rows read: CPU ${again.cpu.toFixed(1)} ms, ` +
            `p50 ${again.p50.toFixed(0)} ms; load ${os.loadavg()[0]!.toFixed(1)}`,
        );
        await page.close();
      }
    }
  } finally {
    await browser.close();
    for (const site of sites.values()) site.close();
    await server.stop();
  }
  for (const [build, r] of results) {
    const opening = `${build}: medians rows shown after ${median(r.map((x) => x.opened.polled)).toFixed(2)} s (in the page ${median(r.map((x) => x.opened.inPage)).toFixed(2)} s: ${steps(medianOpening(r))})`;
    if (openOnly) {
      console.log(opening);
      continue;
    }
    const first = (key: keyof Scroll) => median(r.map((x) => x.first![key])).toFixed(key === 'cpu' ? 1 : 0);
    console.log(
      `${opening}, CPU ${first('cpu')} ms a frame, p50 ${first('p50')} / p95 ${first('p95')} ms, rows drawn ${first('rows')} ` +
        `(${first('empty')} without data, ${first('twice')} twice); over rows read CPU ${median(r.map((x) => x.again!.cpu)).toFixed(1)} ms`,
    );
  }
}

await main();
