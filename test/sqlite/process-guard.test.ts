import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The guard main.ts installs: a rejection nobody handles is logged and the process keeps serving. */
test('an unhandled rejection is logged and does not end the process', () => {
  const script = `
    import { guardProcess } from './src/process-guard.ts';
    guardProcess();
    Promise.reject(new Error('nobody waits for me'));
    setTimeout(() => { console.log('still running'); process.exit(0); }, 300);
  `;
  const result = spawnSync(path.join(root, 'server', 'node_modules', '.bin', 'tsx'), ['--eval', script], {
    cwd: path.join(root, 'server'),
    encoding: 'utf8',
    timeout: 60000,
  });
  expect(result.stderr).toMatch(/unhandled rejection \(the server keeps running\): Error: nobody waits for me/);
  expect(result.stdout).toContain('still running');
  expect(result.status).toBe(0);
});

test('without the guard the same rejection ends the process (what the guard prevents)', () => {
  const script = `Promise.reject(new Error('nobody waits for me')); setTimeout(() => console.log('still running'), 300);`;
  const result = spawnSync(process.execPath, ['--input-type=module', '--eval', script], { encoding: 'utf8', timeout: 60000 });
  expect(result.stdout).not.toContain('still running');
  expect(result.status).not.toBe(0);
});
