import type { SheetRow } from './types';

/** A server refusal of one row of a workflow step, by record id. */
export interface RowRefusal {
  id: string;
  message: string;
}

/** What the buttons a resource adds above its sheet can do with it. */
export interface SheetActionsProps {
  /**
   * the ticked rows that are saved records (with the header box, every one of the filtered set, read from
   * the server); undefined when more are ticked than one action takes (the sheet has said so)
   */
  selected(): Promise<SheetRow[] | undefined>;
  /** shows each refusal on its row (and below the sheet) */
  showRefusals(refusals: RowRefusal[]): void;
  /** reads the rows again (after a step changed them) */
  reload(): void;
}
