import type { EntityManager } from '@mikro-orm/core';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';

/** The two databases the server runs on; SQL that differs between them asks this, and nothing else. */
export type Dialect = 'sqlite' | 'postgresql';

export const dialectOf = (em: EntityManager): Dialect => (em.getPlatform() instanceof PostgreSqlPlatform ? 'postgresql' : 'sqlite');

export const isPostgres = (em: EntityManager): boolean => dialectOf(em) === 'postgresql';
