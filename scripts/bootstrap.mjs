// Makes a fresh clone runnable with only Node 20 and npm: brings pnpm, installs the workspace when the
// lockfile changed, and builds the admin when its sources changed. Fast when nothing changed.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PNPM_VERSION = '12.4.2';
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function log(message) {
  console.log(`[setup] ${message}`);
}

/** pnpm on PATH when it is the pinned version, else a private copy under .tools/. */
export function pnpmCommand() {
  const global = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (global.status === 0 && global.stdout.trim() === PNPM_VERSION) return 'pnpm';
  const local = path.join(root, '.tools', 'node_modules', '.bin', 'pnpm');
  if (!fs.existsSync(local)) {
    log(`installing pnpm ${PNPM_VERSION} into .tools/`);
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', path.join(root, '.tools'), `pnpm@${PNPM_VERSION}`], {
      stdio: 'inherit',
    });
  }
  return local;
}

function hashOf(files) {
  const hash = createHash('sha256');
  for (const file of files) if (fs.existsSync(file)) hash.update(file).update(fs.readFileSync(file));
  return hash.digest('hex');
}

function listFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options, env: { ...process.env, ...options.env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function installIfNeeded(pnpm) {
  const manifests = ['pnpm-lock.yaml', 'pnpm-workspace.yaml', 'package.json', 'server/package.json', 'admin/package.json', 'test/package.json'].map((f) =>
    path.join(root, f),
  );
  const stamp = path.join(root, 'node_modules', '.install-stamp');
  const wanted = hashOf(manifests);
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === wanted) return;
  log('installing dependencies (the first time builds better-sqlite3 from source, about a minute)');
  // node-gyp needs Node's headers; Debian's nodejs keeps them under /usr/include/node.
  const env = fs.existsSync('/usr/include/node/node.h') && !process.env.npm_config_nodedir ? { npm_config_nodedir: '/usr' } : {};
  run(pnpm, ['install', '--frozen-lockfile'], { env });
  fs.writeFileSync(stamp, wanted);
}

function buildAdminIfNeeded(pnpm) {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'admin', 'package.json'), 'utf8'));
  if (!manifest.scripts?.build) return;
  const sources = [
    ...listFiles(path.join(root, 'admin', 'src')),
    path.join(root, 'admin', 'index.html'),
    path.join(root, 'admin', 'vite.config.ts'),
    path.join(root, 'schema', 'schema.graphql'),
    path.join(root, 'schema', 'resources.json'),
  ];
  const stamp = path.join(root, 'admin', 'dist', '.build-stamp');
  const wanted = hashOf(sources);
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === wanted) return;
  log('building the admin');
  run(pnpm, ['--filter', 'admin', 'run', 'build']);
  fs.writeFileSync(stamp, wanted);
}

export function bootstrap() {
  const pnpm = pnpmCommand();
  installIfNeeded(pnpm);
  buildAdminIfNeeded(pnpm);
  return pnpm;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) bootstrap();
