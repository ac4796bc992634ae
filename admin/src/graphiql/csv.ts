type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Row = Record<string, string | number | boolean | null>;

/** The first list in a GraphQL result's `data`, depth first in field order, with its path. */
export function firstList(data: Json, path: string[] = []): { path: string[]; rows: Json[] } | null {
  if (Array.isArray(data)) return { path, rows: data };
  if (data === null || typeof data !== 'object') return null;
  for (const [key, value] of Object.entries(data)) {
    const found = firstList(value, [...path, key]);
    if (found) return found;
  }
  return null;
}

/** Nested objects become `parent.child` columns; nested lists stay in one cell as JSON. */
export function flatten(value: Json, prefix = '', into: Row = {}): Row {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    into[prefix || 'value'] = Array.isArray(value) ? JSON.stringify(value) : value;
    return into;
  }
  for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, into);
  return into;
}

const cell = (value: Row[string]): string => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** RFC 4180 text with a header of every column seen, in the order first seen. */
export function toCsv(rows: Row[]): string {
  const columns: string[] = [];
  for (const row of rows) for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
  const lines = [columns.map(cell).join(','), ...rows.map((row) => columns.map((c) => cell(row[c] ?? null)).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** CSV of the first list of a result, or null when it has none. */
export function resultToCsv(result: unknown): { name: string; csv: string } | null {
  const data = (result as { data?: Json } | null)?.data;
  if (data === undefined) return null;
  const list = firstList(data);
  if (!list) return null;
  return { name: list.path.join('.') || 'result', csv: toCsv(list.rows.map((row) => flatten(row))) };
}
