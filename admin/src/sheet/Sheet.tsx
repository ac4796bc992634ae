import { useCallback, useMemo, useRef, useState, type ClipboardEvent, type ComponentType, type KeyboardEvent } from 'react';
import { AgGridReact } from 'ag-grid-react';
import { AllCommunityModule, ModuleRegistry, themeQuartz, type CellEditRequestEvent, type CellFocusedEvent, type ColDef, type GridApi } from 'ag-grid-community';
import { useListContext, useLocale, useNotify, useTranslate } from 'react-admin';
import { SaveError, saveMany } from '../dataProvider';
import { invalidateLookup } from '../lookups';
import { localizeMessage } from '../i18n/localizeMessage';
import { applyChanges, isCellChanged, markProblems, newRow, pendingCount, redo, toggleDeleted, undo, type CellChange } from './buffer';
import { coerce, validate } from './coerce';
import { restoreColumnState, saveColumnState } from './columnState';
import { displayValue, editorsByType } from './editors';
import { buildPayload, parseTsv, toTsv } from './payload';
import { bounds, contains, type CellRange } from './range';
import { SheetToolbar } from './SheetToolbar';
import type { RowRefusal, SheetActionsProps } from './actions';
import { OpenRecordCell } from './OpenRecordCell';
import { SheetProblems } from './SheetProblems';
import { ConflictDialog } from './ConflictDialog';
import type { CellPosition, ColumnSpec, SheetRow } from './types';
import { enumValues, useLookups } from './useLookups';
import { useSheetBuffer } from './useSheetBuffer';
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

interface SheetProps {
  resource: string;
  columns: ColumnSpec[];
  /** values a new row starts with */
  defaults?: Record<string, unknown>;
  /** the signed-in role may not write this resource: no editing, adding, deleting, saving or importing */
  readOnly?: boolean;
  /** extra buttons acting on the ticked rows */
  actions?: ComponentType<SheetActionsProps>;
}

