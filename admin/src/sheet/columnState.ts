import type { ColumnState, GridApi } from 'ag-grid-community';
import { readSession } from '../auth/session';

/** One layout per signed-in user and sheet, so colleagues sharing a computer keep their own. */
const key = (resource: string) => `sheet-columns:${readSession()?.user.username ?? ''}:${resource}`;

/** Width, order, visibility and pinning of a sheet's columns, kept per user in this browser. */
export function saveColumnState(resource: string, api: GridApi): void {
  const state = api.getColumnState().map(({ sort: _sort, sortIndex: _sortIndex, ...rest }) => rest);
  localStorage.setItem(key(resource), JSON.stringify(state));
}

export function restoreColumnState(resource: string, api: GridApi): void {
  const saved = localStorage.getItem(key(resource));
  if (!saved) return;
  try {
    api.applyColumnState({ state: JSON.parse(saved) as ColumnState[], applyOrder: true });
  } catch {
    localStorage.removeItem(key(resource));
  }
}

export function resetColumnState(resource: string, api: GridApi): void {
  localStorage.removeItem(key(resource));
  api.resetColumnState();
}
