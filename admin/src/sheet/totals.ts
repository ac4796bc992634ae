import type { Translate } from './coerce';
import type { ServerTotals } from './serverTotals';
import type { ColumnSpec, SheetRow } from './types';

const numberIn = (data: Record<string, unknown> | undefined, source: string) => (typeof data?.[source] === 'number' ? (data[source] as number) : 0);

/**
 * The pinned bottom row: the server's sums over the whole filtered set as saved, moved by what the
 * unsaved rows change (an edited value counts its difference, a deleted row leaves, a new row adds).
 */
export function totalsRow(touched: SheetRow[], columns: ColumnSpec[], server: ServerTotals | undefined, t: Translate): SheetRow[] | undefined {
  const summed = columns.filter((c) => c.total);
  if (summed.length === 0) return undefined;
  const data: Record<string, unknown> = { [columns[0]!.source]: t('sheet.totals') };
  for (const c of summed) {
    const saved = server?.sums[c.source];
    data[c.source] =
      saved == null
        ? null
        : touched.reduce((sum, row) => sum - (row.id ? numberIn(row.original, c.source) : 0) + (row.deleted ? 0 : numberIn(row.data, c.source)), saved);
  }
  return [{ key: '__totals', data }];
}
