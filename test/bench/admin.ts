import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { FULL_SIZE, type BenchSize } from './generate.js';
import { loadProvince, startProvinceServer } from './province-server.js';
import { BENCH_ADMIN, SCROLL_STEP, WHEEL_STEP, scrollSheet, signIn, untilRows, type SheetScroll } from './sheet-in-browser.js';
import { buildAdmin } from '../helpers/server-process.js';

/**
 * The admin at full size: the benchmark province (600,000 intakes) in SQLite, the real server, Chromium.
 * As the province admin and as a city admin, times how long the heaviest sheets take to show rows, reads
 * their row count, measures frame times while scrolling (at a brisk mouse wheel's pace, then a new screen of
 * rows every frame, as a dragged scrollbar brings them), and times a server sort (a column header) and
 * a server filter (a year). Figures go to results/admin-latest.md; nothing is asserted.
 * `BENCH_ADMIN_SCALE=0.01` runs the same on a smaller province (a smoke run; no results file).
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const CITY_ADMIN = { username: 'hangzhou.bench', password: 'Hangzhou-bench-2024' };
/** the sheets and the numeric column each is sorted by */
const SHEETS: { resource: string; sortBy: string }[] = [
  { resource: 'Intake', sortBy: 'count' },
  { resource: 'EnrollmentPlan', sortBy: 'seats' },
  { resource: 'School', sortBy: 'name' },
];
const FILTER_YEAR = 2025;

function sizeOf(scale: number): BenchSize {
  if (scale === 1) return FULL_SIZE;
  return { ...FULL_SIZE, schools: Math.max(11, Math.round(FULL_SIZE.schools * scale)) };
}

async function gql<T>(base: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** A city admin of Hangzhou, created through the API as the province admin. */
async function createCityAdmin(base: string) {
  const { login } = await gql<{ login: { token: string } }>(base, 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
    u: BENCH_ADMIN.username,
    p: BENCH_ADMIN.password,
  });
  const { allCities } = await gql<{ allCities: { id: string }[] }>(base, '{ allCities(filter: { code: "330100" }) { id } }', {}, login.token);
  await gql(
    base,
    'mutation($c: ID!, $u: String!, $p: String!) { createUser(username: $u, displayName: "杭州市局", role: CITY_ADMIN, cityId: $c, password: $p) { id } }',
    { c: allCities[0]!.id, u: CITY_ADMIN.username, p: CITY_ADMIN.password },
    login.token,
  );
}

const openSheet = (page: Page, url: string) => untilRows(page, () => page.goto(url));
/** a click on a column header: the server sorts */
const sortBy = (page: Page, column: string) => untilRows(page, () => page.locator(`.ag-header-cell[col-id="${column}"] .ag-header-cell-label`).click());

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;
const framesOf = ({ frames }: SheetScroll) => `${percentile(frames, 50).toFixed(0)} / ${percentile(frames, 95).toFixed(0)}`;

async function main() {
  const scale = Number(process.env.BENCH_ADMIN_SCALE ?? '1');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-bench-admin-'));
  const file = path.join(dir, 'province.sqlite');
  buildAdmin();
  console.log(`loading the benchmark province at scale ${scale}…`);
  await loadProvince(file, sizeOf(scale));
  const server = await startProvinceServer(file, BENCH_ADMIN);
  await createCityAdmin(server.base);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const lines = [
    '# Admin at full size',
    '',
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${new Date().toISOString().slice(0, 10)}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')}. The benchmark province (${scale === 1 ? '600,000 intakes' : `scale ${scale}`}) in SQLite, Chromium headless. Sheets read`,
    "their rows from the server in blocks of 100; the row count and totals are the server's for the whole filtered set.",
    '',
    `| who | sheet | rows shown after (s) | row count shown | scroll of ${SCROLL_STEP} px a frame: frame p50 / p95 (ms) | … main-thread CPU per frame (ms) | scroll of ${WHEEL_STEP} px a frame: frame p50 / p95 (ms) | … main-thread CPU per frame (ms) | server sort (s) | filtered by year, rows shown after (s) |`,
    '|---|---|---:|---|---:|---:|---:|---:|---:|---:|',
  ];
  try {
    for (const [who, account] of [
      ['province admin', BENCH_ADMIN],
      ['city admin (杭州)', CITY_ADMIN],
    ] as const) {
      const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
      await signIn(page, server.base, account);
      for (const sheet of SHEETS) {
        const shownAfter = await openSheet(page, `${server.base}/#/${sheet.resource}`);
        await page.locator('.sheet-row-count').waitFor({ timeout: 600000 });
        const count = await page.locator('.sheet-row-count').textContent();
        // the wheel from the top, then the dragged scroll on from there: both over rows not read before
        const wheel = await scrollSheet(page, WHEEL_STEP);
        const dragged = await scrollSheet(page, SCROLL_STEP);
        await page.locator('.sheet-grid .ag-grid-viewport').evaluate((viewport) => (viewport.scrollTop = 0));
        const sorted = await sortBy(page, sheet.sortBy);
        const filter = encodeURIComponent(JSON.stringify({ year: FILTER_YEAR }));
        const filtered = sheet.resource === 'School' ? undefined : await openSheet(page, `${server.base}/#/${sheet.resource}?filter=${filter}`);
        lines.push(
          `| ${who} | ${sheet.resource} | ${shownAfter.toFixed(2)} | ${count} | ${framesOf(dragged)} | ${dragged.cpuPerFrame.toFixed(0)} | ${framesOf(wheel)} | ${wheel.cpuPerFrame.toFixed(0)} | ${sorted.toFixed(2)} | ${filtered?.toFixed(2) ?? '—'} |`,
        );
        console.log(lines.at(-1));
      }
      await page.close();
    }
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (scale === 1) fs.writeFileSync(path.join(here, 'results', 'admin-latest.md'), `${lines.join('\n')}\n`);
}

await main();
