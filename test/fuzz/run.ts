import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { reportMarkdown, runFuzz } from './fuzz.js';

/** `pnpm fuzz [seconds] [seed]` (or FUZZ_SECONDS, FUZZ_SEED, FUZZ_CONCURRENCY, FUZZ_DEMO=false). */
const [secondsArg, seedArg] = process.argv.slice(2);
const options = {
  seconds: Number(secondsArg ?? process.env.FUZZ_SECONDS ?? 60),
  seed: Number(seedArg ?? process.env.FUZZ_SEED ?? Date.now() % 100000),
  concurrency: Number(process.env.FUZZ_CONCURRENCY ?? 4),
  demo: process.env.FUZZ_DEMO !== 'false',
};
const report = await runFuzz(options);
const markdown = reportMarkdown(report);
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'bench', 'results', 'fuzz-latest.md');
fs.writeFileSync(out, markdown);
console.log(markdown);
console.log(`Written to ${out}`);
process.exit(report.failures.length > 0 ? 1 : 0);
