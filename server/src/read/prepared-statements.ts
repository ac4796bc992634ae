import type { EntityManager } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { isPostgres } from './dialect.js';
import { lookupConnections, type KnexClient } from './lookup-connections.js';

type Record_ = Record<string, unknown>;
interface PgClient {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: Record_[] }>;
}
interface SqliteStatement {
  /** Whether the statement returns rows (`all`); others are run with `run`. */
  reader: boolean;
  all(...params: unknown[]): Record_[];
  run(...params: unknown[]): unknown;
}
interface SqliteDatabase {
  prepare(sql: string): SqliteStatement;
  readonly open: boolean;
  readonly inTransaction: boolean;
}

// Texts differ by the columns a query selects; past this many, further texts run unprepared rather
// than let clients grow every connection's statement cache without bound.
const MAX_PREPARED = 500;
/** knex's pool size when none is configured. */
const DEFAULT_POOL_MAX = 10;
const pgStatements = new Map<string, { name?: string; text: string }>();
const sqliteStatements = new WeakMap<SqliteDatabase, Map<string, SqliteStatement>>();

/** PostgreSQL's form of a text: its `?` numbered `$1`, `$2`, …, and a name once it is prepared. */
function pgStatement(text: string): { name?: string; text: string } {
  const known = pgStatements.get(text);
  if (known) return known;
  let n = 0;
  const statement = { text: text.replace(/\?/g, () => `$${++n}`) };
  if (pgStatements.size >= MAX_PREPARED) return statement;
  pgStatements.set(text, { ...statement, name: `prepared_${pgStatements.size + 1}` });
  return pgStatements.get(text)!;
}

function sqliteStatement(db: SqliteDatabase, text: string): SqliteStatement {
  let statements = sqliteStatements.get(db);
  if (!statements) sqliteStatements.set(db, (statements = new Map()));
  const known = statements.get(text);
  if (known) return known;
  const statement = db.prepare(text);
  if (statements.size < MAX_PREPARED) statements.set(text, statement);
  return statement;
}

/**
 * Runs a read whose text never changes (the values travel as `?` parameters; no other `?` may appear
 * in the text) as a prepared statement, straight on a driver connection: on PostgreSQL one of those
 * lookups hold (lookup-connections.ts), which parses and plans it once per connection; on SQLite the
 * read connection (one no write transaction holds, see orm.ts), which compiles it once. For the small
 * reads every request makes (its user, a record and its references by key), MikroORM's query builder
 * and knex's runner cost several times the database's own work. The statement is logged like every
 * other. Null inside a transaction: the caller reads through the EntityManager then.
 */
export function preparedRead(em: EntityManager, text: string, params: unknown[]): Promise<Record_[]> | null {
  if (em.getTransactionContext()) return null;
  const client = (em.getConnection('read') as AbstractSqlConnection).getKnex().client;
  const started = Date.now();
  const logged = (rows: Record_[]) => {
    em.config.getLogger().logQuery({ query: text, params, took: Date.now() - started, results: rows.length, level: 'info' });
    return rows;
  };
  if (isPostgres(em))
    return lookupConnections(client, em.config.get('pool')?.max ?? DEFAULT_POOL_MAX)
      .query(pgStatement(text), params)
      .then(logged);
  const idle = readIdleSqlite(client, text, params);
  return idle ? Promise.resolve(logged(idle)) : readOnPooledSqlite(client, text, params).then(logged);
}

/** A value as the driver binds it: SQLite takes no dates, booleans or objects; JSON goes as its text on both. */
export function bindable(em: EntityManager, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return isPostgres(em) ? value : value.getTime();
  if (typeof value === 'boolean') return isPostgres(em) ? value : Number(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}

/**
 * Runs a write in the caller's transaction as a prepared statement on the transaction's connection,
 * with `bindable` values. MikroORM writes the values into the text of every statement it runs, so a
 * 1,000-row insert is a new text of hundreds of KB for the database to parse and plan each time;
 * written here with `?` placeholders, the text of a statement of n rows repeats and is compiled once
 * per connection. Returns the rows of its RETURNING clause, if any.
 */
export async function preparedWrite(em: EntityManager, text: string, params: unknown[]): Promise<Record_[]> {
  const trx = em.getTransactionContext<{ client: { acquireConnection(): Promise<unknown> } }>();
  if (!trx) throw new Error('preparedWrite runs in a transaction');
  const raw = await trx.client.acquireConnection();
  const started = Date.now();
  let rows: Record_[];
  try {
    if (isPostgres(em)) {
      rows = (await (raw as PgClient).query({ ...pgStatement(text), values: params })).rows;
    } else {
      const statement = sqliteStatement(raw as SqliteDatabase, text);
      rows = statement.reader ? statement.all(...params) : (statement.run(...params), []);
    }
  } catch (error) {
    throw em.getDriver().convertException(error as Error);
  }
  em.config.getLogger().logQuery({ query: text, params, took: Date.now() - started, results: rows.length, level: 'info' });
  return rows;
}

/** The SQLite connection of each pool (it has one), known from its first lookup. */
const sqliteConnections = new WeakMap<KnexClient, SqliteDatabase>();

/**
 * better-sqlite3 runs a statement synchronously, so on a connection with no transaction open nothing
 * can come between the check and the read: it needs no turn from the pool (a queued promise chain and a
 * timer per lookup). Null when a transaction is open there; the read then waits for the connection.
 */
function readIdleSqlite(client: KnexClient, text: string, params: unknown[]): Record_[] | null {
  const db = sqliteConnections.get(client);
  if (!db?.open || db.inTransaction) return null;
  return sqliteStatement(db, text).all(...params);
}

/**
 * SQLite's `data_version` as the read connection sees it: it moves whenever another connection commits
 * (this process's write connection, another process on the same file). Null while that connection is
 * not known yet (until its first lookup) or is busy.
 */
export function sqliteDataVersion(em: EntityManager): number | null {
  const client = (em.getConnection('read') as AbstractSqlConnection).getKnex().client;
  const [row] = readIdleSqlite(client, 'pragma data_version', []) ?? [];
  return row ? (row.data_version as number) : null;
}

async function readOnPooledSqlite(client: KnexClient, text: string, params: unknown[]): Promise<Record_[]> {
  const raw = (await client.acquireConnection()) as SqliteDatabase;
  try {
    sqliteConnections.set(client, raw);
    return sqliteStatement(raw, text).all(...params);
  } finally {
    await client.releaseConnection(raw);
  }
}
