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
