import type { ColumnSpec, SheetRow } from './types';

/** The sheet's unsaved state: rows as shown, with undo and redo stacks of earlier states. */
export interface Buffer {
  rows: SheetRow[];
  past: SheetRow[][];
  future: SheetRow[][];
}

const UNDO_DEPTH = 200;
let newRowCounter = 0;

export function fromRecords(records: Record<string, unknown>[], columns: ColumnSpec[]): Buffer {
  const rows = records.map((record): SheetRow => {
    const data = Object.fromEntries(columns.map((c) => [c.source, record[c.source] ?? null]));
    return { key: String(record.id), id: String(record.id), version: record.version as number, data, original: data };
  });
  return { rows, past: [], future: [] };
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
    const i = position.get(change.key);
    if (i === undefined) continue;
    const row = rows[i]!;
    const cellErrors = { ...row.cellErrors };
    if (change.error) cellErrors[change.source] = change.error;
    else delete cellErrors[change.source];
    rows[i] = { ...row, data: { ...row.data, [change.source]: change.value }, cellErrors, rowError: undefined };
  }
  return commit(buffer, rows);
}

/** Deletes rows: saved rows are marked (and unmarked when deleted again), new rows vanish. */
export function toggleDeleted(buffer: Buffer, keys: Set<string>): Buffer {
  if (keys.size === 0) return buffer;
  const rows = buffer.rows.flatMap((row) => {
    if (!keys.has(row.key)) return [row];
    if (!row.id) return [];
    return [{ ...row, deleted: !row.deleted }];
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
