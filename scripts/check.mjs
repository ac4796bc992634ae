// `npm run check`: what CI runs before the tests — the typecheck of every package, ESLint and Prettier.
import path from 'node:path';
import { bootstrap, run } from './bootstrap.mjs';

const pnpm = bootstrap();
// package scripts call `pnpm` by name: the pinned copy comes first on PATH
const env = path.isAbsolute(pnpm) ? { PATH: `${path.dirname(pnpm)}${path.delimiter}${process.env.PATH}` } : {};
for (const script of ['typecheck', 'lint', 'format:check']) {
  console.log(`[check] pnpm ${script}`);
  run(pnpm, ['run', script], { env });
}