/** The default list view of every resource: an editable grid over react-admin's list context. */
export function Sheet({ resource, columns, defaults = {}, readOnly = false, actions: Actions }: SheetProps) {
  const { data, sort, setSort, refetch, isPending } = useListContext();
  const t = useTranslate();
  const locale = useLocale();
  const notify = useNotify();
  const [generation, setGeneration] = useState(0);
  const { lookups, ready } = useLookups(columns, generation);
  const { buffer, setBuffer, current, expectReload } = useSheetBuffer(data, columns);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<string>();
  const grid = useRef<AgGridReact<SheetRow>>(null);
  const gridBox = useRef<HTMLDivElement>(null);
  const range = useRef<CellRange | undefined>(undefined);
  const shift = useRef(false);
  // a Shift+click extends the range even when the grid reports the focus after Shift is released
  const shiftClick = useRef(false);
  const dragging = useRef(false);
  const spec = useMemo(() => new Map(columns.map((c) => [c.source, c])), [columns]);
  const ctx = useMemo(() => ({ t, lookups, enumValues }), [t, lookups]);

  const api = (): GridApi<SheetRow> | undefined => grid.current?.api;
  const displayedColumns = () => api()?.getAllDisplayedColumns().map((c) => c.getColId()).filter((id) => spec.has(id)) ?? [];
  const rangeBounds = () => (range.current ? bounds(range.current, displayedColumns()) : undefined);

  /** A cell's new value from any input: coerced by type and checked against the server's field rules. */
  const cellChange = useCallback(
    (row: SheetRow, column: ColumnSpec, input: unknown): CellChange => {
      const result = coerce(column, input, ctx);
      return { key: row.key, source: column.source, value: result.value, error: result.error ?? validate(column, result.value, t) };
    },
    [ctx, t],
  );

  const columnDefs = useMemo<ColDef<SheetRow>[]>(
    () => [
      {
        colId: '__open',
        headerName: '',
        width: 40,
        pinned: 'left',
        lockPinned: true,
        lockPosition: 'left',
        sortable: false,
        resizable: false,
        suppressMovable: true,
        cellRenderer: OpenRecordCell,
        cellRendererParams: { resource },
        cellClass: 'sheet-open-cell',
      },
      ...columns.map((column, i): ColDef<SheetRow> => ({
        colId: column.source,
        headerName: t(`resources.${resource}.fields.${column.source}`),
        headerTooltip: t(`resources.${resource}.fields.${column.source}`),
        pinned: i === 0 ? 'left' : undefined,
        lockPinned: i === 0,
        width: column.width ?? (column.type === 'reference' ? 200 : column.type === 'text' ? 180 : 120),
        valueGetter: (p) => p.data?.data[column.source],
        valueFormatter: (p) => displayValue(column, p.value, ctx),
        valueSetter: () => false,
        editable: (p) => !readOnly && column.editable !== false && !p.node.rowPinned && !p.data?.deleted,
        sortable: column.type !== 'reference',
        comparator: () => 0,
        type: column.type === 'int' || column.type === 'float' ? 'rightAligned' : undefined,
        tooltipValueGetter: (p) => p.data?.cellErrors?.[column.source] ?? p.data?.rowError,
        cellClassRules: {
          'sheet-changed': (p) => Boolean(p.data && !p.node.rowPinned && isCellChanged(p.data, column.source)),
          'sheet-cell-error': (p) => Boolean(p.data?.cellErrors?.[column.source]),
          'sheet-in-range': (p) => {
            const b = rangeBounds();
            return Boolean(b && p.node.rowIndex != null && !p.node.rowPinned && contains(b, p.node.rowIndex, column.source) && (b.bottom > b.top || b.columns.length > 1));
          },
          'sheet-readonly': () => column.editable === false,
        },
        ...editorsByType[column.type](column, ctx),
      })),
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [columns, resource, ctx, locale, readOnly],
  );

  const totals = useMemo(() => {
    const summed = columns.filter((c) => c.total);
    if (summed.length === 0) return undefined;
    const live = buffer.rows.filter((r) => !r.deleted);
    const data: Record<string, unknown> = { [columns[0]!.source]: t('sheet.totals') };
    for (const c of summed) data[c.source] = live.reduce((sum, r) => sum + (typeof r.data[c.source] === 'number' ? (r.data[c.source] as number) : 0), 0);
    return [{ key: '__totals', data } satisfies SheetRow];
  }, [buffer.rows, columns, t]);

  const refreshRange = () => api()?.refreshCells({ force: true });

  const onCellEditRequest = (e: CellEditRequestEvent<SheetRow>) => {
    const column = spec.get(e.column.getColId());
    if (!column || !e.data) return;
    setBuffer((b) => applyChanges(b, [cellChange(e.data!, column, e.newValue)]));
  };

  /** Moves the range's focus to a cell: a Shift+click or Shift held extends the range, anything else starts a new one. */
  const focusAt = (position: CellPosition) => {
    // the same cell reported again (the grid redraws, or the event trails the keyboard) keeps the range
    const last = range.current?.focus;
    if (last && last.rowIndex === position.rowIndex && last.colId === position.colId && !shiftClick.current) return;
    const extend = (shift.current || shiftClick.current) && range.current;
    shiftClick.current = false;
    range.current = extend && range.current ? { anchor: range.current.anchor, focus: position } : { anchor: position, focus: position };
    refreshRange();
  };

  const onCellFocused = (e: CellFocusedEvent<SheetRow>) => {
    if (e.rowIndex == null || e.rowPinned || !e.column || typeof e.column === 'string') return;
    focusAt({ rowIndex: e.rowIndex, colId: e.column.getColId() });
  };

  /**
   * The grid announces a clicked cell a frame after the browser focuses it; a key pressed in between
   * (Shift+click then Ctrl+D) must act on the cell that has the focus, read from the page.
   */
  const syncFocus = () => {
    const cell = document.activeElement?.closest('.ag-cell');
    const row = cell?.closest('[row-index]');
    const colId = cell?.getAttribute('col-id');
    if (!cell || !row || row.classList.contains('ag-row-pinned') || !colId || !spec.has(colId) || !gridBox.current?.contains(cell)) return;
    focusAt({ rowIndex: Number(row.getAttribute('row-index')), colId });
  };

  /** The row shown at a position, as the buffer holds it now (the grid may not have redrawn the last change yet). */
  const rowAt = (index: number) => {
    const key = api()?.getDisplayedRowAtIndex(index)?.data?.key;
    return key === undefined ? undefined : current.current.rows.find((row) => row.key === key);
  };

  const changeRange = (valueFor: (row: SheetRow, column: ColumnSpec, rowIndex: number) => unknown | typeof SKIP) => {
    const b = rangeBounds();
    if (!b) return;
    const changes: CellChange[] = [];
    for (let r = b.top; r <= b.bottom; r++) {
      const row = rowAt(r);
      if (!row || row.deleted) continue;
      for (const colId of b.columns) {
        const column = spec.get(colId)!;
        if (column.editable === false) continue;
        const value = valueFor(row, column, r);
        if (value !== SKIP) changes.push(value as CellChange);
      }
    }
    setBuffer((current) => applyChanges(current, changes));
  };

  const clearRange = () => changeRange((row, column) => cellChange(row, column, null));

  /** Ctrl+D: the range's first row fills the rows below it; a single cell takes the value above it. */
  const fillDown = () => {
    const b = rangeBounds();
    if (!b) return;
    const sourceRow = rowAt(b.top === b.bottom ? b.top - 1 : b.top);
    if (!sourceRow) return;
    changeRange((row, column, r) =>
      b.top !== b.bottom && r === b.top
        ? SKIP
        : { key: row.key, source: column.source, value: sourceRow.data[column.source], error: sourceRow.cellErrors?.[column.source] },
    );
  };

  /** Pastes a tab-separated block at the focused cell; rows past the end become new rows. */
  const paste = (text: string) => {
    const focused = api()?.getFocusedCell();
    if (!focused || focused.rowPinned) return;
    const block = parseTsv(text.replace(/\r?\n$/, ''));
    const cols = displayedColumns();
    const startCol = cols.indexOf(focused.column.getColId());
    if (startCol < 0) return;
    const changes: CellChange[] = [];
    const added: SheetRow[] = [];
    block.forEach((cells, r) => {
      let row = rowAt(focused.rowIndex + r);
      if (!row) {
        row = newRow(defaults);
        added.push(row);
      }
      cells.forEach((cell, c) => {
        const column = spec.get(cols[startCol + c] ?? '');
        if (column && column.editable !== false) changes.push(cellChange(row!, column, cell));
      });
    });
    setBuffer((b) => applyChanges(b, changes, added));
    const last = focused.rowIndex + block.length - 1;
    range.current = { anchor: { rowIndex: focused.rowIndex, colId: cols[startCol]! }, focus: { rowIndex: last, colId: cols[Math.min(cols.length - 1, startCol + (block[0]?.length ?? 1) - 1)]! } };
  };

  const copy = (): string | undefined => {
    const b = rangeBounds();
    if (!b) return undefined;
    const rows: string[][] = [];
    for (let r = b.top; r <= b.bottom; r++) {
      const row = rowAt(r);
      if (row) rows.push(b.columns.map((colId) => displayValue(spec.get(colId)!, row.data[colId], ctx)));
    }
    return toTsv(rows);
  };

  const moveWithShift = (key: string) => {
    const focused = api()?.getFocusedCell();
    if (!focused || !range.current) return;
    const cols = displayedColumns();
    let { rowIndex, colId } = range.current.focus;
    const c = cols.indexOf(colId);
    if (key === 'ArrowDown') rowIndex = Math.min(rowIndex + 1, (api()?.getDisplayedRowCount() ?? 1) - 1);
    if (key === 'ArrowUp') rowIndex = Math.max(rowIndex - 1, 0);
    if (key === 'ArrowRight') colId = cols[Math.min(c + 1, cols.length - 1)]!;
    if (key === 'ArrowLeft') colId = cols[Math.max(c - 1, 0)]!;
    range.current = { anchor: range.current.anchor, focus: { rowIndex, colId } };
    api()?.ensureIndexVisible(rowIndex);
    refreshRange();
  };

  const onKeyDownCapture = (e: KeyboardEvent) => {
    shift.current = e.shiftKey;
    if ((api()?.getEditingCells().length ?? 0) > 0) return;
    if ((e.target as HTMLElement).closest('.ag-header')) return;
    if (readOnly && !(e.shiftKey && e.key.startsWith('Arrow'))) return;
    syncFocus();
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    let handled = true;
    if (mod && key === 'z' && !e.shiftKey) setBuffer(undo);
    else if (mod && (key === 'y' || (key === 'z' && e.shiftKey))) setBuffer(redo);
    else if (mod && key === 'd') fillDown();
    else if (e.key === 'Delete' || e.key === 'Backspace') clearRange();
    else if (e.shiftKey && e.key.startsWith('Arrow')) moveWithShift(e.key);
    else handled = false;
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  const onPaste = (e: ClipboardEvent) => {
    if (readOnly || (api()?.getEditingCells().length ?? 0) > 0) return;
    syncFocus();
    e.preventDefault();
    paste(e.clipboardData.getData('text/plain'));
  };

  const onCopy = (e: ClipboardEvent) => {
    if ((api()?.getEditingCells().length ?? 0) > 0) return;
    syncFocus();
    const text = copy();
    if (text === undefined) return;
    e.preventDefault();
    e.clipboardData.setData('text/plain', text);
  };

  const addRow = () => {
    const row = newRow(defaults);
    setBuffer((b) => applyChanges(b, [], [row]));
    setTimeout(() => {
      const index = api()?.getRowNode(row.key)?.rowIndex;
      const first = columns.find((c) => c.editable !== false);
      if (index == null || !first) return;
      api()?.ensureIndexVisible(index);
      api()?.setFocusedCell(index, first.source);
    });
  };

  const deleteSelected = () => {
    const selected = api()?.getSelectedRows() ?? [];
    const b = rangeBounds();
    const keys = new Set(selected.map((r) => r.key));
    if (keys.size === 0 && b) for (let r = b.top; r <= b.bottom; r++) keys.add(rowAt(r)?.key ?? '');
    keys.delete('');
    setBuffer((current) => toggleDeleted(current, keys));
    api()?.deselectAll();
  };

  const reload = () => {
    expectReload();
    setConflict(undefined);
    invalidateLookup(resource);
    setGeneration((g) => g + 1);
    void refetch();
  };

  const save = async () => {
    const pending = current.current;
    if (pending.rows.some((row) => Object.keys(row.cellErrors ?? {}).length > 0 && !row.deleted)) {
      notify('sheet.notify.fix_errors', { type: 'error' });
      return;
    }
    const { rows, keys } = buildPayload(pending.rows, columns);
    if (rows.length === 0) {
      notify('sheet.notify.nothing_to_save', { type: 'info' });
      return;
    }
    setSaving(true);
    try {
      await saveMany(resource, rows);
      notify('sheet.notify.saved', { type: 'success', messageArgs: { smart_count: rows.length } });
      reload();
    } catch (error) {
      if (!(error instanceof SaveError)) throw error;
      const problems = error.rows.length > 0 ? error.rows : [{ index: 0, code: error.code, rule: null, field: error.field, message: error.message }];
      setBuffer((b) => markProblems(b, keys, problems.map((p) => ({ ...p, message: localizeMessage(p.message, locale) })), columns));
      if (error.isConflict) setConflict(localizeMessage(problems.find((p) => p.code === 'CONFLICT')?.message ?? error.message, locale));
      else notify(localizeMessage(error.message, locale), { type: 'error' });
    } finally {
      setSaving(false);
    }
  };

  const pending = pendingCount(buffer, columns);

  const actionProps: SheetActionsProps = {
    selected: () => (api()?.getSelectedRows() ?? []).filter((row) => row.id),
    showRefusals: (refusals: RowRefusal[]) => {
      const keys = refusals.map((r) => buffer.rows.find((row) => row.id === r.id)?.key ?? '');
      setBuffer((b) => markProblems(b, keys, refusals.map((r, index) => ({ index, field: null, message: localizeMessage(r.message, locale) })), columns));
    },
    reload,
  };

  return (
    <div className="sheet" data-resource={resource}>
      <SheetToolbar
        resource={resource}
        readOnly={readOnly}
        actions={Actions && <Actions {...actionProps} />}
        columns={columns}
        rows={buffer.rows}
        pending={pending}
        saving={saving}
        canUndo={buffer.past.length > 0}
        canRedo={buffer.future.length > 0}
        api={api}
        lookups={lookups}
        onAdd={addRow}
        onDelete={deleteSelected}
        onUndo={() => setBuffer(undo)}
        onRedo={() => setBuffer(redo)}
        onFillDown={fillDown}
        onSave={save}
        onReload={reload}
        onImported={reload}
      />
      <div
        ref={gridBox}
        className="sheet-grid"
        onKeyDownCapture={onKeyDownCapture}
        onKeyUpCapture={(e) => (shift.current = e.shiftKey)}
        onMouseDownCapture={(e) => {
          shift.current = e.shiftKey;
          shiftClick.current = e.shiftKey;
          dragging.current = true;
        }}
        onMouseUpCapture={() => (dragging.current = false)}
        onPaste={onPaste}
        onCopy={onCopy}
      >
        <AgGridReact<SheetRow>
          ref={grid}
          theme={theme}
          loading={isPending || !ready}
          rowData={ready ? buffer.rows : []}
          pinnedBottomRowData={totals}
          columnDefs={columnDefs}
          defaultColDef={{ resizable: true, suppressHeaderMenuButton: false }}
          getRowId={(p) => p.data.key}
          readOnlyEdit
          onCellEditRequest={onCellEditRequest}
          enterNavigatesVertically
          enterNavigatesVerticallyAfterEdit
          singleClickEdit={false}
          stopEditingWhenCellsLoseFocus
          rowSelection={{ mode: 'multiRow', checkboxes: true, headerCheckbox: true, enableClickSelection: false }}
          selectionColumnDef={{ pinned: 'left', width: 44 }}
          rowClassRules={{
            'sheet-row-deleted': (p) => Boolean(p.data?.deleted),
            'sheet-row-new': (p) => Boolean(p.data && !p.data.id && !p.node.rowPinned),
            'sheet-row-error': (p) => Boolean(p.data?.rowError),
            'sheet-totals': (p) => Boolean(p.node.rowPinned),
          }}
          tooltipShowDelay={300}
          onCellFocused={onCellFocused}
          onCellMouseOver={(e) => {
            if (!dragging.current || e.rowIndex == null || !range.current || e.node.rowPinned) return;
            range.current = { anchor: range.current.anchor, focus: { rowIndex: e.rowIndex, colId: e.column.getColId() } };
            refreshRange();
          }}
          onGridReady={(e) => {
            restoreColumnState(resource, e.api);
            if (sort.field) e.api.applyColumnState({ state: [{ colId: sort.field, sort: sort.order === 'DESC' ? 'desc' : 'asc' }] });
          }}
          onSortChanged={(e) => {
            if (e.source !== 'uiColumnSorted') return;
            const sorted = e.api.getColumnState().find((c) => c.sort);
            setSort(sorted ? { field: sorted.colId, order: sorted.sort === 'desc' ? 'DESC' : 'ASC' } : { field: 'id', order: 'ASC' });
          }}
          onColumnMoved={(e) => e.finished && saveColumnState(resource, e.api)}
          onColumnResized={(e) => e.finished && saveColumnState(resource, e.api)}
          onColumnVisible={(e) => saveColumnState(resource, e.api)}
          onColumnPinned={(e) => saveColumnState(resource, e.api)}
          localeText={{ noRowsToShow: t('sheet.grid.no_rows'), loadingOoo: t('sheet.grid.loading') }}
        />
      </div>
      <SheetProblems rows={buffer.rows} columns={columns} resource={resource} />
      {conflict && <ConflictDialog message={conflict} onReload={reload} onClose={() => setConflict(undefined)} />}
    </div>
  );
}

const SKIP = Symbol('skip');
