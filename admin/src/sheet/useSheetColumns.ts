import { useMemo } from 'react';
import type { ColDef } from 'ag-grid-community';
import { isCellChanged } from './buffer';
import { displayValue, editorsByType, type DisplayContext } from './editors';
import type { PortalStore } from './portals';
import { RowHeadCell } from './RowHeadCell';
import { TickAllHeaderComp } from './TickAllHeader';
import { contains, isMultiCell, type RangeBounds } from './range';
import type { ColumnSpec, SheetRow } from './types';

interface Options {
  resource: string;
  columns: ColumnSpec[];
  readOnly: boolean;
  ctx: DisplayContext;
  locale: string;
  /** shows the React header and editor inside the grid */
  portals: PortalStore;
  rangeBounds(): RangeBounds | undefined;
}

/** The row's head: its tick box, number and record link, in one column. */
export const ROW_HEAD_COLUMN = '__row';

/**
 * The row's head, at the sheet's left edge as it is: neither moved, resized nor sorted. It and the first
 * column are pinned there only when the columns are wider than the grid's view (`fitPinning`), never by
 * the person.
 */
const FIXED_AT_LEFT: ColDef<SheetRow> = {
  lockPinned: true,
  lockPosition: 'left',
  sortable: false,
  resizable: false,
  suppressMovable: true,
};

/** The columns pinned at the left edge when the columns are wider than the grid's view: the row's head and the first column. */
export const pinnableColumns = (columns: ColumnSpec[]): string[] => [ROW_HEAD_COLUMN, ...columns.slice(0, 1).map((c) => c.source)];

/** The grid's columns: the row's head (tick box, row number — the 第 N 行 of every message — and record link), then one per ColumnSpec. */
export function useSheetColumns({ resource, columns, readOnly, ctx, locale, portals, rangeBounds }: Options): ColDef<SheetRow>[] {
  const { t } = ctx;
  return useMemo<ColDef<SheetRow>[]>(
    () => [
      {
        colId: ROW_HEAD_COLUMN,
        headerName: t('sheet.row_number'),
        headerComponent: TickAllHeaderComp,
        headerComponentParams: { portals, label: t('sheet.row_number') },
        width: 132,
        ...FIXED_AT_LEFT,
        valueGetter: (p) => (p.node?.rowPinned ? '' : (p.node?.rowIndex ?? 0) + 1),
        cellRenderer: RowHeadCell,
        cellRendererParams: { resource, tickLabel: t('sheet.tick_row'), openLabel: t('sheet.open_record') },
        cellClass: 'sheet-row-head-cell',
      },
      ...columns.map((column, i): ColDef<SheetRow> => ({
        colId: column.source,
        headerName: t(`resources.${resource}.fields.${column.source}`),
        headerTooltip: t(`resources.${resource}.fields.${column.source}`),
        // the first column stays next to the row's head
        ...(i === 0 ? { lockPinned: true, lockPosition: 'left' as const } : {}),
        width: column.width ?? (column.type === 'reference' ? 200 : column.type === 'text' ? 180 : 120),
        valueGetter: (p) => p.data?.data[column.source],
        valueFormatter: (p) => displayValue(column, p.value, ctx),
        valueSetter: () => false,
        editable: (p) => !readOnly && column.editable !== false && !p.node.rowPinned && !p.data?.deleted,
        sortable: column.type !== 'reference',
        comparator: () => 0,
        type: column.type === 'int' || column.type === 'float' ? 'rightAligned' : undefined,
        tooltipValueGetter: (p) => p.data?.cellErrors?.[column.source] ?? p.data?.rowError,
        cellClassRules: {
          'sheet-changed': (p) => Boolean(p.data && !p.node.rowPinned && isCellChanged(p.data, column.source)),
          'sheet-cell-error': (p) => Boolean(p.data?.cellErrors?.[column.source]),
          'sheet-in-range': (p) => {
            const b = rangeBounds();
            return Boolean(b && p.node.rowIndex != null && !p.node.rowPinned && isMultiCell(b) && contains(b, p.node.rowIndex, column.source));
          },
        },
        cellClass: column.editable === false ? 'sheet-readonly' : undefined,
        ...editorsByType[column.type](column, ctx, portals),
      })),
    ],
    // rangeBounds reads a ref: the columns need not be rebuilt when it moves; locale changes the labels
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [columns, resource, ctx, locale, readOnly, portals],
  );
}
