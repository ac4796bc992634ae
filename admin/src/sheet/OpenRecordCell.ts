import type { ICellRendererComp, ICellRendererParams } from 'ag-grid-community';
import type { SheetRow } from './types';

type Params = ICellRendererParams<SheetRow> & { resource: string; label: string };

// the OpenInNew icon of Material Design
const ICON =
  '<svg viewBox="0 0 24 24" width="15" height="15" aria-hidden="true" fill="currentColor"><path d="M19 19H5V5h7V3H5c-1.11 0-2 .9-2 2v14c0 1.1.89 2 2 2h14c1.1 0 2-.9 2-2v-7h-2zM14 3v2h3.59l-9.83 9.83 1.41 1.41L19 6.41V10h2V3z"/></svg>';

/**
 * The row action that opens a saved row's record page (its form and history): a plain link, not a React
 * component, since the grid creates one per row shown on every scrolled frame.
 */
export class OpenRecordCell implements ICellRendererComp<SheetRow> {
  private readonly gui = document.createElement('span');

  init(params: Params): void {
    this.render(params);
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  refresh(params: Params): boolean {
    this.render(params);
    return true;
  }

  private render(params: Params): void {
    const id = params.data?.id;
    if (!id || params.node.rowPinned) {
      this.gui.replaceChildren();
      return;
    }
    const link = document.createElement('a');
    link.href = `#/${params.resource}/${encodeURIComponent(id)}`;
    link.className = 'sheet-open-record';
    link.title = params.label;
    link.setAttribute('aria-label', params.label);
    link.innerHTML = ICON;
    this.gui.replaceChildren(link);
  }
}
