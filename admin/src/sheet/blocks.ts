import type { SheetRow } from './types';

/** The first row of every block of `size` rows that holds a row from `top` to `bottom`. */
export function blockStarts(top: number, bottom: number, size: number): number[] {
  const starts: number[] = [];
  for (let start = Math.floor(top / size) * size; start <= bottom; start += size) starts.push(start);
  return starts;
}

/**
 * The rows the sheet shows from `start` up to `end`: the server's rows of that stretch (`server`, read
 * from `start`) as the unsaved rows hold them, then, past the last of the `total` saved rows, the rows
 * added in the sheet.
 */
export function shownRows(server: SheetRow[], touched: SheetRow[], start: number, end: number, total: number): SheetRow[] {
  const pending = new Map(touched.map((row) => [row.key, row]));
  const added = touched.filter((row) => !row.id);
  return [...server.map((row) => pending.get(row.key) ?? row), ...added.slice(Math.max(0, start - total), Math.max(0, end - total))];
}

/** Rows ahead of the view whose blocks are read before they are shown (two blocks' worth). */
export const READ_AHEAD_ROWS = 200;
/** A move of more rows than this between two views is a jump (a dragged scrollbar, a scroll to a row), not a scroll. */
export const SCROLL_STEP_ROWS = 50;

/**
 * While the grid scrolls (rows `first`..`last` drawn; `before`, the first row drawn in the previous view),
 * the first row of every block of `size` rows that lies within `ahead` rows beyond the view in the
 * direction of the scroll: the blocks to read before their rows are shown. None when the view did not
 * move or jumped.
 */
export function blocksAhead(before: number | undefined, first: number, last: number, rowCount: number, size: number, ahead = READ_AHEAD_ROWS): number[] {
  if (before === undefined || before === first || Math.abs(first - before) > SCROLL_STEP_ROWS) return [];
  const [top, bottom] = first > before ? [last + 1, Math.min(last + ahead, rowCount - 1)] : [Math.max(first - ahead, 0), first - 1];
  return top > bottom ? [] : blockStarts(top, bottom, size).map((start) => Math.max(start, top));
}
