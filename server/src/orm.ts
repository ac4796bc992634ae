import fs from 'node:fs';
import path from 'node:path';
import { MikroORM, type EntityManager, type Options } from '@mikro-orm/core';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { PostgreSqlDriver, PostgreSqlPlatform } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { databaseKind } from './env.js';
import { entities } from './modules/index.js';
import { AuditSubscriber } from './modules/audit/audit.subscriber.js';
import { sqliteMigrations } from './migrations/sqlite/index.js';
import { postgresqlMigrations } from './migrations/postgresql/index.js';

export interface OrmOptions {
  databaseUrl: string;
  /** Called with every SQL statement; tests use it to count queries. */
  onQuery?: (sql: string) => void;
  poolMax?: number;
  /** PostgreSQL statement_timeout in milliseconds (0: none). */
  statementTimeoutMs?: number;
}

type SqliteConnection = { pragma(sql: string): unknown };

export function ormConfig({ databaseUrl, onQuery, poolMax = 10, statementTimeoutMs = 30000 }: OrmOptions): Options {
  const kind = databaseKind(databaseUrl);
  const common: Options = {
    entities,
    extensions: [Migrator],
    subscribers: [new AuditSubscriber()],
    discovery: { warnWhenNoEntities: true },
    allowGlobalContext: false,
    forceUtcTimezone: true,
    migrations: {
      migrationsList: kind === 'sqlite' ? sqliteMigrations : postgresqlMigrations,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    debug: onQuery ? ['query'] : false,
    logger: onQuery ? (message: string) => onQuery(message) : undefined,
  };
  if (kind === 'sqlite') {
    const file = databaseUrl.slice('sqlite:'.length);
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    // Every pooled connection (not only the first) enforces foreign keys and waits for another process's write lock.
    const afterCreate = (conn: SqliteConnection, done: (error: Error | null, conn: SqliteConnection) => void) => {
      conn.pragma('foreign_keys = on');
      conn.pragma('busy_timeout = 5000');
      done(null, conn);
    };
    return { ...common, driver: BetterSqliteDriver, dbName: file, pool: { afterCreate } };
  }
  return {
    ...common,
    driver: PostgreSqlDriver,
    clientUrl: databaseUrl,
    pool: { min: 0, max: poolMax },
    // JIT compilation: PostgreSQL 15 compiles any statement whose estimated cost is high, which for the
    // analyst statements (tens of milliseconds) costs more than it saves: about +17 ms on campaignProgress.
    driverOptions: { connection: { statement_timeout: statementTimeoutMs, options: '-c jit=off' } },
  };
}

/**
 * SQLite's default page cache is 2 MB; the analyst queries read whole covering indexes of the intake
 * table (tens of MB on a full province), so give it a larger cache and memory-mapped reads.
 * MikroORM keeps one SQLite connection open, which is where these settings live.
 */
const SQLITE_PRAGMAS = ['pragma cache_size = -65536'];

export async function openOrm(options: OrmOptions): Promise<MikroORM> {
  const orm = await MikroORM.init(ormConfig(options));
  if (databaseKind(options.databaseUrl) === 'sqlite') {
    for (const pragma of SQLITE_PRAGMAS) await orm.em.getConnection().execute(pragma);
  }
  return orm;
}

/**
 * Runs database setup in one transaction holding a PostgreSQL advisory lock, so instances that
 * start together against one database migrate and seed one after another (SQLite serialises writers itself).
 */
export async function withSetupLock<T>(orm: MikroORM, work: (em: EntityManager) => Promise<T>): Promise<T> {
  return orm.em.fork().transactional(async (em) => {
    if (em.getPlatform() instanceof PostgreSqlPlatform) await em.getConnection().execute('select pg_advisory_xact_lock(20230324)', [], 'all', em.getTransactionContext());
    return work(em);
  });
}

export async function migrate(orm: MikroORM): Promise<void> {
  // SQLite has a single pooled connection: the migrator must own it rather than run inside our transaction.
  if (!(orm.em.getPlatform() instanceof PostgreSqlPlatform)) {
    await orm.getMigrator().up();
    return;
  }
  await withSetupLock(orm, (em) => orm.getMigrator().up({ transaction: em.getTransactionContext() }));
}
