import { expect, test } from 'vitest';
import { statementChunks } from '../../server/src/common/batch-lookups.js';

/**
 * Writes are prepared once per row count, and a prepared statement of a thousand rows holds about a
 * megabyte: whatever the counts written, a table may get only a few sizes of statement.
 */
test('every row once, in order, in full chunks and then powers of two', () => {
  for (const n of [0, 1, 7, 999, 1000, 1001, 2537]) {
    const items = Array.from({ length: n }, (_, i) => i);
    const chunks = statementChunks(items, 1000);
    expect(chunks.flat()).toEqual(items);
    const sizes = chunks.map((c) => c.length);
    expect(sizes.every((s) => s === 1000 || (s < 1000 && Number.isInteger(Math.log2(s))))).toBe(true);
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
  }
});

test('any count of rows up to five thousand uses at most eleven sizes of statement', () => {
  const sizes = new Set<number>();
  for (let n = 1; n <= 5000; n++) for (const chunk of statementChunks(Array.from({ length: n }), 1000)) sizes.add(chunk.length);
  expect(sizes.size).toBeLessThanOrEqual(11);
  // a bound that is not a power of two: 666 rows of 30 parameters
  const odd = new Set(Array.from({ length: 2000 }, (_, n) => statementChunks(Array.from({ length: n + 1 }), 666).map((c) => c.length)).flat());
  expect(odd.size).toBeLessThanOrEqual(11);
});
