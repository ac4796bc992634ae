import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { sqliteReadersOf } from './sqlite-readers.js';

/** A row of a hand-built statement: its columns are the aliases the statement selects. */
export type SqlRow = Record<string, any>;
export type Knex = ReturnType<SqlEntityManager['getKnex']>;
type KnexQuery = ReturnType<Knex['select']>;
type Param = string | number | boolean | null;

/** The knex instance behind an entity manager, to build GROUP BY statements with. */
export function knexOf(em: EntityManager): Knex {
  return (em as SqlEntityManager).getKnex();
}

/**
 * The one way to run a hand-built statement (`?` placeholders on both databases). On a SQLite file it
 * runs in a reader thread (sqlite-readers.ts), so that it neither blocks the event loop nor leaves the
 * other cores idle; inside a transaction, on PostgreSQL and on `:memory:` it runs through the
 * EntityManager, in its transaction if it has one, and so with `onThisThread`: for a statement whose rows are many
 * and cheap to read, a reader thread's heap grown to hold them and their copy between threads cost
 * more memory than the read costs time. Either way MikroORM's logger records it. Reads by
 * key that every request makes run as prepared statements instead (prepared-statements.ts).
 */
export async function queryRows<T extends SqlRow = SqlRow>(
  em: EntityManager,
  sql: string,
  params: readonly Param[] = [],
  { onThisThread = false }: { onThisThread?: boolean } = {},
): Promise<T[]> {
  const readers = sqliteReadersOf(em);
  if (!readers || onThisThread || em.getTransactionContext()) return (em as SqlEntityManager).execute<T[]>(sql, [...params], 'all');
  const started = Date.now();
  const rows = (await readers.all(sql, [...params])) as T[];
  em.config.getLogger().logQuery({ query: sql, params: [...params], took: Date.now() - started, results: rows.length, level: 'info' });
  return rows;
}

/** A knex-built statement through `queryRows`, compiled once (knex would compile it again to run it). */
export function rowsOf(em: EntityManager, query: KnexQuery): Promise<SqlRow[]> {
  // knex's own form (`?` placeholders) on both databases: the EntityManager binds it as knex does
  const statement = query.toSQL();
  return queryRows(em, statement.sql, statement.bindings as Param[]);
}

/** Sums from PostgreSQL arrive as strings (bigint, numeric); SQLite gives numbers; no row gives null. */
export const toNumber = (value: unknown): number => Number(value ?? 0);

/** `(?, ?, ?)` for an IN list. */
export const placeholders = (values: readonly unknown[]): string => `(${values.map(() => '?').join(', ')})`;
