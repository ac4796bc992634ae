import type { CellPosition } from './types';

/** A rectangular selection between an anchor cell and the cell the cursor moved to. */
export interface CellRange {
  anchor: CellPosition;
  focus: CellPosition;
}

export interface RangeBounds {
  top: number;
  bottom: number;
  columns: string[];
}

export function bounds(range: CellRange, displayedColumns: string[]): RangeBounds {
  const a = displayedColumns.indexOf(range.anchor.colId);
  const b = displayedColumns.indexOf(range.focus.colId);
  const [left, right] = a <= b ? [a, b] : [b, a];
  return {
    top: Math.min(range.anchor.rowIndex, range.focus.rowIndex),
    bottom: Math.max(range.anchor.rowIndex, range.focus.rowIndex),
    columns: left < 0 ? [] : displayedColumns.slice(left, right + 1),
  };
}

export function contains(b: RangeBounds, rowIndex: number, colId: string): boolean {
  return rowIndex >= b.top && rowIndex <= b.bottom && b.columns.includes(colId);
}
