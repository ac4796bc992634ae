import 'reflect-metadata';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { openOrm, migrate, closeOrm } from '../../server/src/orm.js';
import { seedReference } from '../../server/src/seeders/reference.js';
import { City } from '../../server/src/modules/city/city.entity.js';
import { Major } from '../../server/src/modules/major/major.entity.js';
import { freePort } from '../../scripts/free-port.mjs';
import { generateProvince } from './generate.js';
import { bulkLoad } from './load.js';

/**
 * The admin at full size: the benchmark province (600,000 intakes) in SQLite, the real server, Chromium.
 * Times how long the heaviest sheets take to show rows, reads what they say about the row count, and
 * measures frame times while scrolling. Figures go to results/admin-latest.md; nothing is asserted.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const USERNAME = 'admin';
const PASSWORD = 'Bench-admin-2024';
const SHEETS = ['Intake', 'EnrollmentPlan', 'School'];

async function loadProvince(file: string) {
  const orm = await openOrm({ databaseUrl: `sqlite:${file}` });
  try {
    await migrate(orm);
    await orm.em.fork().transactional((em) => seedReference(em));
    const em = orm.em.fork();
    const ids = { city: new Map((await em.find(City, {})).map((c) => [c.code, c.id])), major: new Map((await em.find(Major, {})).map((m) => [m.code, m.id])) };
    await bulkLoad(orm, generateProvince(ids));
  } finally {
    await closeOrm(orm);
  }
}

async function startServer(file: string) {
  const port = await freePort();
  const child = spawn(path.join(root, 'server/node_modules/.bin/tsx'), ['src/main.ts'], {
    cwd: path.join(root, 'server'),
    env: { ...process.env, DATABASE_URL: `sqlite:${file}`, PORT: String(port), NODE_ENV: 'test', ADMIN_USERNAME: USERNAME, ADMIN_PASSWORD: PASSWORD },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 600000;
  while (
    !(await fetch(`${base}/ready`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return { base, stop: () => child.kill('SIGTERM') };
}

/** Frame times (ms) while the grid scrolls 120 steps of 600 px, one per animation frame. */
function scrollFrames(page: Page): Promise<number[]> {
  return page.evaluate(
    () =>
      new Promise<number[]>((resolve) => {
        const viewport = document.querySelector('.sheet-grid .ag-body-viewport')!;
        const frames: number[] = [];
        let last = performance.now();
        const step = () => {
          const now = performance.now();
          frames.push(now - last);
          last = now;
          viewport.scrollTop += 600;
          if (frames.length < 120) requestAnimationFrame(step);
          else resolve(frames.slice(1));
        };
        requestAnimationFrame(step);
      }),
  );
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-bench-admin-'));
  const file = path.join(dir, 'province.sqlite');
  console.log('loading the 600,000-intake province…');
  await loadProvince(file);
  const server = await startServer(file);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const lines = [
    '# Admin at full size',
    '',
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${new Date().toISOString().slice(0, 10)}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')}. The benchmark province (600,000 intakes) in SQLite, Chromium headless.`,
    '',
    '| sheet | rows shown after (s) | row count shown | loaded of the filtered set | scroll frame p50 / p95 (ms) |',
    '|---|---:|---|---|---:|',
  ];
  try {
    const page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    await page.goto(`${server.base}/#/login`);
    await page.locator('input[name="username"]').fill(USERNAME);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((url) => !url.hash.startsWith('#/login'));
    for (const sheet of SHEETS) {
      const start = performance.now();
      await page.goto(`${server.base}/#/${sheet}`);
      await page.locator('.ag-grid-scrolling-container .ag-row').first().waitFor({ timeout: 600000 });
      const shownAfter = (performance.now() - start) / 1000;
      await page.locator('.sheet-row-count').waitFor({ timeout: 600000 });
      const count = await page.locator('.sheet-row-count').textContent();
      const truncated = (await page.locator('.sheet-truncated').count()) > 0 ? await page.locator('.sheet-truncated').textContent() : 'all';
      const frames = await scrollFrames(page);
      lines.push(
        `| ${sheet} | ${shownAfter.toFixed(1)} | ${count} | ${truncated} | ${percentile(frames, 50).toFixed(0)} / ${percentile(frames, 95).toFixed(0)} |`,
      );
      console.log(lines.at(-1));
    }
  } finally {
    await browser.close();
    server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  fs.writeFileSync(path.join(here, 'results', 'admin-latest.md'), `${lines.join('\n')}\n`);
}

await main();
