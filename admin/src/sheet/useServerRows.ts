import { useCallback, useMemo, useRef, type RefObject } from 'react';
import type { GridApi, IDatasource, IGetRowsParams } from 'ag-grid-community';
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
  /** the unsaved rows: shown in place of the server's, new rows after the last saved one */
  touched: RefObject<Buffer>;
  /** bumps on every reload */
  generation: number;
}

/**
 * The grid's rows read from the server a block at a time (AG Grid's infinite row model): the sort of
 * the column headers and the filter above the sheet go to the server. Every block is merged with the
 * unsaved rows, so an edit survives its block being dropped and read again; rows added in the sheet
 * follow the last saved row.
 */
export function useServerRows({ resource, columns, filter, defaultSort, touched, generation }: Options) {
  /** the rows as the server last sent them, by key: what a row returns to when its edits are undone */
  const saved = useRef(new Map<string, SheetRow>());
  /** the row count of the filtered set, once the first block told it */
  const count = useRef<number>(undefined);
  const filterKey = JSON.stringify(filter);
  const sortKey = JSON.stringify(defaultSort);

  const datasource = useMemo<IDatasource>(() => {
    const blocks = new Map<string, Promise<{ records: Record<string, unknown>[]; count?: number }>>();
    const counts = new Map<string, number>();
    const parsedFilter = JSON.parse(filterKey) as Record<string, unknown>;
    const fallbackSort = JSON.parse(sortKey) as RowQuery['sort'];
    count.current = undefined;
    saved.current = new Map();
    return {
      getRows: (params: IGetRowsParams) => {
        const sorted = params.sortModel[0];
        const query: RowQuery = {
          resource,
          filter: parsedFilter,
          sort: sorted ? { field: sorted.colId, order: sorted.sort === 'desc' ? 'DESC' : 'ASC' } : fallbackSort,
        };
        const queryKey = JSON.stringify(query.sort);
        const blockKey = `${queryKey}|${params.startRow}`;
        // a refresh (rows added or removed in the sheet) reads blocks again: from memory, not the server
        let block = blocks.get(blockKey);
        if (!block) {
          block = fetchBlock(query, params.startRow, params.endRow - params.startRow, !counts.has(queryKey));
          blocks.set(blockKey, block);
          block.catch(() => blocks.delete(blockKey));
        }
        block.then(
          (result) => {
            if (result.count !== undefined) counts.set(queryKey, result.count);
            const total = counts.get(queryKey) ?? params.startRow + result.records.length;
            count.current = total;
            const pending = new Map(touched.current.rows.map((row) => [row.key, row]));
            const fromServer = rowsOf(result.records, columns).map((row) => {
              saved.current.set(row.key, row);
              return pending.get(row.key) ?? row;
            });
            const added = touched.current.rows.filter((row) => !row.id);
            const addedShown = added.slice(Math.max(0, params.startRow - total), Math.max(0, params.endRow - total));
            params.successCallback([...fromServer, ...addedShown], total + added.length);
          },
          () => params.failCallback(),
        );
      },
    };
    // generation: a reload reads every block again
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [resource, columns, filterKey, sortKey, touched, generation]);

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

  return { datasource, showTouched, savedRow: (key: string) => saved.current.get(key), loadedCount: () => count.current };
}
