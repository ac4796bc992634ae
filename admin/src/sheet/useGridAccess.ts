import { useMemo, type RefObject } from 'react';
import type { GridApi } from 'ag-grid-community';
import type { Buffer } from './buffer';
import type { ColumnSpec, SheetRow } from './types';

/** What the sheet's hooks need of the grid: its api, the columns on screen and the rows by position. */
export interface GridAccess {
  api(): GridApi<SheetRow> | undefined;
  spec: Map<string, ColumnSpec>;
  /** the data columns in on-screen order (not the row number, tick or open columns) */
  displayedColumns(): string[];
  /** the row shown at a position, as the buffer holds it now (the grid may not have redrawn the last change yet); undefined while its block is not loaded */
  rowAt(index: number): SheetRow | undefined;
  /** rows of the sheet: saved rows of the filtered set and rows added since */
  rowCount(): number;
}

export function useGridAccess(grid: RefObject<GridApi<SheetRow> | undefined>, columns: ColumnSpec[], current: RefObject<Buffer>): GridAccess {
  return useMemo(() => {
    const spec = new Map(columns.map((c) => [c.source, c]));
    const api = () => grid.current;
    return {
      api,
      spec,
      displayedColumns: () =>
        api()
          ?.getAllDisplayedColumns()
          .map((c) => c.getColId())
          .filter((id) => spec.has(id)) ?? [],
      rowAt: (index) => {
        const shown = api()?.getDisplayedRowAtIndex(index)?.data;
        return shown && (current.current.rows.find((row) => row.key === shown.key) ?? shown);
      },
      rowCount: () => api()?.getDisplayedRowCount() ?? 0,
    };
  }, [grid, columns, current]);
}
