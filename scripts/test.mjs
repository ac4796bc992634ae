// `npm test`: the whole suite. The PostgreSQL and browser legs run wherever they can; in CI a leg
// that cannot run fails the run, on a developer's machine it is skipped with a message saying so.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { bootstrap, root } from './bootstrap.mjs';
import { postgresUnavailableReason } from './postgres-cluster.mjs';

const pnpm = bootstrap();
const inCi = Boolean(process.env.CI);
// the admin's unit tests (translations, CSV) run in the same vitest invocation, so the summary counts them
const projects = ['sqlite', 'admin'];
const skipped = [];

function leg(name, reason) {
  if (!reason) projects.push(name);
  else if (inCi) {
    console.error(`[test] FAIL: the ${name} leg cannot run in CI: ${reason}`);
    process.exit(1);
  } else skipped.push(`${name} (${reason})`);
}

leg('postgresql', postgresUnavailableReason());
if (fs.existsSync(path.join(root, 'test', 'e2e'))) {
  const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
  if (fs.readdirSync(path.join(root, 'test', 'e2e')).some((f) => f.endsWith('.test.ts'))) {
    leg('e2e', chromium ? null : 'Chromium is not installed: apt-get install -y chromium fonts-wqy-microhei');
  }
}
for (const s of skipped) console.warn(`[test] SKIPPED leg: ${s}`);

const report = path.join(os.tmpdir(), `zj-vitest-${process.pid}.json`);
const args = [
  '--filter',
  'test',
  'exec',
  'vitest',
  'run',
  ...projects.flatMap((p) => ['--project', p]),
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
];
const result = spawnSync(pnpm, args, { stdio: 'inherit', cwd: root });

if (fs.existsSync(report)) {
  const summary = JSON.parse(fs.readFileSync(report, 'utf8'));
  fs.rmSync(report);
  console.log(`\nLegs run: ${projects.join(', ')}${skipped.length ? `; skipped: ${skipped.join('; ')}` : ''}`);
  console.log(`${summary.numPassedTests} passed, ${summary.numFailedTests} failed`);
}
process.exit(result.status ?? 1);
