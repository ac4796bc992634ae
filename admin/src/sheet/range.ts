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

export type ArrowKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight';

/** Shift+arrow: the anchor stays, the moving end steps one cell, never past the sheet's edges. */
export function extendRange(range: CellRange, key: ArrowKey, displayedColumns: string[], rowCount: number): CellRange {
  let { rowIndex, colId } = range.focus;
  const c = displayedColumns.indexOf(colId);
  if (key === 'ArrowDown') rowIndex = Math.min(rowIndex + 1, rowCount - 1);
  if (key === 'ArrowUp') rowIndex = Math.max(rowIndex - 1, 0);
  if (key === 'ArrowRight') colId = displayedColumns[Math.min(c + 1, displayedColumns.length - 1)] ?? colId;
  if (key === 'ArrowLeft') colId = displayedColumns[Math.max(c - 1, 0)] ?? colId;
  return { anchor: range.anchor, focus: { rowIndex, colId } };
}

/** Ctrl+D as in Excel: a range copies its first row into the rows below; a single cell takes the value above it. */
export function fillDownPlan(b: RangeBounds): { source: number; targets: number[] } | undefined {
  const source = b.top === b.bottom ? b.top - 1 : b.top;
  if (source < 0) return undefined;
  const targets: number[] = [];
  for (let r = b.top === b.bottom ? b.top : b.top + 1; r <= b.bottom; r++) targets.push(r);
  return { source, targets };
}

/** Whether more than one cell is selected (a single cell is just the focus, not drawn as a range). */
export function isMultiCell(b: RangeBounds): boolean {
  return b.bottom > b.top || b.columns.length > 1;
}
