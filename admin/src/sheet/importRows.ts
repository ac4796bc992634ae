import type { Lookups } from '../lookups';
import type { SaveRow } from '../dataProvider';
import { coerce, validate, type Translate } from './coerce';
import type { ColumnSpec } from './types';

export interface ImportedRow {
  line: number;
  values: Record<string, unknown>;
  /** the saved row with the same natural key, which this line updates */
  match?: { id: string; version: number };
  /** the matched row already holds these values: nothing to write */
  unchanged?: boolean;
  errors: Record<string, string>;
  serverError?: string;
}

export interface ImportPlan {
  mapped: ColumnSpec[];
  unknownHeaders: string[];
  rows: ImportedRow[];
  /** lines that create a row, update a saved one, or change nothing */
  counts: { created: number; updated: number; unchanged: number };
}

/** The saved rows an import is matched against, and the columns that identify a row (the server's unique key). */
export interface ImportTarget {
  naturalKey?: string[];
  existing: Record<string, unknown>[];
}

const keyOf = (values: Record<string, unknown>, naturalKey: string[]) =>
  JSON.stringify(
    naturalKey.map((source) =>
      String(values[source] ?? '')
        .trim()
        .toLowerCase(),
    ),
  );

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Reads a table whose first row holds column headers (Chinese or English labels, or field names) into
 * rows, each checked cell by cell the way the sheet checks typed values. A line whose natural key names
 * a saved row updates it (so an exported file imported again changes nothing); the others create rows.
 * Nothing is written here.
 */
export function planImport(
  table: unknown[][],
  columns: ColumnSpec[],
  resource: string,
  ctx: { t: Translate; lookups: Lookups; enumValues: (name: string) => string[]; labelsIn: (key: string) => string[] },
  defaults: Record<string, unknown> = {},
  target: ImportTarget = { existing: [] },
): ImportPlan {
  const naturalKey = target.naturalKey;
  const saved = new Map(naturalKey ? target.existing.map((record) => [keyOf(record, naturalKey), record]) : []);
  const [header = [], ...body] = table;
  const editable = columns.filter((c) => c.editable !== false);
  const byHeader = new Map<string, ColumnSpec>();
  for (const column of editable) {
    for (const label of [column.source, ...ctx.labelsIn(`resources.${resource}.fields.${column.source}`)]) byHeader.set(label.trim().toLowerCase(), column);
  }
  const positions = header.map((h) =>
    byHeader.get(
      String(h ?? '')
        .trim()
        .toLowerCase(),
    ),
  );
  const unknownHeaders = header.filter((h, i) => !positions[i] && String(h ?? '').trim() !== '').map(String);
  const mapped = positions.filter((c): c is ColumnSpec => Boolean(c));
  const rows = body
    .map((cells, i) => ({ cells, line: i + 2 }))
    .filter(({ cells }) => cells.some((cell) => cell != null && String(cell).trim() !== ''))
    .map(({ cells, line }) => {
      const values: Record<string, unknown> = { ...defaults };
      const errors: Record<string, string> = {};
      positions.forEach((column, i) => {
        if (!column) return;
        const result = coerce(column, cells[i] ?? null, ctx);
        values[column.source] = result.value;
        if (result.error) errors[column.source] = result.error;
      });
      for (const column of editable) {
        const error = errors[column.source] ? undefined : validate(column, values[column.source] ?? null, ctx.t);
        if (error) errors[column.source] = error;
      }
      const record = naturalKey && naturalKey.every((source) => positions.some((c) => c?.source === source)) ? saved.get(keyOf(values, naturalKey)) : undefined;
      if (!record) return { line, values, errors };
      const match = { id: String(record.id), version: Number(record.version) };
      return { line, values, errors, match, unchanged: mapped.every((column) => same(values[column.source], record[column.source])) };
    });
  const counts = {
    created: rows.filter((row) => !row.match).length,
    updated: rows.filter((row) => row.match && !row.unchanged).length,
    unchanged: rows.filter((row) => row.unchanged).length,
  };
  return { mapped, unknownHeaders, rows, counts };
}

/** The saveX rows: updates (id and version, the file's columns) and creations (every value given); unchanged lines are left out. */
export function importPayload(plan: ImportPlan): { rows: SaveRow[]; lines: ImportedRow[] } {
  const lines = plan.rows.filter((row) => !row.unchanged);
  const rows = lines.map((row): SaveRow => {
    if (!row.match) return Object.fromEntries(Object.entries(row.values).filter(([, v]) => v != null));
    return {
      id: row.match.id,
      version: row.match.version,
      ...Object.fromEntries(plan.mapped.map((column) => [column.source, row.values[column.source] ?? null])),
    };
  });
  return { rows, lines };
}
