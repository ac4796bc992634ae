/** Column types of the sheet; each has an editor (editors.tsx) and a coercion from text (coerce.ts). */
export type ColumnType = 'text' | 'int' | 'float' | 'date' | 'boolean' | 'enum' | 'enumList' | 'reference' | 'stages';

/**
 * One column of a resource as its column file writes it: presentation only (data, not code). Labels come
 * from i18n by `source`; limits come from the server's contract (contract.ts `withServerLimits`).
 */
export interface ColumnData {
  source: string;
  type: ColumnType;
  /** false for server-computed columns (status); default true */
  editable?: boolean;
  /** i18n key of the message shown when the value misses the server's pattern */
  patternMessage?: string;
  /** GraphQL enum name for enum and enumList columns */
  enum?: string;
  /** resource the id points to, for reference columns */
  reference?: string;
  /** summed in the totals row */
  total?: boolean;
  width?: number;
  /** not offered as a list filter (by default enum, reference and year columns are) */
  filter?: false;
  /** written, never read back (a password): shown as dots */
  secret?: boolean;
  /** a GB/T 2260 code (a Zhejiang city or another province): shown by its name, typed as a name or a code */
  region?: true;
  /** long text: a multi-line input on the record page */
  multiline?: boolean;
}

/** A column with the limits the server enforces on its field, as the sheet and forms check them. */
export interface ColumnSpec extends ColumnData {
  required?: boolean;
  min?: number;
  max?: number;
  maxLength?: number;
  /** regular expression the server enforces, and the i18n key of its message */
  pattern?: { regex: RegExp; message: string };
}

export interface SheetRow {
  /** stable grid row id: the record id, or `new-N` for rows not saved yet */
  key: string;
  id?: string;
  version?: number;
  data: Record<string, unknown>;
  /** values as last read from the server; absent for new rows */
  original?: Record<string, unknown>;
  deleted?: boolean;
  /** per-cell problems (client coercion/validation or the server's verdict) */
  cellErrors?: Record<string, string>;
  rowError?: string;
}

export interface CellPosition {
  rowIndex: number;
  colId: string;
}
