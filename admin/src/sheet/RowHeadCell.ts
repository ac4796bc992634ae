import type { ICellRendererComp, ICellRendererParams, IRowNode } from 'ag-grid-community';
import type { SheetRow } from './types';

type Params = ICellRendererParams<SheetRow> & { resource: string; tickLabel: string; openLabel: string };

const thousands = new Intl.NumberFormat('en-US');

/**
 * The head of a row, one cell at the sheet's left edge: the row's tick box (bound to the grid's row
 * selection), its number (the 第 N 行 of every message) and the link to its record page (form and
 * history). One cell of plain elements (the number a text node between them) rather than three cells, or a
 * React component: the grid makes a cell controller, element and listeners per cell of every row that
 * enters the view (ADR 0057). The tick
 * box is the input alone, drawn by CSS to look like the grid's own (the grid's selection checkbox is a
 * component of eight elements per row, ADR 0053; its wrapper and check mark two more boxes a row), and the
 * link's icon is its background (sheet.css): three boxes in the cell (ADR 0059).
 */
export class RowHeadCell implements ICellRendererComp<SheetRow> {
  private readonly gui = document.createElement('div');
  private readonly input = document.createElement('input');
  private readonly number = document.createTextNode('');
  private readonly link = document.createElement('a');
  private node?: IRowNode<SheetRow>;
  private readonly show = () => {
    if (!this.node) return;
    this.input.checked = Boolean(this.node.isSelected());
  };

  init(params: Params): void {
    this.gui.className = 'sheet-row-head';
    this.input.type = 'checkbox';
    this.input.className = 'sheet-tick';
    this.input.tabIndex = -1;
    this.input.addEventListener('change', () => this.node?.setSelected(this.input.checked, false, 'checkboxSelected'));
    this.link.className = 'sheet-open-record';
    this.gui.append(this.input, this.number, this.link);
    this.bind(params);
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  refresh(params: Params): boolean {
    this.bind(params);
    return true;
  }

  destroy(): void {
    this.node?.removeEventListener('rowSelected', this.show);
  }

  private bind(params: Params): void {
    this.node?.removeEventListener('rowSelected', this.show);
    this.node = undefined;
    const { node, data } = params;
    // the column's value is the row's number; the totals row has none of it; a row still loading shows its number only
    this.number.data = typeof params.value === 'number' ? thousands.format(params.value) : '';
    const tickable = Boolean(data) && !node.rowPinned;
    // hidden, keeping its place: the numbers stay in line
    this.input.style.visibility = tickable ? '' : 'hidden';
    if (tickable) {
      this.input.setAttribute('aria-label', params.tickLabel);
      this.node = node;
      node.addEventListener('rowSelected', this.show);
      this.show();
    }
    const id = node.rowPinned ? undefined : data?.id;
    this.link.style.visibility = id ? '' : 'hidden';
    if (id) {
      this.link.href = `#/${params.resource}/${encodeURIComponent(id)}`;
      this.link.title = params.openLabel;
      this.link.setAttribute('aria-label', params.openLabel);
    } else {
      this.link.removeAttribute('href');
    }
  }
}
