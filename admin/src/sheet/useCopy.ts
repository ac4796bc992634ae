import { useRef, type ClipboardEvent } from 'react';
import { useNotify } from 'react-admin';
import { displayValue, type DisplayContext } from './editors';
import { toTsv } from './payload';
import { isMultiCell } from './range';
import type { SheetRow } from './types';
import type { GridAccess } from './useGridAccess';
import type { SheetRange } from './useRange';
import type { RangeRows, RowAt } from './useRangeRows';
import type { Ticks } from './useTicks';

interface Options {
  grid: GridAccess;
  range: SheetRange;
  rows: RangeRows;
  ticks: Ticks;
  ctx: DisplayContext;
  /** a cell editor is open: the copy is the editor's own */
  editing(): boolean;
}

/**
 * Ctrl+C: the range's cells as tab-separated text, or — with rows ticked and no range drawn — the ticked
 * rows' shown columns. When every row is loaded the text goes on the clipboard at once, as the copy event
 * asks. Otherwise the rows are read first (at most one save's worth, as an edit over them) and written with
 * the Clipboard API; should the browser refuse that, the text is kept and the next Ctrl+C over the same
 * selection puts it there at once. Never a part of the selection.
 */
export function useCopy({ grid, range, rows, ticks, ctx, editing }: Options) {
  const notify = useNotify();
  /** text read for a selection the browser would not let us write after the read */
  const prepared = useRef<{ selection: string; text: string }>(undefined);

  const textOf = (chosen: SheetRow[], columns: string[]) =>
    toTsv(chosen.map((row) => columns.map((colId) => displayValue(grid.spec.get(colId)!, row.data[colId], ctx))));

  const write = async (selection: string, text: string, count: number) => {
    try {
      await navigator.clipboard.writeText(text);
      notify('sheet.notify.copied', { type: 'info', messageArgs: { smart_count: count } });
    } catch {
      prepared.current = { selection, text };
      notify('sheet.notify.copy_again', { type: 'warning', messageArgs: { smart_count: count } });
    }
  };

  const copyTicked = async (selection: string) => {
    const ticked = await ticks.tickedRows();
    if (ticked) await write(selection, textOf(ticked, grid.displayedColumns()), ticked.length);
  };

  const onCopy = (e: ClipboardEvent) => {
    if (editing()) return;
    range.syncFocus();
    const b = range.rangeBounds();
    const tickedOnly = ticks.count > 0 && (!b || !isMultiCell(b));
    if (!b && !tickedOnly) return;
    e.preventDefault();
    const selection = tickedOnly ? `ticked ${ticks.count}` : `${b!.top}-${b!.bottom} ${b!.columns.join()}`;
    if (prepared.current?.selection === selection) {
      e.clipboardData.setData('text/plain', prepared.current.text);
      prepared.current = undefined;
      return;
    }
    prepared.current = undefined;
    if (tickedOnly) return void copyTicked(selection);
    const { top, bottom, columns } = b!;
    let atOnce = true;
    rows.withRows(
      top,
      bottom,
      (rowAt: RowAt) => {
        const chosen = Array.from({ length: bottom - top + 1 }, (_, i) => rowAt(top + i)).filter((row) => row !== undefined);
        const text = textOf(chosen, columns);
        if (atOnce) e.clipboardData.setData('text/plain', text);
        else void write(selection, text, chosen.length);
      },
      'sheet.notify.too_many_copied',
    );
    atOnce = false;
  };

  return { onCopy };
}
