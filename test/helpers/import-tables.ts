import type { MikroORM } from '@mikro-orm/core';
import { knexOf } from '../../server/src/read/sql.js';

/** The database read straight, beside the API: what another connection sees of an import. */
export const tablesOf = (orm: MikroORM) => knexOf(orm.em.fork());

/** Students on a plan line, as committed. */
export const studentsOnLine = async (orm: MikroORM, planId: string): Promise<number> =>
  Number(
    (
      await tablesOf(orm)('student')
        .where({ plan_id: Number(planId) })
        .count({ n: '*' })
    )[0]!.n,
  );

/** An import job's row as committed. */
export const importJobRow = async (orm: MikroORM, id: string) =>
  (await tablesOf(orm)('import_job')
    .where({ id: Number(id) })
    .first()) as { status: string; written: number };
