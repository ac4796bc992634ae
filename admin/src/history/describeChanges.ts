import type { Lookups } from '../lookups';
import type { Translate } from '../sheet/coerce';
import { displayValue } from '../sheet/editors';
import type { ColumnSpec } from '../sheet/types';

/** One audit entry as the server keeps it: `changes` is `{ property: [before, after] }`. */
export interface AuditEntryRecord {
  id: string;
  action: 'CREATE' | 'UPDATE' | 'DELETE';
  actorName: string;
  createdAt: string;
  changes: Record<string, [unknown, unknown]>;
}

export interface ChangeLine {
  field: string;
  label: string;
  before: string;
  after: string;
}

/** The entity property (`city`) or the column (`cityId`) a change names, as a column of the resource. */
const columnOf = (columns: ColumnSpec[], key: string) => columns.find((c) => c.source === key || c.source === `${key}Id`);

function readable(column: ColumnSpec | undefined, value: unknown, ctx: { t: Translate; lookups: Lookups }): string {
  if (value === null || value === undefined || value === '') return ctx.t('history.empty');
  if (column) return displayValue(column, value, ctx);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The changed fields of an entry with their labels and values as people read them (names, Chinese labels). */
export function describeChanges(entry: AuditEntryRecord, resource: string, columns: ColumnSpec[], ctx: { t: Translate; lookups: Lookups }): ChangeLine[] {
  return Object.entries(entry.changes ?? {}).map(([key, [before, after]]) => {
    const column = columnOf(columns, key);
    const label = ctx.t(`resources.${resource}.fields.${column?.source ?? key}`, { _: key });
    return { field: column?.source ?? key, label, before: readable(column, before, ctx), after: readable(column, after, ctx) };
  });
}
