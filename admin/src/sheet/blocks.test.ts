import { describe, expect, test } from 'vitest';
import { blockStarts, shownRows } from './blocks';
import type { SheetRow } from './types';

const saved = (id: number, seats = id): SheetRow => ({ key: String(id), id: String(id), version: 1, data: { seats }, original: { seats } });
const added = (n: number): SheetRow => ({ key: `new-${n}`, data: { seats: n } });

describe('blocks', () => {
  test('the blocks a stretch of rows lies in, from the block of its first row to that of its last', () => {
    expect(blockStarts(0, 0, 100)).toEqual([0]);
    expect(blockStarts(5, 350, 100)).toEqual([0, 100, 200, 300]);
    expect(blockStarts(100, 199, 100)).toEqual([100]);
    expect(blockStarts(199, 200, 100)).toEqual([100, 200]);
  });

  test('a block shows the unsaved state of its rows and, past the last saved row, the rows added', () => {
    const edited = { ...saved(2), data: { seats: 20 } };
    const touched = [edited, added(1), added(2), added(3)];
    // the last block of 3 saved rows (blocks of 2): saved row 3, then the first added row
    expect(shownRows([saved(3)], touched, 2, 4, 3).map((row) => row.key)).toEqual(['3', 'new-1']);
    // an edited row shows its edit wherever its block is read
    expect(shownRows([saved(1), saved(2)], touched, 0, 2, 3)).toEqual([saved(1), edited]);
    // a block wholly past the saved rows holds only added rows
    expect(shownRows([], touched, 4, 6, 3).map((row) => row.key)).toEqual(['new-2', 'new-3']);
  });
});
