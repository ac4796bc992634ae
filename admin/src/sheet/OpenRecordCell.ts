import type { ICellRendererComp, ICellRendererParams } from 'ag-grid-community';
import type { SheetRow } from './types';

type Params = ICellRendererParams<SheetRow> & { resource: string; label: string };

/**
 * The row action that opens a saved row's record page (its form and history): a plain link, not a React
 * component, since the grid creates one per row shown on every scrolled frame; its icon is drawn by CSS
 * (sheet.css), one element per row rather than an SVG parsed for each.
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
    this.gui.replaceChildren(link);
  }
}
