import { shownRows } from './blocks';
import type { SheetRow } from './types';

/** The header box ticked: every row of the sheet (the whole filtered set and rows added) but those unticked since, by key. */
export interface AllTicked {
  except: ReadonlySet<string>;
}

/** How many rows are ticked: with the header box, the sheet's rows but those unticked; else those ticked one by one. */
export function tickedCount(all: AllTicked | undefined, oneByOne: number, rows: number): number {
  return all ? Math.max(0, rows - all.except.size) : oneByOne;
}

/** The header box: ticked when every row is, half-ticked when some are. */
export function headerBox(ticked: number, rows: number): 'all' | 'some' | 'none' {
  if (ticked === 0) return 'none';
  return ticked >= rows ? 'all' : 'some';
}

/** A row ticked or unticked by hand while the header box is on. */
export function tickOne(all: AllTicked, key: string, ticked: boolean): AllTicked {
  const except = new Set(all.except);
  if (ticked) except.delete(key);
  else except.add(key);
  return { except };
}

/** The ticked rows, in the sheet's order: the saved rows of the filtered set as the unsaved rows hold them, then the rows added; unticked rows left out. */
export function tickedAmong(saved: SheetRow[], touched: SheetRow[], all: AllTicked): SheetRow[] {
  const added = touched.filter((row) => !row.id).length;
  return shownRows(saved, touched, 0, saved.length + added, saved.length).filter((row) => !all.except.has(row.key));
}
