import type { GridApi } from 'ag-grid-community';

/**
 * Whether the row's head and first column are kept at the sheet's left edge: only when the columns shown
 * are wider than the grid's view, so that they would scroll out of it. A row's pinned part is a sticky,
 * clipped box of its own that costs about a fifth of a scrolled frame (ADR 0058), so a sheet whose columns
 * fit draws its rows without one (ADR 0059).
 */
export const pinningWanted = (columnWidths: number[], viewWidth: number): boolean =>
  viewWidth > 0 && columnWidths.reduce((sum, width) => sum + width, 0) > viewWidth;

/** The width the grid's rows are shown in (its scrolling viewport, without a vertical scrollbar). */
function viewWidth(box: HTMLElement): number {
  const viewport = box.querySelector<HTMLElement>('.ag-grid-viewport');
  return viewport?.clientWidth ?? box.clientWidth;
}

/** The pinning as it should be before the grid is made: the columns' widths against the box it will fill. */
export function initialPinning(box: HTMLElement, columnWidths: number[]): boolean {
  // the grid's border (1 px a side); its scrollbars take no width (they overlay the rows)
  return pinningWanted(columnWidths, box.clientWidth - 2);
}

/**
 * Pins the given columns (the row's head and first column) at the left edge when the columns shown are
 * wider than the grid's view, and unpins them when they fit; nothing when they already are so. Called as the
 * grid's size, its columns shown or their widths change.
 */
export function fitPinning<T>(api: GridApi<T>, box: HTMLElement, colIds: string[]): void {
  const width = viewWidth(box);
  // not laid out yet: the grid's size change that follows decides
  if (api.isDestroyed() || width === 0) return;
  const wanted = pinningWanted(
    api.getAllDisplayedColumns().map((c) => c.getActualWidth()),
    width,
  );
  const state = api.getColumnState().filter((c) => colIds.includes(c.colId));
  if (state.every((c) => (c.pinned === 'left') === wanted)) return;
  api.applyColumnState({ state: colIds.map((colId) => ({ colId, pinned: wanted ? 'left' : null })) });
}
