import type { SheetRow } from './types';

/** A server refusal of one row of a workflow step, by record id. */
export interface RowRefusal {
  id: string;
  message: string;
}

/** What the buttons a resource adds above its sheet can do with it. */
export interface SheetActionsProps {
  /** the ticked rows that are saved records */
  selected(): SheetRow[];
  /** shows each refusal on its row (and below the sheet) */
  showRefusals(refusals: RowRefusal[]): void;
  /** reads the rows again (after a step changed them) */
  reload(): void;
}
