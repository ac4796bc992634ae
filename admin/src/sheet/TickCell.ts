import type { ICellRendererComp, ICellRendererParams, IRowNode } from 'ag-grid-community';
import type { SheetRow } from './types';

type Params = ICellRendererParams<SheetRow> & { label: string };

/**
 * A row's tick box: one input drawn as the grid draws its own, bound to the grid's row selection. The
 * grid's own selection checkbox is a component of eight elements with its own labels and listeners per row;
 * at 20 rows entering the view per scrolled frame that was a tenth of the frame's script and a third of the
 * elements to style (ADR 0053).
 */
export class TickCell implements ICellRendererComp<SheetRow> {
  private readonly gui = document.createElement('div');
  private node?: IRowNode<SheetRow>;
  private input?: HTMLInputElement;
  private readonly show = () => {
    if (!this.input || !this.node) return;
    const ticked = Boolean(this.node.isSelected());
    this.input.checked = ticked;
    this.gui.classList.toggle('ag-checked', ticked);
  };

  init(params: Params): void {
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
    if (!params.data || params.node.rowPinned) {
      // the wrapper's classes draw the box: none on the totals row or a row still loading
      this.gui.className = '';
      this.gui.replaceChildren();
      this.input = undefined;
      return;
    }
    this.gui.className = 'ag-wrapper ag-input-wrapper ag-checkbox-input-wrapper';
    if (!this.input) {
      this.input = document.createElement('input');
      this.input.type = 'checkbox';
      this.input.className = 'ag-input-field-input ag-checkbox-input';
      this.input.tabIndex = -1;
      this.input.addEventListener('change', () => this.node?.setSelected(this.input!.checked, false, 'checkboxSelected'));
      this.gui.replaceChildren(this.input);
    }
    this.input.setAttribute('aria-label', params.label);
    this.node = params.node;
    this.node.addEventListener('rowSelected', this.show);
    this.show();
  }
}
