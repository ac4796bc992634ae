import { useSyncExternalStore } from 'react';
import { resultToCsv } from './csv';
import { resultStore } from './result-store';

function download(name: string, csv: string): void {
  // A byte-order mark so that Excel opens the UTF-8 file with its Chinese intact.
  const blob = new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: `${name}.csv` });
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** Toolbar button: the first list of the last result as a CSV file. */
export function ExportCsvButton() {
  const result = useSyncExternalStore(resultStore.subscribe, resultStore.get);
  const exported = resultToCsv(result);
  return (
    <button
      type="button"
      className="graphiql-un-styled graphiql-toolbar-button"
      aria-label="导出 CSV (export the first list of the result as CSV)"
      title="导出 CSV (export the first list of the result as CSV)"
      disabled={!exported}
      onClick={() => exported && download(exported.name, exported.csv)}
      style={{ fontSize: 11, fontWeight: 600, opacity: exported ? 1 : 0.4 }}
    >
      CSV
    </button>
  );
}
