import type { GridApi } from 'ag-grid-community';
import { useNotify } from 'react-admin';
import type { SheetRow } from './types';
import type { GridAccess } from './useGridAccess';
import type { Reading } from './useReading';

/** The row at a position of the sheet, or undefined where there is none. */
export type RowAt = (index: number) => SheetRow | undefined;

interface Options {
  grid: GridAccess;
  /** reads the rows of a stretch through the blocks (useServerRows) */
  rowsBetween(api: GridApi<SheetRow> | undefined, top: number, bottom: number, progress: (done: number) => void): Promise<RowAt>;
  read: Reading['read'];
  /** most rows one action may change: what one save takes */
  limit: number;
}

const n = (value: number) => value.toLocaleString('en-US');

/**
 * The rows a range edit acts on, every one of them: at once when the grid has them all, else after reading
 * the blocks it has not loaded (a range reaching far below what was scrolled to). More rows than one save
 * takes are refused before anything is read or changed.
 */
export function useRangeRows({ grid, rowsBetween, read, limit }: Options) {
  const notify = useNotify();

  /**
   * Runs `act` once the rows from `top` to `bottom` are at hand; positions past the last row give undefined.
   * More rows than `limit` are refused with the message `tooMany` (an edit's, or a copy's).
   */
  const withRows = (top: number, bottom: number, act: (rowAt: RowAt) => void, tooMany = 'sheet.notify.too_many_rows') => {
    const rows = bottom - top + 1;
    if (rows > limit) {
      notify(tooMany, { type: 'warning', messageArgs: { count: n(rows), max: n(limit) } });
      return;
    }
    const last = Math.min(bottom, grid.rowCount() - 1);
    let loaded = true;
    for (let r = top; r <= last && loaded; r++) loaded = grid.rowAt(r) !== undefined;
    if (loaded) {
      act(grid.rowAt);
      return;
    }
    void read(last - top + 1, (progress) => rowsBetween(grid.api(), top, last, progress)).then((rowAt) => rowAt && act(rowAt));
  };

  return { withRows };
}

export type RangeRows = ReturnType<typeof useRangeRows>;
