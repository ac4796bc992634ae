import type { Lookups } from '../lookups';
import type { Translate } from './coerce';
import { displayValue } from './editors';
import type { ColumnSpec, SheetRow } from './types';

/** The sheet as shown (filtered, sorted, visible columns in their order) with headers in the current language. */
export function sheetTable(rows: SheetRow[], columns: ColumnSpec[], resource: string, ctx: { t: Translate; lookups: Lookups }) {
  const header = columns.map((c) => ctx.t(`resources.${resource}.fields.${c.source}`));
  const body = rows
    .filter((row) => !row.deleted)
    .map((row) =>
      columns.map((c) => {
        const value = row.data[c.source];
        return (c.type === 'int' || c.type === 'float') && typeof value === 'number' ? value : displayValue(c, value, ctx);
      }),
    );
  return { header, body };
}

function fileName(resource: string, t: Translate, ext: string): string {
  const day = new Date().toISOString().slice(0, 10);
  return `${t(`resources.${resource}.name`, { smart_count: 2 })}-${day}.${ext}`;
}

/** Writes an .xlsx; the writer is loaded on the first export (opening a sheet does not wait for it). */
export async function exportXlsx(table: { header: string[]; body: (string | number)[][] }, resource: string, t: Translate) {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const data = [
    table.header.map((value) => ({ value, fontWeight: 'bold' as const })),
    ...table.body.map((row) => row.map((value) => (value === '' ? null : { value }))),
  ];
  await writeXlsxFile(data).toFile(fileName(resource, t, 'xlsx'));
}

export async function exportCsv(table: { header: string[]; body: (string | number)[][] }, resource: string, t: Translate) {
  const { default: Papa } = await import('papaparse');
  // the byte-order mark makes Excel read the file as UTF-8 (Chinese headers intact)
  const csv = '\ufeff' + Papa.unparse([table.header, ...table.body]);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  link.download = fileName(resource, t, 'csv');
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
