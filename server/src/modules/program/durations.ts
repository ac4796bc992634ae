import { Level } from '../major/level.js';
import { EntryBasis } from './program.enums.js';

export type DurationTable = Record<EntryBasis, Partial<Record<Level, number>>>;

/** Standard programme lengths that replace the built-in table, by entry basis and level (PROGRAM_DURATIONS). */
export type DurationOverrides = Partial<Record<EntryBasis, Partial<Record<Level, number>>>>;

/**
 * Standard programme length in years by entry basis and level. Junior and senior high come from
 * the domain notes; certificate entry (already holding the level below) is our own reading.
 */
export const STANDARD_DURATIONS: DurationTable = {
  [EntryBasis.JUNIOR_HIGH]: { [Level.INTERMEDIATE]: 3, [Level.ADVANCED]: 5, [Level.PREPARATORY_TECHNICIAN]: 6 },
  [EntryBasis.SENIOR_HIGH]: { [Level.INTERMEDIATE]: 2, [Level.ADVANCED]: 3, [Level.PREPARATORY_TECHNICIAN]: 4 },
  [EntryBasis.CERTIFICATE]: { [Level.ADVANCED]: 2, [Level.PREPARATORY_TECHNICIAN]: 2 },
};

/** The built-in table with the deployment's overrides (PROGRAM_DURATIONS) laid over it. */
export function durationTable(overrides: DurationOverrides): DurationTable {
  const table = structuredClone(STANDARD_DURATIONS);
  for (const [basis, byLevel] of Object.entries(overrides)) Object.assign(table[basis as EntryBasis], byLevel);
  return table;
}

let active: DurationTable = STANDARD_DURATIONS;

/** Lays the deployment's overrides over the built-in table; the server and the command line pass them in from their configuration. */
export function useDurationOverrides(overrides: DurationOverrides): void {
  active = durationTable(overrides);
}

export function standardDuration(entryBasis: EntryBasis, level: Level): number | undefined {
  return active[entryBasis][level];
}
