import { useCallback, useLayoutEffect, useMemo, useRef, type RefObject } from 'react';
import type { GridApi, IDatasource, IGetRowsParams, ViewportChangedEvent } from 'ag-grid-community';
import { blocksAhead, blockStarts, shownRows } from './blocks';
import { rowsOf, type Buffer } from './buffer';
import { fetchBlock, type RowQuery } from './serverRows';
import type { ColumnSpec, SheetRow } from './types';

/** Rows the grid asks the server for at a time. */
export const BLOCK_SIZE = 100;

interface Options {
  resource: string;
  columns: ColumnSpec[];
  filter: Record<string, unknown>;
  /** the resource's order when no column is sorted */
  defaultSort: RowQuery['sort'];
  /** the list's order now (a sorted column's, else the resource's): what the grid will ask first */
  sort: RowQuery['sort'];
  /** the unsaved rows: shown in place of the server's, new rows after the last saved one */
  touched: RefObject<Buffer>;
  /** bumps on every reload */
  generation: number;
}

/** A column's sort as the grid states it, or the resource's order when no column is sorted. */
const sortOf = (sorted: { colId: string; sort?: 'asc' | 'desc' | null } | undefined, fallback: RowQuery['sort']): RowQuery['sort'] =>
  sorted?.sort ? { field: sorted.colId, order: sorted.sort === 'desc' ? 'DESC' : 'ASC' } : fallback;

/**
 * The grid's rows read from the server a block at a time (AG Grid's infinite row model): the sort of
 * the column headers and the filter above the sheet go to the server. Every block is merged with the
 * unsaved rows, so an edit survives its block being dropped and read again; rows added in the sheet
 * follow the last saved row. `rowsBetween` reads the blocks of a stretch the grid has not loaded
 * (a range edit over rows far below) through the same memory.
 */
