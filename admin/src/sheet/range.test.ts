import { describe, expect, test } from 'vitest';
import { bounds, contains, extendRange, fillDownPlan, isMultiCell, type CellRange } from './range';

const cols = ['name', 'type', 'cityId', 'seats'];
const at = (rowIndex: number, colId: string) => ({ rowIndex, colId });

describe('ranges', () => {
  test('bounds are the rectangle between anchor and focus, whichever way it was drawn', () => {
    const up: CellRange = { anchor: at(5, 'seats'), focus: at(2, 'type') };
    expect(bounds(up, cols)).toEqual({ top: 2, bottom: 5, columns: ['type', 'cityId', 'seats'] });
    expect(contains(bounds(up, cols), 3, 'cityId')).toBe(true);
    expect(contains(bounds(up, cols), 3, 'name')).toBe(false);
    expect(contains(bounds(up, cols), 6, 'seats')).toBe(false);
  });

  test('a hidden column leaves no columns rather than a wrong rectangle', () => {
    expect(bounds({ anchor: at(0, 'gone'), focus: at(0, 'gone') }, cols).columns).toEqual([]);
  });

  test('Shift+arrows move the focus end one cell, stopping at the edges; the anchor stays', () => {
    let range: CellRange = { anchor: at(0, 'type'), focus: at(0, 'type') };
    range = extendRange(range, 'ArrowDown', cols, 3);
    range = extendRange(range, 'ArrowDown', cols, 3);
    range = extendRange(range, 'ArrowDown', cols, 3);
    range = extendRange(range, 'ArrowRight', cols, 3);
    expect(range).toEqual({ anchor: at(0, 'type'), focus: at(2, 'cityId') });
    range = extendRange(extendRange(extendRange(range, 'ArrowLeft', cols, 3), 'ArrowLeft', cols, 3), 'ArrowLeft', cols, 3);
    expect(range.focus).toEqual(at(2, 'name'));
    expect(extendRange({ anchor: at(0, 'name'), focus: at(0, 'name') }, 'ArrowUp', cols, 3).focus).toEqual(at(0, 'name'));
  });

  test('Ctrl+D: a range fills from its first row; a single cell from the row above; the first row has nothing above', () => {
    expect(fillDownPlan({ top: 1, bottom: 3, columns: ['type'] })).toEqual({ source: 1, targets: [2, 3] });
    expect(fillDownPlan({ top: 4, bottom: 4, columns: ['type'] })).toEqual({ source: 3, targets: [4] });
    expect(fillDownPlan({ top: 0, bottom: 0, columns: ['type'] })).toBeUndefined();
  });

  test('one cell is a focus, not a range', () => {
    expect(isMultiCell({ top: 1, bottom: 1, columns: ['type'] })).toBe(false);
    expect(isMultiCell({ top: 1, bottom: 1, columns: ['type', 'seats'] })).toBe(true);
    expect(isMultiCell({ top: 1, bottom: 2, columns: ['type'] })).toBe(true);
  });
});
