import type { Translate } from './coerce';
import type { ServerTotals } from './serverTotals';
import type { ColumnSpec, SheetRow } from './types';

/**
 * The pinned bottom row. With every row of the filtered set loaded, the sums are the rows as edited;
 * with the server's sums (when it offers them) those; otherwise the row says it sums the loaded rows only.
 */
export function totalsRow(rows: SheetRow[], columns: ColumnSpec[], server: ServerTotals | undefined, complete: boolean, t: Translate): SheetRow[] | undefined {
  const summed = columns.filter((c) => c.total);
  if (summed.length === 0) return undefined;
  const fromServer = !complete && server?.sums;
  const data: Record<string, unknown> = { [columns[0]!.source]: t(complete || fromServer ? 'sheet.totals' : 'sheet.totals_loaded') };
  const live = rows.filter((r) => !r.deleted);
  for (const c of summed) {
    data[c.source] = fromServer
      ? (fromServer[c.source] ?? null)
      : live.reduce((sum, r) => sum + (typeof r.data[c.source] === 'number' ? (r.data[c.source] as number) : 0), 0);
  }
  return [{ key: '__totals', data }];
}
