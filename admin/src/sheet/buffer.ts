import type { ColumnSpec, SheetRow } from './types';

/**
 * The sheet's unsaved state: the rows a person touched (edited, added, deleted or marked by the server),
 * with undo and redo stacks of earlier states. The rest of the sheet is read from the server in blocks;
 * a touched row shows its state from here wherever its block is read again.
 */
export interface Buffer {
  rows: SheetRow[];
  past: SheetRow[][];
  future: SheetRow[][];
}

const UNDO_DEPTH = 200;
let newRowCounter = 0;

export const emptyBuffer = (): Buffer => ({ rows: [], past: [], future: [] });

/** Sheet rows of records as the server sent them. */
export function rowsOf(records: Record<string, unknown>[], columns: ColumnSpec[]): SheetRow[] {
  return records.map((record): SheetRow => {
    const data = Object.fromEntries(columns.map((c) => [c.source, record[c.source] ?? null]));
    return { key: String(record.id), id: String(record.id), version: record.version as number, data, original: data };
  });
}

export function fromRecords(records: Record<string, unknown>[], columns: ColumnSpec[]): Buffer {
  return { ...emptyBuffer(), rows: rowsOf(records, columns) };
}

export function newRow(defaults: Record<string, unknown> = {}): SheetRow {
  newRowCounter += 1;
  return { key: `new-${newRowCounter}`, data: { ...defaults } };
}

/** Records a new state; the previous one becomes undoable. */
export function commit(buffer: Buffer, rows: SheetRow[]): Buffer {
  return { rows, past: [...buffer.past.slice(-UNDO_DEPTH + 1), buffer.rows], future: [] };
}

export function undo(buffer: Buffer): Buffer {
  const previous = buffer.past.at(-1);
  if (!previous) return buffer;
  return { rows: previous, past: buffer.past.slice(0, -1), future: [buffer.rows, ...buffer.future] };
}

export function redo(buffer: Buffer): Buffer {
  const next = buffer.future[0];
  if (!next) return buffer;
  return { rows: next, past: [...buffer.past, buffer.rows], future: buffer.future.slice(1) };
}

export interface CellChange {
  key: string;
  /** the row as shown when the change was made: taken into the buffer if it is not there yet */
  row?: SheetRow;
  source: string;
  value: unknown;
  error?: string;
}

/** Applies cell changes (and new rows) as one undoable step. */
export function applyChanges(buffer: Buffer, changes: CellChange[], added: SheetRow[] = []): Buffer {
  if (changes.length === 0 && added.length === 0) return buffer;
  const rows = [...buffer.rows, ...added];
  const position = new Map(rows.map((row, i) => [row.key, i]));
  for (const change of changes) {
    let i = position.get(change.key);
    if (i === undefined) {
      if (!change.row) continue;
      i = rows.push(change.row) - 1;
      position.set(change.key, i);
    }
    const row = rows[i]!;
    const cellErrors = { ...row.cellErrors };
    if (change.error) cellErrors[change.source] = change.error;
    else delete cellErrors[change.source];
    rows[i] = { ...row, data: { ...row.data, [change.source]: change.value }, cellErrors, rowError: undefined };
  }
  return commit(buffer, rows);
}

/**
 * Deletes rows (删除所选): saved rows are marked, new rows vanish; when every saved row chosen is marked
 * already, they are unmarked instead. `shown` are the rows as the grid shows them: those not in the
 * buffer yet are taken in.
 */
export function toggleDeleted(buffer: Buffer, keys: Set<string>, shown: SheetRow[] = []): Buffer {
  if (keys.size === 0) return buffer;
  const taken = withRows(
    buffer,
    shown.filter((row) => keys.has(row.key)),
  ).rows;
  const restore = taken.filter((row) => keys.has(row.key) && row.id).every((row) => row.deleted);
  const rows = taken.flatMap((row) => {
    if (!keys.has(row.key)) return [row];
    if (!row.id) return [];
    return [{ ...row, deleted: !restore }];
  });
  return commit(buffer, rows);
}

export function isCellChanged(row: SheetRow, source: string): boolean {
  if (!row.original) return row.data[source] != null;
  return JSON.stringify(row.data[source]) !== JSON.stringify(row.original[source]);
}

export function isRowChanged(row: SheetRow, columns: ColumnSpec[]): boolean {
  return !row.original || row.deleted === true || columns.some((c) => isCellChanged(row, c.source));
}

export function pendingCount(buffer: Buffer, columns: ColumnSpec[]): number {
  return buffer.rows.filter((row) => isRowChanged(row, columns)).length;
}

/** Takes rows into the buffer as they are (no undo step), those not in it yet. */
export function withRows(buffer: Buffer, rows: SheetRow[]): Buffer {
  const held = new Set(buffer.rows.map((row) => row.key));
  const missing = rows.filter((row) => !held.has(row.key));
  return missing.length === 0 ? buffer : { ...buffer, rows: [...buffer.rows, ...missing] };
}

/** Marks the server's verdict (BulkError rows) on the rows that were sent, by their position in the request. */
export function markProblems(
  buffer: Buffer,
  sentKeys: string[],
  problems: { index: number; field: string | null; message: string }[],
  columns: ColumnSpec[],
): Buffer {
  const byKey = new Map<string, { field: string | null; message: string }[]>();
  for (const problem of problems) {
    const key = sentKeys[problem.index];
    if (key) byKey.set(key, [...(byKey.get(key) ?? []), problem]);
  }
  const sources = new Set(columns.map((c) => c.source));
  return {
    ...buffer,
    rows: buffer.rows.map((row) => {
      const list = byKey.get(row.key);
      if (!list) return row;
      const cellErrors = { ...row.cellErrors };
      const rowMessages: string[] = [];
      for (const p of list) {
        if (p.field && sources.has(p.field)) cellErrors[p.field] = p.message;
        else rowMessages.push(p.message);
      }
      return { ...row, cellErrors, rowError: rowMessages.join('；') || undefined };
    }),
  };
}
