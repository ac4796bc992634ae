import type { SaveRow } from '../dataProvider';
import { isCellChanged, isRowChanged } from './buffer';
import type { ColumnSpec, SheetRow } from './types';

/** The `saveX` rows for everything pending, and which sheet row each request row came from. */
export function buildPayload(rows: SheetRow[], columns: ColumnSpec[]): { rows: SaveRow[]; keys: string[] } {
  const editable = columns.filter((c) => c.editable !== false);
  const payload: SaveRow[] = [];
  const keys: string[] = [];
  for (const row of rows) {
    if (!isRowChanged(row, columns)) continue;
    if (row.deleted) {
      payload.push({ id: row.id, version: row.version, delete: true });
    } else if (!row.id) {
      payload.push(Object.fromEntries(editable.filter((c) => row.data[c.source] != null).map((c) => [c.source, row.data[c.source]])));
    } else {
      const changed = editable.filter((c) => isCellChanged(row, c.source));
      payload.push({ id: row.id, version: row.version, ...Object.fromEntries(changed.map((c) => [c.source, row.data[c.source]])) });
    }
    keys.push(row.key);
  }
  return { rows: payload, keys };
}

/** Parses text copied from Excel or WPS: rows by newline, cells by tab; quoted cells may hold newlines. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === '\t') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

export function toTsv(rows: string[][]): string {
  const quote = (cell: string) => (/[\t\n"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return rows.map((row) => row.map(quote).join('\t')).join('\n');
}
