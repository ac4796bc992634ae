import fs from 'node:fs';
import path from 'node:path';
import { MikroORM, type EntityManager, type Options } from '@mikro-orm/core';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { isPostgres } from './read/dialect.js';
import { Migrator } from '@mikro-orm/migrations';
import { databaseKind } from './env.js';
import { entities } from './modules/index.js';
import { INTAKES_BY_DATE_INDEX } from './modules/intake/intake.entity.js';
import { AuditSubscriber, auditTrail } from './modules/audit/audit.subscriber.js';
import { useAuditTrail } from './common/change-set-writer.js';
import { ActingEntityManager } from './auth/actor.js';
import { sqliteMigrations } from './migrations/sqlite/index.js';
import { postgresqlMigrations } from './migrations/postgresql/index.js';
import { SqliteReaders, attachSqliteReaders, defaultReaderCount, detachSqliteReaders } from './read/sqlite-readers.js';
import { inTransaction } from './common/transaction.js';

export interface OrmOptions {
  databaseUrl: string;
  /** Called with every SQL statement; tests use it to count queries. */
  onQuery?: (sql: string) => void;
  poolMax?: number;
  /** PostgreSQL statement_timeout in milliseconds (0: none). */
  statementTimeoutMs?: number;
  /** Threads that run the analyst statements on a SQLite file (0: on the main connection). */
  sqliteReaders?: number;
}

/** The absolute path of a SQLite database URL's file; null for an in-memory database. */
function sqliteFile(databaseUrl: string): string | null {
  const file = databaseUrl.slice('sqlite:'.length);
  return file === ':memory:' ? null : path.resolve(file);
}

type SqliteConnection = { pragma(sql: string): unknown };

/** Indexes only PostgreSQL reads, per entity: added to the entities' metadata when the ORM opens on PostgreSQL. */
const POSTGRES_ONLY_INDEXES: Record<string, Array<{ name: string; properties: string[] }>> = { Intake: [INTAKES_BY_DATE_INDEX] };

export function ormConfig({ databaseUrl, onQuery, poolMax = 10, statementTimeoutMs = 30000 }: OrmOptions): Options {
  const kind = databaseKind(databaseUrl);
  // The set-based write path records the same audit as the subscriber does for flushes.
  useAuditTrail(auditTrail);
  const common: Options = {
    entities,
    // carries the actor of a request's work to its forks and to the audit (auth/actor.ts)
    entityManager: ActingEntityManager,
    extensions: [Migrator],
    subscribers: [new AuditSubscriber()],
    discovery: {
      warnWhenNoEntities: true,
      onMetadata: kind === 'postgresql' ? (meta) => void meta.indexes.push(...(POSTGRES_ONLY_INDEXES[meta.className] ?? [])) : undefined,
    },
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
    const onDisk = sqliteFile(databaseUrl);
    if (onDisk) fs.mkdirSync(path.dirname(onDisk), { recursive: true });
    // Every pooled connection (not only the first) enforces foreign keys and waits for another process's write lock.
    // A file database is switched to WAL (kept in the file): readers on other connections (the reader
    // threads, see read/sqlite-readers.ts) then neither wait for the writer nor hold it up, and each
    // read sees every commit made before it began. `synchronous` stays FULL, SQLite's default: a save
    // the API has acknowledged survives a power cut, and writes here are small and few next to reads.
    const afterCreate = (conn: SqliteConnection, done: (error: Error | null, conn: SqliteConnection) => void) => {
      conn.pragma('foreign_keys = on');
      conn.pragma('busy_timeout = 5000');
      if (onDisk) conn.pragma('journal_mode = WAL');
      done(null, conn);
    };
    // The set-based write path records the same audit as the subscriber does for flushes.
    useAuditTrail(auditTrail);
    // On a file, reads outside a transaction go through a second connection (MikroORM's read replica,
    // the same file): in WAL mode it reads while a write transaction holds the first, which would
    // otherwise make every request wait for the longest write (an import of 20,000 rows).
    const replicas = onDisk ? [{ name: 'reads' }] : [];
    return { ...common, driver: BetterSqliteDriver, dbName: file, pool: { afterCreate }, replicas, preferReadReplicas: true };
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
 * SQLite's default page cache is 2 MB; reads through MikroORM (counts over the intake table, say) touch
 * tens of MB of a full province's indexes, so the connection that serves them gets 64 MB. On a file the
 * writes have a connection of their own (see `replicas`), which needs only what a write touches: every
 * page it caches counts in the server's memory during a large import. The analyst statements run in
 * reader threads with their own caches (read/sqlite-readers.ts).
 */
const SQLITE_READ_CACHE_KIB = 65536;
const SQLITE_WRITE_CACHE_KIB = 16384;
/** An import stages its rows in the write connection's `temp` tables (common/staged-write.ts): past this, their pages go to a file. */
const SQLITE_STAGE_CACHE_KIB = 2048;

export async function openOrm(options: OrmOptions): Promise<MikroORM> {
  const orm = await MikroORM.init(ormConfig(options));
  if (databaseKind(options.databaseUrl) === 'sqlite') {
    const [writes, reads] = [orm.em.getConnection('write'), orm.em.getConnection('read')];
    await reads.execute(`pragma cache_size = -${SQLITE_READ_CACHE_KIB}`);
    if (writes !== reads) {
      await writes.execute(`pragma cache_size = -${SQLITE_WRITE_CACHE_KIB}`);
      await writes.execute(`pragma temp.cache_size = -${SQLITE_STAGE_CACHE_KIB}`);
    }
    const file = sqliteFile(options.databaseUrl);
    const size = options.sqliteReaders ?? defaultReaderCount();
    if (file && size > 0) attachSqliteReaders(orm, new SqliteReaders(file, size));
  }
  return orm;
}

/**
 * Closes the reader threads, then the ORM. Always close an ORM from openOrm this way: the main
 * connection closing last is what checkpoints SQLite's WAL into the file and removes `-wal`/`-shm`.
 */
export async function closeOrm(orm: MikroORM): Promise<void> {
  await detachSqliteReaders(orm)?.close();
  await orm.close();
}

/**
 * Runs database setup in one transaction holding a PostgreSQL advisory lock, so instances that
 * start together against one database migrate and seed one after another (SQLite serialises writers itself).
 */
export async function withSetupLock<T>(orm: MikroORM, work: (em: EntityManager) => Promise<T>): Promise<T> {
  return inTransaction(orm.em.fork(), async (em) => {
    if (isPostgres(em)) await em.getConnection().execute('select pg_advisory_xact_lock(20230324)', [], 'all', em.getTransactionContext());
    return work(em);
  });
}

export async function migrate(orm: MikroORM): Promise<void> {
  // SQLite has a single pooled connection: the migrator must own it rather than run inside our transaction.
  if (!isPostgres(orm.em)) {
    await orm.getMigrator().up();
    return;
  }
  await withSetupLock(orm, (em) => orm.getMigrator().up({ transaction: em.getTransactionContext() }));
}
