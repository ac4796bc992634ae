import { describe, expect, test } from 'vitest';
import { blocksAhead, blockStarts, shownRows } from './blocks';
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

  test('while scrolling, the blocks within the rows ahead of the view in the direction of the scroll', () => {
    // down from rows 0..27 to 20..47: rows 48..247 lie in blocks 0, 1 and 2
    expect(blocksAhead(0, 20, 47, 10000, 100, 200)).toEqual([48, 100, 200]);
    // up from rows 520..547 to 500..527: rows 300..499 lie in blocks 3 and 4
    expect(blocksAhead(520, 500, 527, 10000, 100, 200)).toEqual([300, 400]);
    // near the ends: nothing past the last row or before the first
    expect(blocksAhead(9950, 9960, 9987, 10000, 100, 200)).toEqual([9988]);
    expect(blocksAhead(20, 0, 27, 10000, 100, 200)).toEqual([]);
    expect(blocksAhead(9970, 9972, 9999, 10000, 100, 200)).toEqual([]);
    // the first view, a view that did not move and a jump read nothing ahead
    expect(blocksAhead(undefined, 0, 27, 10000, 100, 200)).toEqual([]);
    expect(blocksAhead(20, 20, 47, 10000, 100, 200)).toEqual([]);
    expect(blocksAhead(0, 448, 475, 10000, 100, 200)).toEqual([]);
  });
});
