import type { Lookups } from '../lookups';
import type { SaveRow } from '../dataProvider';
import { coerce, validate, type Translate } from './coerce';
import type { ColumnSpec } from './types';

export interface ImportedRow {
  line: number;
  values: Record<string, unknown>;
  errors: Record<string, string>;
  serverError?: string;
}

export interface ImportPlan {
  mapped: ColumnSpec[];
  unknownHeaders: string[];
  rows: ImportedRow[];
}

/**
 * Reads a table whose first row holds column headers (Chinese or English labels, or field names) into
 * new rows, each checked cell by cell the way the sheet checks typed values. Nothing is written here.
 */
export function planImport(
  table: unknown[][],
  columns: ColumnSpec[],
  resource: string,
  ctx: { t: Translate; lookups: Lookups; enumValues: (name: string) => string[]; labelsIn: (key: string) => string[] },
  defaults: Record<string, unknown> = {},
): ImportPlan {
  const [header = [], ...body] = table;
  const editable = columns.filter((c) => c.editable !== false);
  const byHeader = new Map<string, ColumnSpec>();
  for (const column of editable) {
    for (const label of [column.source, ...ctx.labelsIn(`resources.${resource}.fields.${column.source}`)]) byHeader.set(label.trim().toLowerCase(), column);
  }
  const positions = header.map((h) => byHeader.get(String(h ?? '').trim().toLowerCase()));
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
      return { line, values, errors };
    });
  return { mapped, unknownHeaders, rows };
}

export function importPayload(plan: ImportPlan): SaveRow[] {
  return plan.rows.map((row) => Object.fromEntries(Object.entries(row.values).filter(([, v]) => v != null)));
}
