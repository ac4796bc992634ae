import type { EntityManager } from '@mikro-orm/core';
import { findOrFail } from '../../common/crud.service.js';
import { conflict } from '../../common/errors.js';
import { todayIn, type Clock } from '../../common/clock.js';
import { annualSummaryResource } from './annual-summary.resource.js';
import type { AnnualSummary } from './annual-summary.entity.js';
import { assertSubmittable } from './summary-rules.js';

/** R10: reports the summary to the province today; it is locked from then on. */
export async function submitAnnualSummary(em: EntityManager, clock: Clock, id: string, version?: number | null): Promise<AnnualSummary> {
  const summary = await findOrFail(em, annualSummaryResource, id);
  submit(clock, summary, version);
  await em.flush();
  return summary;
}

/** R10 on a summary already read (one, or each of many submitted at once); the caller flushes. */
export function submit(clock: Clock, summary: AnnualSummary, version?: number | null): AnnualSummary {
  if (version !== undefined && version !== null && version !== summary.version)
    throw conflict(annualSummaryResource.labelZh, summary.id, version, summary.version);
  const today = todayIn(clock);
  assertSubmittable(summary, today);
  summary.submittedOn = today;
  return summary;
}
