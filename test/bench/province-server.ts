import 'reflect-metadata';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openOrm, migrate, closeOrm } from '../../server/src/orm.js';
import { seedReference } from '../../server/src/seeders/reference.js';
import { City } from '../../server/src/modules/city/city.entity.js';
import { Major } from '../../server/src/modules/major/major.entity.js';
import { freePort } from '../../scripts/free-port.mjs';
import { FULL_SIZE, generateProvince, type BenchSize } from './generate.js';
import { bulkLoad } from './load.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The generated province (at the given size) in a new SQLite file: reference data, schools, programs, plan lines, intakes. */
export async function loadProvince(file: string, size: BenchSize = FULL_SIZE): Promise<void> {
  const orm = await openOrm({ databaseUrl: `sqlite:${file}` });
  try {
    await migrate(orm);
    await orm.em.fork().transactional((em) => seedReference(em));
    const em = orm.em.fork();
    const ids = { city: new Map((await em.find(City, {})).map((c) => [c.code, c.id])), major: new Map((await em.find(Major, {})).map((m) => [m.code, m.id])) };
    await bulkLoad(orm, generateProvince(ids, size));
  } finally {
    await closeOrm(orm);
  }
}

/** The real server (as `npm start` runs it, serving the built admin) over a SQLite file, with a province admin of the given name. */
export async function startProvinceServer(file: string, admin: { username: string; password: string }) {
  const port = await freePort();
  const child = spawn(path.join(root, 'server/node_modules/.bin/tsx'), ['src/main.ts'], {
    cwd: path.join(root, 'server'),
    env: {
      ...process.env,
      DATABASE_URL: `sqlite:${file}`,
      PORT: String(port),
      NODE_ENV: 'test',
      ADMIN_USERNAME: admin.username,
      ADMIN_PASSWORD: admin.password,
    },
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
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  return { base, stop };
}
