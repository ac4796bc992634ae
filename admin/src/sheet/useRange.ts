import { useRef } from 'react';
import type { CellFocusedEvent, CellMouseOverEvent } from 'ag-grid-community';
import { bounds, extendRange, type ArrowKey, type CellRange } from './range';
import type { CellPosition, SheetRow } from './types';
import type { GridAccess } from './useGridAccess';

const samePosition = (a: CellPosition | undefined, b: CellPosition) => a?.rowIndex === b.rowIndex && a.colId === b.colId;

/**
 * The selected rectangle: a click starts it, Shift+click, Shift+arrows or a drag extend it. It lives in a
 * ref (not state) so that moving it redraws only the cells' classes, never the whole sheet.
 */
export function useRange(grid: GridAccess, gridBox: React.RefObject<HTMLDivElement | null>) {
  const range = useRef<CellRange | undefined>(undefined);
  const shift = useRef(false);
  // a Shift+click extends the range even when the grid reports the focus after Shift is released
  const shiftClick = useRef(false);
  const dragging = useRef(false);
  // the cell the grid last reported focused; the range's moving end may be elsewhere after Shift+arrows
  const announced = useRef<CellPosition | undefined>(undefined);

  const rangeBounds = () => (range.current ? bounds(range.current, grid.displayedColumns()) : undefined);
  const redraw = () => grid.api()?.refreshCells({ force: true });

  const set = (next: CellRange) => {
    range.current = next;
    redraw();
  };

  /** Moves the range's focus to a cell: a Shift+click or Shift held extends the range, anything else starts a new one. */
  const focusAt = (position: CellPosition) => {
    const extend = (shift.current || shiftClick.current) && range.current;
    shiftClick.current = false;
    set(extend && range.current ? { anchor: range.current.anchor, focus: position } : { anchor: position, focus: position });
  };

  const announce = (position: CellPosition) => {
    // the same cell reported again (the grid redraws, or the event trails the keyboard) keeps the range
    if (samePosition(announced.current, position) && !shiftClick.current) return;
    announced.current = position;
    focusAt(position);
  };

  const onCellFocused = (e: CellFocusedEvent<SheetRow>) => {
    if (e.rowIndex == null || e.rowPinned || !e.column || typeof e.column === 'string') return;
    announce({ rowIndex: e.rowIndex, colId: e.column.getColId() });
  };

  /**
   * The grid announces a clicked cell a frame after the browser focuses it; a key pressed in between
   * (Shift+click then Ctrl+D) must act on the cell that has the focus, read from the page.
   */
  const syncFocus = () => {
    const cell = document.activeElement?.closest('.ag-cell');
    const row = cell?.closest('[row-index]');
    const colId = cell?.getAttribute('col-id');
    if (!cell || !row || row.classList.contains('ag-row-pinned') || !colId || !grid.spec.has(colId) || !gridBox.current?.contains(cell)) return;
    announce({ rowIndex: Number(row.getAttribute('row-index')), colId });
  };

  const extendWith = (key: ArrowKey) => {
    if (!range.current) return;
    const next = extendRange(range.current, key, grid.displayedColumns(), grid.api()?.getDisplayedRowCount() ?? 1);
    grid.api()?.ensureIndexVisible(next.focus.rowIndex);
    set(next);
  };

  const onCellMouseOver = (e: CellMouseOverEvent<SheetRow>) => {
    if (!dragging.current || e.rowIndex == null || !range.current || e.node.rowPinned || !grid.spec.has(e.column.getColId())) return;
    set({ anchor: range.current.anchor, focus: { rowIndex: e.rowIndex, colId: e.column.getColId() } });
  };

  /** Handlers for the grid's box: which modifier keys and buttons are down. */
  const boxHandlers = {
    onKeyUpCapture: (e: React.KeyboardEvent) => (shift.current = e.shiftKey),
    onMouseDownCapture: (e: React.MouseEvent) => {
      shift.current = e.shiftKey;
      shiftClick.current = e.shiftKey;
      dragging.current = true;
    },
    onMouseUpCapture: () => (dragging.current = false),
  };

  return { range, rangeBounds, set, syncFocus, extendWith, onCellFocused, onCellMouseOver, boxHandlers, noteShift: (down: boolean) => (shift.current = down) };
}

export type SheetRange = ReturnType<typeof useRange>;
