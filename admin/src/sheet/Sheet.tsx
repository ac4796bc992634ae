import { useCallback, useEffect, useMemo, useRef, useState, type ClipboardEvent, type ComponentType } from 'react';
import { AllCommunityModule, ModuleRegistry, themeQuartz, type CellEditRequestEvent, type GridApi, type GridOptions } from 'ag-grid-community';
import { AG_GRID_LOCALE_CN, AG_GRID_LOCALE_EN } from '@ag-grid-community/locale';
import { useListContext, useLocale, useTranslate } from 'react-admin';
import { maxSaveRows } from '../contract';
import { invalidateLookup } from '../lookups';
import { localizeMessage } from '../i18n/localizeMessage';
import { applyChanges, markProblems, newRow, pendingCount, redo, rowsOf, undo, withRows, type CellChange } from './buffer';
import { coerce, validate } from './coerce';
import { restoreColumnState, saveColumnState } from './columnState';
import { SheetToolbar } from './SheetToolbar';
import type { RowRefusal, SheetActionsProps } from './actions';
import { SheetProblems } from './SheetProblems';
import { ConflictDialog } from './ConflictDialog';
import { totalsRow } from './totals';
import type { ColumnSpec, SheetRow } from './types';
import { fetchAll, type RowQuery } from './serverRows';
import { RowsProgress } from './RowsProgress';
import { TicksContext } from './TickAllHeader';
import { Grid, warmUpGrid } from './Grid';
import { GridPortals, PortalStore } from './portals';
import { useServerTotals } from './serverTotals';
import { useCopy } from './useCopy';
import { useGridAccess } from './useGridAccess';
import { useLeaveGuard } from './useLeaveGuard';
import { enumValues, useLookups } from './useLookups';
import { useRange } from './useRange';
import { useRangeEdits } from './useRangeEdits';
import { useRangeRows } from './useRangeRows';
import { useReading } from './useReading';
import { useServerRows, BLOCK_SIZE } from './useServerRows';
import { useSheetBuffer } from './useSheetBuffer';
import { pinnableColumns, useSheetColumns } from './useSheetColumns';
import { fitPinning, initialPinning } from './pinning';
import { useSheetKeyboard } from './useSheetKeyboard';
import { useSheetSave } from './useSheetSave';
import { useTicks } from './useTicks';
import './sheet.css';

ModuleRegistry.registerModules([AllCommunityModule]);

const theme = themeQuartz.withParams({
  fontFamily: '"PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", system-ui, sans-serif',
  fontSize: 13,
  rowHeight: 30,
  headerHeight: 34,
  headerBackgroundColor: '#eef2f7',
  headerFontWeight: 600,
  wrapperBorderRadius: 4,
  spacing: 6,
});

/** AG Grid's code run once before the first sheet is opened (`warmUpGrid`). */
export function warmUpSheets(): void {
  // the sheets' own options, row model and kind of columns, so that the code drawing rows learns the shapes it will see
  const rows: SheetRow[] = Array.from({ length: 20 }, (_, i) => ({ key: `warm-${i}`, id: String(i), data: { name: '—', count: i } }));
  warmUpGrid<SheetRow>({
    ...FIXED_OPTIONS,
    columnDefs: ['name', 'count'].map((source) => ({ colId: source, valueGetter: (p) => p.data?.data[source] })),
    datasource: { getRows: (p) => p.successCallback(rows, rows.length) },
  });
}

/** The grid's options that never change. */
const FIXED_OPTIONS: GridOptions<SheetRow> = {
  theme,
  rowModelType: 'infinite',
  cacheBlockSize: BLOCK_SIZE,
  maxBlocksInCache: 100,
  // a block is asked for as soon as the grid makes it: the blocks ahead of a scroll (`readAhead`) are made
  // on every step, and a wait after the last block made would hold them back for as long as the scroll
  // goes on; at most two blocks are read at a time (the grid's maxConcurrentDatasourceRequests)
  blockLoadDebounceMillis: 0,
  rowBuffer: 4,
  defaultColDef: { resizable: true, suppressHeaderMenuButton: false },
  getRowId: (p) => p.data.key,
  readOnlyEdit: true,
  enterNavigatesVertically: true,
  enterNavigatesVerticallyAfterEdit: true,
  singleClickEdit: false,
  stopEditingWhenCellsLoseFocus: true,
  rowSelection: { mode: 'multiRow', checkboxes: false, headerCheckbox: false, enableClickSelection: false },
  animateRows: false,
  rowClassRules: {
    'sheet-row-deleted': (p) => Boolean(p.data?.deleted),
    'sheet-row-new': (p) => Boolean(p.data && !p.data.id && !p.node.rowPinned),
    'sheet-row-error': (p) => Boolean(p.data?.rowError),
    'sheet-totals': (p) => Boolean(p.node.rowPinned),
  },
  // the browser's own tooltips: the grid's cost a component with five listeners on every cell drawn (ADR 0053)
  enableBrowserTooltips: true,
};

