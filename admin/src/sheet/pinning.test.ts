import { describe, expect, test } from 'vitest';
import { pinningWanted } from './pinning';

describe('pinningWanted', () => {
  test('pins when the columns are wider than the view, not when they fit', () => {
    expect(pinningWanted([132, 400, 90, 150, 110, 120], 1182)).toBe(false);
    expect(pinningWanted([132, 400, 90, 150, 110, 120], 742)).toBe(true);
    expect(pinningWanted([132, 400, 90, 150, 110, 120], 1002)).toBe(false);
    expect(pinningWanted([132, 400, 90, 150, 110, 120], 1001)).toBe(true);
  });

  test('leaves a view not laid out yet unpinned', () => {
    expect(pinningWanted([132, 400], 0)).toBe(false);
  });
});
