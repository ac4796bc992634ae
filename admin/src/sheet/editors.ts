import type { ColDef } from 'ag-grid-community';
import type { Lookups } from '../lookups';
import { enumLabel, type Translate } from './coerce';
import { stagesText, type Stage } from './stages';
import type { PortalStore } from './portals';
import { ReferenceCellEditor } from './ReferenceEditor';
import type { ColumnSpec, ColumnType, SheetRow } from './types';
import { enumValues } from './useLookups';

export interface DisplayContext {
  t: Translate;
  lookups: Lookups;
}

/** Cell editor (and its parameters) for each column type; the sheet's portals show a React editor. */
export const editorsByType: Record<ColumnType, (column: ColumnSpec, ctx: DisplayContext, portals: PortalStore) => Partial<ColDef<SheetRow>>> = {
  text: () => ({ cellEditor: 'agTextCellEditor' }),
  // no min/max here: the editor would silently drop a value out of range; coerce() keeps it and marks the cell
  int: () => ({ cellEditor: 'agNumberCellEditor', cellEditorParams: { precision: 0 } }),
  float: () => ({ cellEditor: 'agNumberCellEditor' }),
  date: () => ({ cellEditor: 'agDateStringCellEditor' }),
  boolean: () => ({ cellEditor: 'agCheckboxCellEditor' }),
  enum: (column, { t }) => ({
    cellEditor: 'agSelectCellEditor',
    cellEditorParams: {
      values: [...(column.required ? [] : [null]), ...enumValues(column.enum!)],
      formatValue: (value: string | null) => (value ? enumLabel(t, column.enum!, value) : '—'),
    },
  }),
  // typed as labels separated by 、 or commas, read back by coerce()
  enumList: () => ({ cellEditor: 'agTextCellEditor', cellEditorParams: { useFormatter: true } }),
  stages: () => ({ cellEditor: 'agTextCellEditor', cellEditorParams: { useFormatter: true } }),
  reference: (column, { lookups }, portals) => ({
    cellEditor: ReferenceCellEditor,
    cellEditorPopup: true,
    cellEditorParams: { reference: column.reference, lookups, portals },
  }),
};

/** amounts with thousands separators (12,000): one formatter for every cell drawn */
const amounts = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/** How a value reads in a cell, an export or a copy. */
export function displayValue(column: ColumnSpec, value: unknown, ctx: DisplayContext): string {
  if (value == null || value === '') return '';
  if (column.secret) return '••••••';
  if (column.region) return ctx.lookups.regionName(String(value));
  switch (column.type) {
    case 'stages':
      return Array.isArray(value) ? stagesText(value as Stage[], ctx.t) : String(value);
    case 'enum':
      return typeof value === 'string' ? enumLabel(ctx.t, column.enum!, value) : String(value);
    case 'enumList':
      return Array.isArray(value) ? value.map((v) => enumLabel(ctx.t, column.enum!, String(v))).join('、') : String(value);
    case 'boolean':
      return typeof value === 'boolean' ? ctx.t(value ? 'ra.boolean.true' : 'ra.boolean.false') : String(value);
    case 'reference':
      return /^\d+$/.test(String(value)) ? ctx.lookups.label(column.reference!, value) : String(value);
    case 'int':
    case 'float':
      // years read as years (2025), amounts with thousands separators (12,000)
      return typeof value === 'number' && column.source !== 'year' ? amounts.format(value) : String(value);
    default:
      return String(value);
  }
}
