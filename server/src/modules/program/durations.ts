import { Level } from '../major/level.js';
import { EntryBasis } from './program.enums.js';

/**
 * Standard programme length in years by entry basis and level. Junior and senior high come from
 * the domain notes; certificate entry (already holding the level below) is our own reading.
 */
export const STANDARD_DURATIONS: Record<EntryBasis, Partial<Record<Level, number>>> = {
  [EntryBasis.JUNIOR_HIGH]: { [Level.INTERMEDIATE]: 3, [Level.ADVANCED]: 5, [Level.PREPARATORY_TECHNICIAN]: 6 },
  [EntryBasis.SENIOR_HIGH]: { [Level.INTERMEDIATE]: 2, [Level.ADVANCED]: 3, [Level.PREPARATORY_TECHNICIAN]: 4 },
  [EntryBasis.CERTIFICATE]: { [Level.ADVANCED]: 2, [Level.PREPARATORY_TECHNICIAN]: 2 },
};

export function standardDuration(entryBasis: EntryBasis, level: Level): number | undefined {
  return STANDARD_DURATIONS[entryBasis][level];
}