interface SheetProps {
  resource: string;
  columns: ColumnSpec[];
  /** values a new row starts with */
  defaults?: Record<string, unknown>;
  /** the columns that identify a row on import */
  naturalKey?: string[];
  /** the signed-in role may not write this resource: no editing, adding, deleting, saving or importing */
  readOnly?: boolean;
  /** extra buttons acting on the ticked rows */
  actions?: ComponentType<SheetActionsProps>;
}

/**
 * The default list view of every resource: an editable grid over rows read from the server in blocks as
 * it scrolls, sorted and filtered by the server (react-admin's list context holds the filter and sort).
 */
export function Sheet({ resource, columns, defaults = {}, naturalKey, readOnly = false, actions: Actions }: SheetProps) {
  const { sort, setSort, filterValues } = useListContext();
  const t = useTranslate();
  const locale = useLocale();
  const [generation, setGeneration] = useState(0);
  const { lookups, ready } = useLookups(columns, generation);
  const { buffer, setBuffer, current, discard } = useSheetBuffer();
  // the order when no column is sorted: the resource's default, as the list opened
  const [defaultSort] = useState<RowQuery['sort']>(() => ({ field: sort.field, order: sort.order === 'DESC' ? 'DESC' : 'ASC' }));
  const listSort = useMemo<RowQuery['sort']>(() => ({ field: sort.field, order: sort.order === 'DESC' ? 'DESC' : 'ASC' }), [sort.field, sort.order]);
  const paged = useServerRows({ resource, columns, filter: filterValues, defaultSort, sort: listSort, touched: current, generation });
  const gridRef = useRef<GridApi<SheetRow>>(undefined);
  const [portals] = useState(() => new PortalStore());
  const gridBox = useRef<HTMLDivElement>(null);
  const grid = useGridAccess(gridRef, columns, current);
  const range = useRange(grid, gridBox);
  const ctx = useMemo(() => ({ t, lookups, enumValues }), [t, lookups]);
  const localeText = useMemo(
    () => ({ ...(locale === 'en' ? AG_GRID_LOCALE_EN : AG_GRID_LOCALE_CN), noRowsToShow: t('sheet.grid.no_rows'), loadingOoo: t('sheet.grid.loading') }),
    [locale, t],
  );
  const summed = useMemo(() => columns.filter((c) => c.total).map((c) => c.source), [columns]);
  const serverTotals = useServerTotals(resource, filterValues, summed, generation);

  /** A cell's new value from any input: coerced by type and checked against the server's field rules. */
  const cellChange = useCallback(
    (row: SheetRow, column: ColumnSpec, input: unknown): CellChange => {
      const result = coerce(column, input, ctx);
      return { key: row.key, row, source: column.source, value: result.value, error: result.error ?? validate(column, result.value, t) };
    },
    [ctx, t],
  );

  const columnDefs = useSheetColumns({ resource, columns, readOnly, ctx, locale, portals, rangeBounds: range.rangeBounds });
  const pinnable = useMemo(() => pinnableColumns(columns), [columns]);
  /**
   * The grid's initial state, read as it is made: the list's sort, and the row head and first column pinned
   * if the columns are wider than the box the grid fills (a grid given an initial state pins only the
   * columns that state names); `fitPinning` keeps that true as the grid's size and columns change.
   */
  const initialGrid = (box: HTMLElement): GridOptions<SheetRow> => ({
    initialState: {
      ...(sort.field ? { sort: { sortModel: [{ colId: sort.field, sort: sort.order === 'DESC' ? 'desc' : 'asc' }] } } : {}),
      columnPinning: {
        leftColIds: initialPinning(
          box,
          columnDefs.map((c) => c.width ?? 0),
        )
          ? pinnable
          : [],
        rightColIds: [],
      },
    },
  });
  const fitPinned = () => {
    const api = grid.api();
    if (api && gridBox.current) fitPinning(api, gridBox.current, pinnable);
  };
  const reading = useReading();
  const rangeRows = useRangeRows({ grid, rowsBetween: paged.rowsBetween, read: reading.read, limit: maxSaveRows });
  const edits = useRangeEdits({ grid, range, rows: rangeRows, setBuffer, cellChange, defaults });
  const { onKeyDownCapture } = useSheetKeyboard({ grid, range, readOnly, setBuffer, edits });

  const pending = pendingCount(buffer, columns);
  const discardQuestion = t('sheet.confirm_discard', { smart_count: pending });
  useLeaveGuard(pending, discardQuestion);

  /** The grid shows every change of the unsaved rows (edit, undo, redo, added or deleted rows) in place. */
  const { showTouched } = paged;
  useEffect(() => showTouched(grid.api(), buffer.rows), [showTouched, grid, buffer.rows]);

  /**
   * Reads everything again and drops the unsaved rows (after a save they are saved; 重新加载 and the
   * conflict dialog ask first where they must).
   */
  const reload = () => {
    discard();
    invalidateLookup(resource);
    setGeneration((g) => g + 1);
  };
  const discardAndReload = reload;

  /** The sheet's filter and the sort of its column headers (else the resource's default order). */
  const currentQuery = () => paged.query(grid.api());
  const ticks = useTicks({
    grid,
    columns,
    current,
    savedCount: serverTotals?.count,
    query: currentQuery,
    read: reading.read,
    limit: maxSaveRows,
    rowsRead: paged.datasource,
  });

  /** Every row of the filtered set in the sheet's order, as edited, then the rows added: what export writes. */
  const allRows = async () => {
    const pendingRows = new Map(current.current.rows.map((row) => [row.key, row]));
    const saved = rowsOf(await fetchAll(currentQuery()), columns).map((row) => pendingRows.get(row.key) ?? row);
    return [...saved, ...current.current.rows.filter((row) => !row.id)];
  };
  /** A row's number as the grid shows it: a loaded row's position, a new row's place after the saved rows. */
  const rowNumber = (row: SheetRow): number | undefined => {
    const index = grid.api()?.getRowNode(row.key)?.rowIndex;
    if (index != null) return index + 1;
    const added = current.current.rows.filter((r) => !r.id).indexOf(row);
    return !row.id && added >= 0 && serverTotals ? serverTotals.count + added + 1 : undefined;
  };
  const editing = () => (grid.api()?.getEditingCells().length ?? 0) > 0;
  const { onCopy } = useCopy({ grid, range, rows: rangeRows, ticks, ctx, editing });
  const { saving, save, conflict, closeConflict } = useSheetSave({ resource, columns, current, setBuffer, locale, ctx, reload, rowNumber });

  const totals = useMemo(() => totalsRow(buffer.rows, columns, serverTotals, t), [buffer.rows, columns, serverTotals, t]);

  const onCellEditRequest = (e: CellEditRequestEvent<SheetRow>) => {
    const column = grid.spec.get(e.column.getColId());
    if (!column || !e.data) return;
    setBuffer((b) => applyChanges(b, [cellChange(e.data!, column, e.newValue)]));
  };

  const onPaste = (e: ClipboardEvent) => {
    if (readOnly || editing()) return;
    range.syncFocus();
    e.preventDefault();
    edits.paste(e.clipboardData.getData('text/plain'));
  };

  const addRow = () => {
    const row = newRow(defaults);
    setBuffer((b) => applyChanges(b, [], [row]));
    setTimeout(() => {
      const index = grid.api()?.getRowNode(row.key)?.rowIndex;
      const first = columns.find((c) => c.editable !== false);
      if (index == null || !first) return;
      grid.api()?.ensureIndexVisible(index);
      grid.api()?.setFocusedCell(index, first.source);
    });
  };

  /** 删除所选: the ticked rows (every row of the filtered set with the header box), else the rows of the range. */
  const deleteSelected = async () => {
    if (ticks.count === 0) return edits.deleteRange();
    const ticked = await ticks.tickedRows();
    if (!ticked) return;
    edits.deleteRows(ticked);
    ticks.untickAll();
  };

  const askThenReload = () => {
    if (pending > 0 && !window.confirm(discardQuestion)) return;
    discardAndReload();
  };

  const actionProps: SheetActionsProps = {
    selected: async () => (await ticks.tickedRows())?.filter((row) => row.id),
    showRefusals: (refusals: RowRefusal[]) => {
      const ticked = ticks.lastTicked();
      const keys = refusals.map((r) => current.current.rows.find((row) => row.id === r.id)?.key ?? ticked.find((row) => row.id === r.id)?.key ?? '');
      setBuffer((b) =>
        markProblems(
          withRows(b, ticked),
          keys,
          refusals.map((r, index) => ({ index, field: null, message: localizeMessage(r.message, locale) })),
          columns,
        ),
      );
    },
    reload,
  };

  const gridOptions: GridOptions<SheetRow> = {
    ...FIXED_OPTIONS,
    loading: !ready,
    datasource: ready ? paged.datasource : undefined,
    pinnedBottomRowData: totals,
    columnDefs,
    onCellEditRequest,
    ...ticks.gridHandlers,
    onCellFocused: range.onCellFocused,
    onCellMouseOver: range.onCellMouseOver,
    onViewportChanged: paged.readAhead,
    onGridReady: (e) => {
      restoreColumnState(resource, e.api);
      fitPinned();
    },
    onGridSizeChanged: fitPinned,
    onDisplayedColumnsChanged: fitPinned,
    onSortChanged: (e) => {
      if (e.source !== 'uiColumnSorted') return;
      const sorted = e.api.getColumnState().find((c) => c.sort);
      setSort(sorted ? { field: sorted.colId, order: sorted.sort === 'desc' ? 'DESC' : 'ASC' } : { field: 'id', order: 'ASC' });
    },
    onColumnMoved: (e) => e.finished && saveColumnState(resource, e.api),
    onColumnResized: (e) => {
      if (!e.finished) return;
      saveColumnState(resource, e.api);
      fitPinned();
    },
    onColumnVisible: (e) => saveColumnState(resource, e.api),
    // the row head and first column are pinned by the sheet (fitPinning), other columns by the person
    onColumnPinned: (e) => e.source !== 'api' && saveColumnState(resource, e.api),
    localeText,
  };

  return (
    <div className="sheet" data-resource={resource}>
      <SheetToolbar
        resource={resource}
        readOnly={readOnly}
        actions={Actions && <Actions {...actionProps} />}
        columns={columns}
        naturalKey={naturalKey}
        allRows={allRows}
        pending={pending}
        rowCount={serverTotals?.count}
        ticked={ticks.count}
        tickedRows={ticks.exportRows}
        saving={saving}
        canUndo={buffer.past.length > 0}
        canRedo={buffer.future.length > 0}
        api={grid.api}
        lookups={lookups}
        onAdd={addRow}
        onDelete={() => void deleteSelected()}
        onUndo={() => setBuffer(undo)}
        onRedo={() => setBuffer(redo)}
        onFillDown={edits.fillDown}
        onSave={save}
        onReload={askThenReload}
        onImported={reload}
      />
      <div ref={gridBox} className="sheet-grid" onKeyDownCapture={onKeyDownCapture} {...range.boxHandlers} onPaste={onPaste} onCopy={onCopy}>
        <RowsProgress progress={reading.progress} />
        <TicksContext.Provider value={ticks}>
          <Grid options={gridOptions} apiRef={gridRef} initial={initialGrid} />
          <GridPortals store={portals} />
        </TicksContext.Provider>
      </div>
      <SheetProblems rows={buffer.rows} columns={columns} resource={resource} rowNumber={rowNumber} />
      {conflict && (
        <ConflictDialog
          resource={resource}
          cells={conflict}
          onReload={() => {
            closeConflict();
            discardAndReload();
          }}
          onClose={closeConflict}
        />
      )}
    </div>
  );
}
