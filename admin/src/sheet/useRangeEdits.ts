import type { Dispatch, SetStateAction } from 'react';
import { applyChanges, newRow, toggleDeleted, type Buffer, type CellChange } from './buffer';
import { parseTsv } from './payload';
import { fillDownPlan, isMultiCell } from './range';
import type { ColumnSpec, SheetRow } from './types';
import type { GridAccess } from './useGridAccess';
import type { SheetRange } from './useRange';
import type { RangeRows, RowAt } from './useRangeRows';

interface Options {
  grid: GridAccess;
  range: SheetRange;
  /** the rows of a stretch, read first where the grid has not loaded them */
  rows: RangeRows;
  setBuffer: Dispatch<SetStateAction<Buffer>>;
  /** a cell's new value from any input, coerced and checked */
  cellChange(row: SheetRow, column: ColumnSpec, input: unknown): CellChange;
  defaults: Record<string, unknown>;
}

const positions = (top: number, bottom: number) => Array.from({ length: bottom - top + 1 }, (_, i) => top + i);

/**
 * What acts on the selected rectangle: clear, fill down, paste, delete its rows (copy: `useCopy`). Edits act on every
 * row of the range, loaded or not (`rows` reads the missing blocks first); each is one undoable step.
 */
export function useRangeEdits({ grid, range, rows, setBuffer, cellChange, defaults }: Options) {
  /** One undoable step over every editable cell of the given rows that is not on a deleted row. */
  const changeRows = (rowAt: RowAt, indexes: number[], columns: string[], valueFor: (row: SheetRow, column: ColumnSpec) => CellChange) => {
    const changes: CellChange[] = [];
    for (const r of indexes) {
      const row = rowAt(r);
      if (!row || row.deleted) continue;
      for (const colId of columns) {
        const column = grid.spec.get(colId)!;
        if (column.editable !== false) changes.push(valueFor(row, column));
      }
    }
    setBuffer((current) => applyChanges(current, changes));
  };

  /** Every cell of the range takes a value made from its row and column. */
  const changeRange = (valueFor: (row: SheetRow, column: ColumnSpec) => CellChange) => {
    const b = range.rangeBounds();
    if (!b) return;
    rows.withRows(b.top, b.bottom, (rowAt) => changeRows(rowAt, positions(b.top, b.bottom), b.columns, valueFor));
  };

  const clear = () => changeRange((row, column) => cellChange(row, column, null));

  const fillDown = () => {
    const b = range.rangeBounds();
    const plan = b && fillDownPlan(b);
    if (!b || !plan) return;
    rows.withRows(plan.source, b.bottom, (rowAt) => {
      const source = rowAt(plan.source);
      if (!source) return;
      changeRows(rowAt, plan.targets, b.columns, (row, column) => ({
        key: row.key,
        row,
        source: column.source,
        value: source.data[column.source],
        error: source.cellErrors?.[column.source],
      }));
    });
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
      changeRange((row, column) => cellChange(row, column, block[0]![0]));
      return;
    }
    const cols = grid.displayedColumns();
    const startCol = cols.indexOf(b.columns[0]!);
    const width = Math.max(...block.map((cells) => cells.length), 1);
    rows.withRows(b.top, b.top + block.length - 1, (rowAt) => {
      const changes: CellChange[] = [];
      const added: SheetRow[] = [];
      const end = grid.rowCount();
      block.forEach((cells, r) => {
        let row = rowAt(b.top + r);
        if (!row && b.top + r >= end) {
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
      range.set({
        anchor: { rowIndex: b.top, colId: cols[startCol]! },
        focus: { rowIndex: b.top + block.length - 1, colId: cols[Math.min(cols.length - 1, startCol + width - 1)]! },
      });
    });
  };

  /** Deletes rows (saved rows are marked until saved, new rows vanish) as one undoable step. */
  const deleteRows = (chosen: SheetRow[]) => setBuffer((current) => toggleDeleted(current, new Set(chosen.map((row) => row.key)), chosen));

  /** 删除所选 with no row ticked: the rows of the range. */
  const deleteRange = () => {
    const b = range.rangeBounds();
    if (b) rows.withRows(b.top, b.bottom, (rowAt) => deleteRows(positions(b.top, b.bottom).flatMap((r) => rowAt(r) ?? [])));
  };

  return { clear, fillDown, paste, deleteRows, deleteRange };
}
