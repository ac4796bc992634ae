/**
 * The first sheet of an .xlsx, or a .csv, as rows of cells (header row first). The readers are loaded
 * when a file is read: opening a sheet does not wait for them.
 */
export async function readTable(file: File): Promise<unknown[][]> {
  if (/\.xlsx$/i.test(file.name)) {
    const { readSheet } = await import('read-excel-file/browser');
    return (await readSheet(file)) as unknown[][];
  }
  const { default: Papa } = await import('papaparse');
  const text = (await file.text()).replace(/^\ufeff/, '');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  return parsed.data;
}
