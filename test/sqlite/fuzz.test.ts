import { expect, test } from 'vitest';
import { runFuzz } from '../fuzz/fuzz.js';

/** A short `pnpm fuzz` (10 s of random operations from the schema) against a real server process. */
test('random documents and variables get no 5xx, no crash and no unlogged internal error', async () => {
  const report = await runFuzz({ seconds: 10, seed: 1537, concurrency: 2, demo: false });
  expect(report.failures).toEqual([]);
  expect(report.requests).toBeGreaterThan(10);
  // The generator reaches past validation: some operations run and some are refused as bad input.
  expect(report.statuses['200']).toBeGreaterThan(0);
  expect(report.codes.BAD_USER_INPUT).toBeGreaterThan(0);
}, 180000);
