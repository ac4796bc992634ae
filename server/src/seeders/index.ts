import type { MikroORM } from '@mikro-orm/core';
import { withSetupLock } from '../orm.js';
import { seedReference } from './reference.js';
import { seedDemo } from './demo.js';
import { seedPartnerships } from './partnerships.js';
import { seedWorkflow } from './workflow.js';

/** Reference data always; the demo province unless switched off. Safe to run on every start. */
export async function seed(orm: MikroORM, { demo }: { demo: boolean }): Promise<string[]> {
  const done: string[] = [];
  await withSetupLock(orm, async (em) => {
    if (await seedReference(em)) done.push('reference data (cities, task table, majors)');
    if (demo && (await seedDemo(em))) done.push('demo province');
    if (demo && (await seedPartnerships(em))) done.push('demo companies, partnerships and cross-region training');
    if (demo && (await seedWorkflow(em))) done.push('demo plan history, adjustments and yearly summaries');
  });
  return done;
}
