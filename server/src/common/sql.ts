import type { EntityManager } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';

type Param = string | number | boolean | null;

/** Runs an aggregate query inside the EntityManager's transaction; `?` placeholders work on SQLite and PostgreSQL. */
export async function queryRows<T = Record<string, unknown>>(em: EntityManager, sql: string, params: Param[] = []): Promise<T[]> {
  return (em as unknown as SqlEntityManager).execute<T[]>(sql, params, 'all');
}

/** PostgreSQL returns sums as bigint strings; SQLite as numbers. */
export const toNumber = (value: unknown): number => Number(value ?? 0);

/** `(?, ?, ?)` for an IN list. */
export const placeholders = (values: readonly unknown[]): string => `(${values.map(() => '?').join(', ')})`;