export function useServerRows({ resource, columns, filter, defaultSort, sort, touched, generation }: Options) {
  /** the rows as the server last sent them, by key: what a row returns to when its edits are undone */
  const saved = useRef(new Map<string, SheetRow>());
  /** the row count of the filtered set, once the first block told it */
  const count = useRef<number>(undefined);
  const listSort = useRef(sort);
  listSort.current = sort;
  const filterKey = JSON.stringify(filter);
  const sortKey = JSON.stringify(defaultSort);

  const source = useMemo(() => {
    const blocks = new Map<string, Promise<{ records: Record<string, unknown>[]; count?: number }>>();
    const counts = new Map<string, number>();
    const parsedFilter = JSON.parse(filterKey) as Record<string, unknown>;
    const fallbackSort = JSON.parse(sortKey) as RowQuery['sort'];
    count.current = undefined;
    saved.current = new Map();

    /**
     * The block from `start` in the sort's order, merged with the unsaved rows, and the rows of the sheet
     * (saved and added). Read blocks stay in memory, so redrawing after rows are added or removed asks
     * the server nothing; the first block of a sort also asks for the count.
     */
    const readBlock = async (sort: RowQuery['sort'], start: number) => {
      const queryKey = JSON.stringify(sort);
      const blockKey = `${queryKey}|${start}`;
      let block = blocks.get(blockKey);
      if (!block) {
        block = fetchBlock({ resource, filter: parsedFilter, sort }, start, BLOCK_SIZE, !counts.has(queryKey));
        blocks.set(blockKey, block);
        block.catch(() => blocks.delete(blockKey));
      }
      const result = await block;
      if (result.count !== undefined) counts.set(queryKey, result.count);
      const total = counts.get(queryKey) ?? start + result.records.length;
      count.current = total;
      const fromServer = rowsOf(result.records, columns);
      for (const row of fromServer) saved.current.set(row.key, row);
      const rows = shownRows(fromServer, touched.current.rows, start, start + BLOCK_SIZE, total);
      return { rows, sheetRows: total + touched.current.rows.filter((row) => !row.id).length };
    };

    const datasource: IDatasource = {
      getRows: (params: IGetRowsParams) => {
        readBlock(sortOf(params.sortModel[0], fallbackSort), params.startRow).then(
          ({ rows, sheetRows }) => params.successCallback(rows, sheetRows),
          () => params.failCallback(),
        );
      },
    };

    /** The sheet's current query: its filter and the sort of the column headers. */
    const query = (api: GridApi<SheetRow> | undefined): RowQuery => ({
      resource,
      filter: parsedFilter,
      sort: sortOf(
        api?.getColumnState().find((c) => c.sort),
        fallbackSort,
      ),
    });

    /**
     * The rows from `top` to `bottom` as the sheet shows them, reading the blocks the grid has not loaded
     * (one after another, telling how many rows are read); a position without a row gives undefined.
     */
    const rowsBetween = async (api: GridApi<SheetRow> | undefined, top: number, bottom: number, progress: (done: number) => void) => {
      const { sort } = query(api);
      const rows = new Map<number, SheetRow>();
      for (const start of blockStarts(top, bottom, BLOCK_SIZE)) {
        (await readBlock(sort, start)).rows.forEach((row, i) => rows.set(start + i, row));
        progress(Math.min(bottom, start + BLOCK_SIZE - 1) - top + 1);
      }
      // rows edited while later blocks were read show their edits
      const pending = new Map(touched.current.rows.map((row) => [row.key, row]));
      return (index: number) => {
        const row = rows.get(index);
        return row && (pending.get(row.key) ?? row);
      };
    };

    /** The block the grid will ask first, read while the grid still waits for the reference names. */
    const readFirstBlock = () => {
      const sorted = listSort.current;
      const byColumn = columns.some((column) => column.source === sorted.field && column.type !== 'reference');
      readBlock(byColumn ? sorted : fallbackSort, 0).catch(() => undefined);
    };

    return { datasource, query, rowsBetween, readFirstBlock };
    // generation: a reload reads every block again
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [resource, columns, filterKey, sortKey, touched, generation]);

  // a layout effect: the first block is asked for before the grid is built (Grid.tsx)
  useLayoutEffect(() => source.readFirstBlock(), [source]);

  /** Shows the buffer's rows in the grid after an edit, undo or redo: changed rows in place, all blocks again when rows were added or removed. */
  const shown = useRef<SheetRow[]>([]);
  const showTouched = useCallback((api: GridApi<SheetRow> | undefined, rows: SheetRow[]) => {
    const before = new Map(shown.current.map((row) => [row.key, row]));
    const now = new Map(rows.map((row) => [row.key, row]));
    shown.current = rows;
    if (!api || api.isDestroyed()) return;
    const addedBefore = [...before.values()].filter((row) => !row.id).length;
    const addedNow = rows.filter((row) => !row.id).length;
    if (addedBefore !== addedNow && count.current !== undefined) {
      api.setRowCount(count.current + addedNow, true);
      api.refreshInfiniteCache();
      return;
    }
    for (const key of new Set([...before.keys(), ...now.keys()])) {
      if (before.get(key) === now.get(key)) continue;
      const row = now.get(key) ?? saved.current.get(key);
      const node = api.getRowNode(key);
      if (row && node) node.setData(row);
    }
  }, []);

  /**
   * While the sheet scrolls, the grid makes the blocks ahead of the view (asking the grid for a row makes
   * its block, which the grid then reads), so that their rows are drawn once, with their data, rather
   * than empty first and again when the block arrives. A jump (a dragged scrollbar) reads nothing ahead.
   */
  const firstShown = useRef<number>(undefined);
  const readAhead = useCallback((e: ViewportChangedEvent<SheetRow>) => {
    const rows = blocksAhead(firstShown.current, e.firstRow, e.lastRow, e.api.getDisplayedRowCount(), BLOCK_SIZE);
    firstShown.current = e.firstRow;
    for (const row of rows) e.api.getDisplayedRowAtIndex(row);
  }, []);

  return { ...source, showTouched, readAhead };
}
