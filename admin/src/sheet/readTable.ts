import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/browser';

/** The first sheet of an .xlsx, or a .csv, as rows of cells (header row first). */
export async function readTable(file: File): Promise<unknown[][]> {
  if (/\.xlsx$/i.test(file.name)) return (await readSheet(file)) as unknown[][];
  const text = (await file.text()).replace(/^\ufeff/, '');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  return parsed.data;
}
