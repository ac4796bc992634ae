import type { EntityManager } from '@mikro-orm/core';
import type { GroupPath } from './group-paths.js';
import type { MeasureOf } from './subtotals.js';

/** A grouped question compiled to one statement, and how to read its rows (`k0…`, `n`, `m0…`). */
export interface AggregateStatement {
  sql: string;
  bindings: Array<string | number | boolean | null>;
  keys: GroupPath[];
  measures: MeasureOf[];
}

/** Statements remembered per ORM; the least recently asked goes first. */
export const REMEMBERED_STATEMENTS = 500;
/**
 * Longest key remembered. Questions asked again are short; a filter of hundreds of values (a request
 * may carry a megabyte) is compiled for its request only, so that the kept statements stay a few MB.
 */
export const REMEMBERED_KEY_LENGTH = 8 * 1024;

// Per ORM configuration (each database has its own dialect and metadata), as the reader threads are kept.
const byConfig = new WeakMap<object, Map<string, AggregateStatement>>();

/**
 * The statement of a question already asked in the same shape by a reader with the same scope, or the
 * one `compile` builds (and that is then remembered). The key must name everything the statement
 * depends on; a question `compile` refuses is not remembered, so it is refused again next time.
 */
export function rememberedStatement(em: EntityManager, key: string, compile: () => AggregateStatement): AggregateStatement {
  if (key.length > REMEMBERED_KEY_LENGTH) return compile();
  let statements = byConfig.get(em.config);
  if (!statements) byConfig.set(em.config, (statements = new Map()));
  let statement = statements.get(key);
  if (statement) {
    // Map keeps insertion order: moved to the end, it is the last to go.
    statements.delete(key);
  } else {
    statement = compile();
    if (statements.size >= REMEMBERED_STATEMENTS) statements.delete(statements.keys().next().value!);
  }
  statements.set(key, statement);
  return statement;
}
