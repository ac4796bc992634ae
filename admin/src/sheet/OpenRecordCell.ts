import type { ICellRendererComp, ICellRendererParams } from 'ag-grid-community';
import type { SheetRow } from './types';

type Params = ICellRendererParams<SheetRow> & { resource: string; label: string };

/**
 * The row action that opens a saved row's record page (its form and history): a plain link, not a React
 * component, since the grid creates one per row shown on every scrolled frame; its icon is drawn by CSS
 * (sheet.css), and the link is the cell's only element (hidden on rows not saved yet).
 */
export class OpenRecordCell implements ICellRendererComp<SheetRow> {
  private readonly link = document.createElement('a');

  init(params: Params): void {
    this.link.className = 'sheet-open-record';
    this.render(params);
  }

  getGui(): HTMLElement {
    return this.link;
  }

  refresh(params: Params): boolean {
    this.render(params);
    return true;
  }

  private render(params: Params): void {
    const id = params.data?.id;
    if (!id || params.node.rowPinned) {
      this.link.removeAttribute('href');
      this.link.hidden = true;
      return;
    }
    this.link.href = `#/${params.resource}/${encodeURIComponent(id)}`;
    this.link.title = params.label;
    this.link.setAttribute('aria-label', params.label);
    this.link.hidden = false;
  }
}
