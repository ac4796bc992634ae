import { isCellChanged } from './buffer';
import { displayValue, type DisplayContext } from './editors';
import type { ColumnSpec, SheetRow } from './types';

/** One cell both this person and someone else changed: what each would keep. */
export interface ConflictCell {
  /** the row number shown in the sheet */
  row: number;
  source: string;
  mine: string;
  theirs: string;
}

/**
 * The cells of the conflicting rows this person changed, beside the values saved meanwhile (`saved`,
 * by id; a row deleted meanwhile shows as empty).
 */
export function conflictCells(
  rows: SheetRow[],
  conflicting: Set<string>,
  saved: Map<string, Record<string, unknown>>,
  columns: ColumnSpec[],
  ctx: DisplayContext,
  /** the row's number in the sheet; by default its position in `rows` */
  rowNumber: (row: SheetRow, index: number) => number | undefined = (_, index) => index + 1,
): ConflictCell[] {
  const cells: ConflictCell[] = [];
  rows.forEach((row, i) => {
    if (!row.id || !conflicting.has(row.key)) return;
    const theirs = saved.get(row.id);
    for (const column of columns) {
      if (!row.deleted && !isCellChanged(row, column.source)) continue;
      cells.push({
        row: rowNumber(row, i) ?? 0,
        source: column.source,
        mine: row.deleted ? ctx.t('sheet.conflict.deleted') : displayValue(column, row.data[column.source], ctx),
        theirs: theirs ? displayValue(column, theirs[column.source], ctx) : '',
      });
      if (row.deleted) break;
    }
  });
  return cells;
}
