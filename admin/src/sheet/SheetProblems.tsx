import { useTranslate } from 'react-admin';
import type { ColumnSpec, SheetRow } from './types';

/** Every flagged cell and row, listed under the grid so nothing hides behind a tooltip. */
export function SheetProblems({
  rows,
  columns,
  resource,
  rowNumber,
}: {
  rows: SheetRow[];
  columns: ColumnSpec[];
  resource: string;
  /** the row's number in the sheet (第 N 行), when known */
  rowNumber(row: SheetRow): number | undefined;
}) {
  const t = useTranslate();
  const items: string[] = [];
  rows.forEach((row) => {
    const number = rowNumber(row)?.toLocaleString('en-US') ?? '—';
    // a row marked for deletion keeps no cell problems, but a refused delete says why on its row
    if (!row.deleted)
      for (const column of columns) {
        const error = row.cellErrors?.[column.source];
        if (error) items.push(t('sheet.problem_cell', { row: number, field: t(`resources.${resource}.fields.${column.source}`), message: error }));
      }
    if (row.rowError) items.push(t('sheet.problem_row', { row: number, message: row.rowError }));
  });
  if (items.length === 0) return null;
  return (
    <ul className="sheet-problems" role="alert">
      {items.slice(0, 50).map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}
