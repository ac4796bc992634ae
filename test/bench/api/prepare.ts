import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { openOrm, migrate, closeOrm } from '../../../server/src/orm.js';
import { seedReference } from '../../../server/src/seeders/reference.js';
import { ensureFirstAdmin } from '../../../server/src/modules/user/first-admin.js';
import { TokenService } from '../../../server/src/auth/tokens.js';
import { City } from '../../../server/src/modules/city/city.entity.js';
import { Major } from '../../../server/src/modules/major/major.entity.js';
import { User } from '../../../server/src/modules/user/user.entity.js';
import { isPostgres } from '../../../server/src/read/dialect.js';
import { knexOf } from '../../../server/src/read/sql.js';
import { generateProvince } from '../generate.js';
import { bulkLoad } from '../load.js';

export const BULK_ROWS = 500;
const BULK_YEAR = 2027;

export interface PreparedDatabase {
  url: string;
  token: string;
  /** The draft plan lines the bulk save rewrites, with their seats as loaded. */
  bulk: { ids: number[]; seats: number[] };
  loadSeconds: number;
  /** The database engine's own version string. */
  engine: string;
}

/**
 * One database as the analytics benchmark builds it (same generator, same bulk loader), plus what
 * the API benchmark needs: 500 plan lines of 2027 back in DRAFT so that a bulk save may
 * change them, the province admin, and a token for that admin signed with the servers' secret.
 */
export async function prepareDatabase(url: string, jwtSecret: string): Promise<PreparedDatabase> {
  const orm = await openOrm({ databaseUrl: url });
  try {
    await migrate(orm);
    await orm.em.fork().transactional((em) => seedReference(em));
    const em = orm.em.fork();
    const ids = { city: new Map((await em.find(City, {})).map((c) => [c.code, c.id])), major: new Map((await em.find(Major, {})).map((m) => [m.code, m.id])) };
    const start = performance.now();
    await bulkLoad(orm, generateProvince(ids));
    const loadSeconds = (performance.now() - start) / 1000;

    const knex = knexOf(orm.em);
    const engine = isPostgres(orm.em)
      ? `PostgreSQL ${((await knex.raw('show server_version')) as { rows: Array<{ server_version: string }> }).rows[0]!.server_version}`
      : `SQLite ${((await knex.raw('select sqlite_version() as v')) as Array<{ v: string }>)[0]!.v}`;
    // Lines whose program has no order classes that year, so that any seat count keeps rule R11.
    const lines = (await knex('enrollment_plan as p')
      .select('p.id', 'p.seats')
      .where('p.year', BULK_YEAR)
      .whereNotExists(knex('order_class as oc').select(knex.raw('1')).whereRaw('oc.program_id = p.program_id and oc.year = p.year and oc.season = p.season'))
      .orderBy('p.id')
      .limit(BULK_ROWS)) as Array<{ id: number; seats: number }>;
    await knex('enrollment_plan')
      .whereIn(
        'id',
        lines.map((l) => l.id),
      )
      .update({ status: 'DRAFT' });
    // As autovacuum would leave a loaded database: statistics for the planner, and a visibility map so that
    // index-only scans (the intakes still to register) need not visit the table. Every server gets the same.
    if (isPostgres(orm.em)) await knex.raw('vacuum analyze');

    await ensureFirstAdmin(orm, 'bench-admin', `Bench-${randomBytes(12).toString('hex')}`);
    const admin = await orm.em.fork().findOneOrFail(User, { username: 'bench-admin' });
    const { token } = await new TokenService(jwtSecret, 24 * 3600).issue({ userId: admin.id, tokenVersion: admin.tokenVersion });
    return { url, token, bulk: { ids: lines.map((l) => Number(l.id)), seats: lines.map((l) => Number(l.seats)) }, loadSeconds, engine };
  } finally {
    await closeOrm(orm);
  }
}
