import { MAX_SAVE_ROWS } from '../../common/resource.js';

/** Bounds of import jobs, written once: the resolvers refuse anything beyond them, docs/imports.md explains them. */
export const IMPORT_LIMITS = {
  /** Rows of one import (a city's roster of a year is 10,000–50,000). */
  maxRows: 50_000,
  /** Rows one `addImportRows` takes: as many as one save. */
  rowsPerPart: MAX_SAVE_ROWS,
  /** Jobs one user may have under way (receiving, queued, validating, writing) at once. */
  openJobsPerUser: 3,
  /** Problems one page of `ImportJob.problems` returns at most. */
  problemsPerPage: 1000,
  /** A job reported running with no progress for this long was lost with its server: interrupted. */
  silentForMs: 60_000,
  /** A job that stops receiving rows, and any finished job's rows and problems, are kept this long. */
  keptForMs: 24 * 60 * 60 * 1000,
  /** Times a job is validated again because others wrote what it read meanwhile, before it gives up. */
  attempts: 3,
} as const;
