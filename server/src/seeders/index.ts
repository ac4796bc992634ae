import type { MikroORM } from '@mikro-orm/core';
import { withSetupLock } from '../orm.js';
import { seedReference } from './reference.js';
import { seedDemo } from './demo.js';
import { seedPartnerships } from './partnerships.js';
import { seedWorkflow } from './workflow.js';
import { seedDiscipline } from './discipline.js';
import { seedStudents } from './students.js';
import { DemoCalendar } from './demo-calendar.js';
import { systemClock, todayIn } from '../common/clock.js';

/**
 * Reference data always; the demo province unless switched off, as it stands on `today` (by default
 * today in China Standard Time). Safe to run on every start.
 */
export async function seed(orm: MikroORM, { demo, today = todayIn(systemClock) }: { demo: boolean; today?: string | undefined }): Promise<string[]> {
  const calendar = new DemoCalendar(today);
  const done: string[] = [];
  await withSetupLock(orm, async (em) => {
    if (await seedReference(em)) done.push('reference data (cities, task table, majors)');
    if (demo && (await seedDemo(em, calendar))) done.push('demo province');
    if (demo && (await seedPartnerships(em, calendar))) done.push('demo companies, partnerships and cross-region training');
    if (demo && (await seedWorkflow(em, calendar))) done.push('demo plan history, adjustments and yearly summaries');
    if (demo && (await seedDiscipline(em, calendar))) done.push('demo enrollment-order register');
    if (demo && (await seedStudents(em, calendar))) done.push('demo rosters (fictitious students)');
  });
  return done;
}
