import type { Dispatch, SetStateAction } from 'react';
import { applyChanges, newRow, type Buffer, type CellChange } from './buffer';
import { displayValue, type DisplayContext } from './editors';
import { parseTsv, toTsv } from './payload';
import { fillDownPlan, isMultiCell } from './range';
import type { ColumnSpec, SheetRow } from './types';
import type { GridAccess } from './useGridAccess';
import type { SheetRange } from './useRange';

interface Options {
  grid: GridAccess;
  range: SheetRange;
  setBuffer: Dispatch<SetStateAction<Buffer>>;
  /** a cell's new value from any input, coerced and checked */
  cellChange(row: SheetRow, column: ColumnSpec, input: unknown): CellChange;
  defaults: Record<string, unknown>;
  ctx: DisplayContext;
}

/** What acts on the selected rectangle: clear, fill down, copy, paste. */
export function useRangeEdits({ grid, range, setBuffer, cellChange, defaults, ctx }: Options) {
  /** One undoable step over every editable cell of the range that is not on a deleted row. */
  const changeRange = (rows: number[], valueFor: (row: SheetRow, column: ColumnSpec) => CellChange) => {
    const b = range.rangeBounds();
    if (!b) return;
    const changes: CellChange[] = [];
    for (const r of rows) {
      const row = grid.rowAt(r);
      if (!row || row.deleted) continue;
      for (const colId of b.columns) {
        const column = grid.spec.get(colId)!;
        if (column.editable !== false) changes.push(valueFor(row, column));
      }
    }
    setBuffer((current) => applyChanges(current, changes));
  };

  const rowsOfRange = () => {
    const b = range.rangeBounds();
    return b ? Array.from({ length: b.bottom - b.top + 1 }, (_, i) => b.top + i) : [];
  };

  const clear = () => changeRange(rowsOfRange(), (row, column) => cellChange(row, column, null));

  const fillDown = () => {
    const b = range.rangeBounds();
    const plan = b && fillDownPlan(b);
    const source = plan && grid.rowAt(plan.source);
    if (!plan || !source) return;
    changeRange(plan.targets, (row, column) => ({
      key: row.key,
      row,
      source: column.source,
      value: source.data[column.source],
      error: source.cellErrors?.[column.source],
    }));
  };

  const copy = (): string | undefined => {
    const b = range.rangeBounds();
    if (!b) return undefined;
    const rows: string[][] = [];
    for (let r = b.top; r <= b.bottom; r++) {
      const row = grid.rowAt(r);
      if (row) rows.push(b.columns.map((colId) => displayValue(grid.spec.get(colId)!, row.data[colId], ctx)));
    }
    return toTsv(rows);
  };

  /**
   * Pastes a tab-separated block at the range's top-left cell; rows past the end become new rows. A single
   * value pasted over a larger range fills all of it, as Excel does.
   */
  const paste = (text: string) => {
    const b = range.rangeBounds();
    if (!b || b.columns.length === 0) return;
    const block = parseTsv(text.replace(/\r?\n$/, ''));
    if (block.length === 1 && block[0]!.length === 1 && isMultiCell(b)) {
      changeRange(rowsOfRange(), (row, column) => cellChange(row, column, block[0]![0]));
      return;
    }
    const cols = grid.displayedColumns();
    const startCol = cols.indexOf(b.columns[0]!);
    const changes: CellChange[] = [];
    const added: SheetRow[] = [];
    block.forEach((cells, r) => {
      let row = grid.rowAt(b.top + r);
      if (!row && b.top + r >= grid.rowCount()) {
        row = newRow(defaults);
        added.push(row);
      }
      if (!row) return;
      cells.forEach((cell, c) => {
        const column = grid.spec.get(cols[startCol + c] ?? '');
        if (column && column.editable !== false) changes.push(cellChange(row!, column, cell));
      });
    });
    setBuffer((current) => applyChanges(current, changes, added));
    const width = Math.max(...block.map((cells) => cells.length), 1);
    range.set({
      anchor: { rowIndex: b.top, colId: cols[startCol]! },
      focus: { rowIndex: b.top + block.length - 1, colId: cols[Math.min(cols.length - 1, startCol + width - 1)]! },
    });
  };

  return { clear, fillDown, copy, paste };
}
