import type { Dispatch, KeyboardEvent, SetStateAction } from 'react';
import { redo, undo, type Buffer } from './buffer';
import type { ArrowKey } from './range';
import type { GridAccess } from './useGridAccess';
import type { SheetRange } from './useRange';

interface Options {
  grid: GridAccess;
  range: SheetRange;
  readOnly: boolean;
  setBuffer: Dispatch<SetStateAction<Buffer>>;
  edits: { clear(): void; fillDown(): void };
}

const isArrow = (key: string): key is ArrowKey => key.startsWith('Arrow');

/**
 * An input method (Chinese pinyin, wubi) announces its keys as "Process" and types nothing into a cell
 * that is not being edited: the focused cell starts editing, empty, and the composed text lands in it.
 */
const isImeKey = (e: KeyboardEvent) => e.key === 'Process' || e.nativeEvent.isComposing || e.keyCode === 229;

/** Excel's keys over the grid: Shift+arrows, Ctrl+D, Delete, Ctrl+Z / Ctrl+Y, typing through an IME. */
export function useSheetKeyboard({ grid, range, readOnly, setBuffer, edits }: Options) {
  const startEditingForIme = () => {
    const focused = grid.api()?.getFocusedCell();
    if (!focused || focused.rowPinned) return false;
    const column = grid.spec.get(focused.column.getColId());
    const row = grid.rowAt(focused.rowIndex);
    if (!column || column.editable === false || !row || row.deleted) return false;
    grid.api()?.startEditingCell({ rowIndex: focused.rowIndex, colKey: column.source, key: 'Backspace' });
    return true;
  };

  const onKeyDownCapture = (e: KeyboardEvent) => {
    range.noteShift(e.shiftKey);
    if ((grid.api()?.getEditingCells().length ?? 0) > 0) return;
    if ((e.target as HTMLElement).closest('.ag-header')) return;
    if (readOnly && !(e.shiftKey && isArrow(e.key))) return;
    range.syncFocus();
    if (isImeKey(e)) {
      // the composition goes on in the editor's input, which now has the focus
      startEditingForIme();
      return;
    }
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    let handled = true;
    if (mod && key === 'z' && !e.shiftKey) setBuffer(undo);
    else if (mod && (key === 'y' || (key === 'z' && e.shiftKey))) setBuffer(redo);
    else if (mod && key === 'd') edits.fillDown();
    else if (e.key === 'Delete' || e.key === 'Backspace') edits.clear();
    else if (e.shiftKey && isArrow(e.key)) range.extendWith(e.key);
    else handled = false;
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  return { onKeyDownCapture };
}
