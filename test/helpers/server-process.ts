import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_JWT_SECRET, TEST_PERSONAL_DATA_KEYS } from './credentials.js';
import { freePort } from '../../scripts/free-port.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ServerProcess {
  /** `http://127.0.0.1:port`, for pages, `/health` and `/ready` */
  base: string;
  /** its GraphQL endpoint */
  url: string;
  process: ChildProcess;
  output(): string;
  stop(): Promise<number | null>;
  /** kill -9 of the server (and of the node process `tsx` runs it in), as a power cut would stop it. */
  kill(): Promise<void>;
}

/** Compiles the server with its own `build` script (to server/dist), for processes started with `compiled`. */
export function buildServer(): void {
  const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: path.join(root, 'server'), encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`the server does not compile:\n${result.stdout}${result.stderr}`);
}

/**
 * Builds the admin into admin/dist as users get it: a production build. Under vitest NODE_ENV is
 * `test`, which Vite would keep, bundling React's development build (two to three times the CPU per
 * rendered row in the browser).
 */
export function buildAdmin(): void {
  const result = spawnSync(path.join(root, 'admin', 'node_modules', '.bin', 'vite'), ['build'], {
    cwd: path.join(root, 'admin'),
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('building the admin failed');
}

/** The node arguments of the server's `start:production` script (its heap setting and `dist/main.js`). */
export function productionArgs(): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'server', 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const [node, ...args] = manifest.scripts['start:production']!.split(/\s+/);
  if (node !== 'node') throw new Error('start:production is expected to run node');
  return args;
}

/**
 * The server as users run it, in its own process on a free loopback port, started against a given
 * database (migrated and seeded on start as `npm start` does; `DEMO_DATA` false unless `env` says
 * otherwise); it signs tokens as the test app does. From source (`tsx src/main.ts`, as `npm start`), or
 * `compiled` as production runs it (`start:production`'s node arguments after `buildServer`). Ready
 * once `/ready` answers; a shared machine under load may take minutes to compile and start it.
 */
export async function startServerProcess(
  databaseUrl: string,
  env: Record<string, string> = {},
  { compiled = false, readyWithinMs = 60000 } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const [command, args] = compiled ? [process.execPath, productionArgs()] : [path.join(root, 'server', 'node_modules', '.bin', 'tsx'), ['src/main.ts']];
  const child = spawn(command, args, {
    cwd: path.join(root, 'server'),
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), DEMO_DATA: 'false', JWT_SECRET: TEST_JWT_SECRET, ...TEST_PERSONAL_DATA_KEYS, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + readyWithinMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    const ready = await fetch(`${base}/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`server did not become ready:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    url: `${base}/graphql`,
    process: child,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
    kill: async () => {
      const exited = new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
      spawnSync('pkill', ['-KILL', '-P', String(child.pid)]);
      child.kill('SIGKILL');
      await exited;
    },
  };
}
