import { createContext, useContext } from 'react';
import { useTranslate } from 'react-admin';
import type { IHeaderComp, IHeaderParams } from 'ag-grid-community';
import type { PortalStore } from './portals';
import type { Ticks } from './useTicks';

/** The sheet's tick boxes, for the header of the tick column (rendered by the grid, inside the sheet). */
export const TicksContext = createContext<Ticks | undefined>(undefined);

const n = (value: number) => value.toLocaleString('en-US');

/**
 * The tick column's header box: ticks every row of the sheet (the whole filtered set, loaded or not);
 * half-ticked when some rows are; unticks all when every row is. Drawn as the grid draws its row boxes.
 */
export function TickAllHeader() {
  const ticks = useContext(TicksContext);
  const t = useTranslate();
  if (!ticks) return null;
  const label = ticks.box === 'all' ? t('sheet.untick_all') : t('sheet.tick_all', { count: n(ticks.rows) });
  const state = ticks.box === 'all' ? ' ag-checked' : ticks.box === 'some' ? ' ag-indeterminate' : '';
  return (
    <div className={`ag-wrapper ag-input-wrapper ag-checkbox-input-wrapper${state}${ticks.empty ? ' ag-disabled' : ''}`} title={label}>
      <input
        type="checkbox"
        className="ag-input-field-input ag-checkbox-input"
        aria-label={label}
        data-testid="sheet-tick-all"
        checked={ticks.box === 'all'}
        ref={(box) => {
          if (box) box.indeterminate = ticks.box === 'some';
        }}
        disabled={ticks.empty}
        onChange={ticks.toggleAll}
      />
    </div>
  );
}

/** The grid's header of the rows' head column: `TickAllHeader` and the column's label, shown through the sheet's portals. */
export class TickAllHeaderComp implements IHeaderComp {
  private readonly gui = document.createElement('div');
  private portals?: PortalStore;

  init(params: IHeaderParams & { portals: PortalStore; label: string }): void {
    this.portals = params.portals;
    this.gui.className = 'sheet-row-head';
    this.show(params);
  }

  private show(params: IHeaderParams & { portals: PortalStore; label: string }): void {
    params.portals.show(
      this.gui,
      <>
        <TickAllHeader />
        <span>{params.label}</span>
      </>,
    );
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  refresh(params: IHeaderParams & { portals: PortalStore; label: string }): boolean {
    this.show(params);
    return true;
  }

  destroy(): void {
    this.portals?.remove(this.gui);
  }
}
