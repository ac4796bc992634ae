import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { buildAdmin, startServerProcess } from '../helpers/server-process.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** a server over reference data only (the sheet tests build their rows) */
    adminUrl: string;
    /** a server over the deterministic demo province (views, roles, history, workflow) */
    demoUrl: string;
    adminUsername: string;
    adminPassword: string;
  }
}

/** The first province admin both servers create (ADMIN_USERNAME / ADMIN_PASSWORD). */
const ADMIN_USERNAME = 'admin';
const ADMIN_PASSWORD = 'E2e-province-2024';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function newestMtime(dir: string): number {
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((max, entry) => {
    const full = path.join(dir, entry.name);
    return Math.max(max, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }, 0);
}

/** Builds the admin when its sources (or the schema) are newer than the last build. */
function buildAdminIfStale(): void {
  const built = path.join(root, 'admin', 'dist', 'index.html');
  const sources = Math.max(newestMtime(path.join(root, 'admin', 'src')), fs.statSync(path.join(root, 'schema', 'schema.graphql')).mtimeMs);
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs > sources) return;
  buildAdmin();
}

/** The real server (as `npm start` runs it) over a fresh SQLite file. */
const startServer = (dir: string, name: string, demoData: boolean) =>
  startServerProcess(
    `sqlite:${path.join(dir, `${name}.sqlite`)}`,
    {
      DEMO_DATA: String(demoData),
      // The demo as it stands on one day, so the views and screenshots are the same whenever the suite runs.
      DEMO_TODAY: '2026-12-01',
      NODE_ENV: 'test',
      ADMIN_USERNAME,
      ADMIN_PASSWORD,
    },
    { readyWithinMs: 300000 },
  );

export default async function setup(project: TestProject) {
  buildAdminIfStale();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-e2e-'));
  const started = await Promise.allSettled([startServer(dir, 'e2e', false), startServer(dir, 'demo', true)]);
  const servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await Promise.all(servers.map((s) => s.stop()));
    throw failed.reason;
  }
  project.provide('adminUrl', servers[0]!.base);
  project.provide('demoUrl', servers[1]!.base);
  project.provide('adminUsername', ADMIN_USERNAME);
  project.provide('adminPassword', ADMIN_PASSWORD);
  return async () => {
    await Promise.all(servers.map((s) => s.stop()));
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
