import { useEffect, useRef, useState, type RefObject } from 'react';
import type { IRowNode, RowSelectedEvent } from 'ag-grid-community';
import { useNotify } from 'react-admin';
import { rowsOf, type Buffer } from './buffer';
import { fetchAll, type RowQuery } from './serverRows';
import { headerBox, tickedAmong, tickedCount, tickOne, type AllTicked } from './ticks';
import type { ColumnSpec, SheetRow } from './types';
import type { GridAccess } from './useGridAccess';
import type { Reading } from './useReading';

interface Options {
  grid: GridAccess;
  columns: ColumnSpec[];
  current: RefObject<Buffer>;
  /** saved rows of the filtered set, as the server counts them */
  savedCount: number | undefined;
  /** the sheet's filter and sort */
  query(): RowQuery;
  read: Reading['read'];
  /** most rows one action (a delete, a workflow step) takes: what one save takes */
  limit: number;
  /** changes when the rows are read anew (a reload, another filter): the header box comes off */
  rowsRead: unknown;
}

/** A tick made by a person (not by the sheet showing the header box's ticks). */
const BY_HAND = new Set(['checkboxSelected', 'spaceKey', 'rowClicked']);
const n = (value: number) => value.toLocaleString('en-US');

/**
 * The tick boxes. Rows ticked one by one are the grid's own selection; the header box ticks every row of
 * the sheet — the whole filtered set, blocks not loaded included — which the sheet shows on each block as
 * it loads. An action reads the ticked rows from the server when it needs them, at most `limit`.
 */
export function useTicks({ grid, columns, current, savedCount, query, read, limit, rowsRead }: Options) {
  const notify = useNotify();
  const [all, setAll] = useState<AllTicked>();
  const [oneByOne, setOneByOne] = useState(0);
  const allNow = useRef(all);
  allNow.current = all;
  /** the rows the last action was given (a workflow step's refusals are shown on them) */
  const last = useRef<SheetRow[]>([]);
  const rows = (savedCount ?? 0) + current.current.rows.filter((row) => !row.id).length;
  const count = tickedCount(all, oneByOne, rows);

  /** Ticks the loaded rows as the header box says (after it changed, and on every block loaded). */
  const showTicks = () => {
    const api = grid.api();
    const ticks = allNow.current;
    if (!api || !ticks) return;
    const tick: IRowNode<SheetRow>[] = [];
    const untick: IRowNode<SheetRow>[] = [];
    api.forEachNode((node) => {
      if (!node.data) return;
      const wanted = !ticks.except.has(node.data.key);
      if (node.isSelected() !== wanted) (wanted ? tick : untick).push(node);
    });
    if (tick.length > 0) api.setNodesSelected({ nodes: tick, newValue: true });
    if (untick.length > 0) api.setNodesSelected({ nodes: untick, newValue: false });
  };
  // the header box changed: the loaded rows show it
  useEffect(showTicks, [all, grid]);

  const untickAll = () => {
    setAll(undefined);
    grid.api()?.deselectAll();
  };

  useEffect(() => {
    if (allNow.current) untickAll();
  }, [rowsRead]); // eslint-disable-line react-hooks/exhaustive-deps

  /** The header box: ticks every row, or unticks all when every row is ticked. */
  const toggleAll = () => (headerBox(count, rows) === 'all' ? untickAll() : setAll({ except: new Set() }));

  const onRowSelected = (e: RowSelectedEvent<SheetRow>) => {
    if (allNow.current && e.data && BY_HAND.has(e.source)) setAll(tickOne(allNow.current, e.data.key, Boolean(e.node.isSelected())));
  };

  /** The rows ticked one by one, in the sheet's order, as the buffer holds them. */
  const tickedOneByOne = () => {
    const nodes = [...(grid.api()?.getSelectedNodes() ?? [])].sort((a, b) => (a.rowIndex ?? Infinity) - (b.rowIndex ?? Infinity));
    const touched = new Map(current.current.rows.map((row) => [row.key, row]));
    return nodes.flatMap((node) => (node.data ? [touched.get(node.data.key) ?? node.data] : []));
  };

  /** With the header box: every ticked row of the filtered set, read from the server in the sheet's order. */
  const tickedOfAll = async (ticks: AllTicked, progress?: (done: number) => void) => {
    const saved = rowsOf(await fetchAll(query()), columns);
    progress?.(saved.length);
    return tickedAmong(saved, current.current.rows, ticks);
  };

  /** The ticked rows for an action that writes them (delete, a workflow step); more than `limit` are refused, undefined. */
  const tickedRows = async (): Promise<SheetRow[] | undefined> => {
    const tooMany = (ticked: number) => {
      notify('sheet.notify.too_many_ticked', { type: 'warning', messageArgs: { count: n(ticked), max: n(limit) } });
      return undefined;
    };
    if (count > limit) return tooMany(count);
    const ticks = allNow.current;
    const ticked = ticks ? await read(count, (progress) => tickedOfAll(ticks, progress)) : tickedOneByOne();
    if (ticked && ticked.length > limit) return tooMany(ticked.length);
    if (ticked) last.current = ticked;
    return ticked;
  };

  /** The ticked rows to export: every one, however many (export reads the whole set page by page anyway). */
  const exportRows = async (): Promise<SheetRow[]> => (allNow.current ? tickedOfAll(allNow.current) : tickedOneByOne());

  return {
    count,
    /** rows of the sheet: the filtered set and rows added */
    rows,
    box: headerBox(count, rows),
    empty: rows === 0,
    toggleAll,
    untickAll,
    tickedRows,
    exportRows,
    lastTicked: () => last.current,
    gridHandlers: {
      onRowSelected,
      onSelectionChanged: () => setOneByOne(grid.api()?.getSelectedNodes().length ?? 0),
      onModelUpdated: showTicks,
    },
  };
}

export type Ticks = ReturnType<typeof useTicks>;
