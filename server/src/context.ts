import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { Loaders } from './common/loaders.js';
import type { Clock } from './common/clock.js';
import { currentActor, type Actor } from './auth/actor.js';
import type { TokenService } from './auth/tokens.js';
import type { TableCache } from './common/table-cache.js';

export interface Context {
  em: EntityManager;
  loaders: Loaders;
  clock: Clock;
  /** The signed-in user; null only while signing in. */
  actor: Actor | null;
  tokens: TokenService;
  /** Rows every request needs (the city list), kept until their table changes. */
  cache: TableCache;
  /** Names this request in the server log and in an internal error's answer. */
  requestId: string;
  /** The peer address of the request's connection (login throttling counts failures per address). */
  clientAddress: string;
}

export function createContext(orm: MikroORM, clock: Clock, tokens: TokenService, cache: TableCache, clientAddress = ''): Context {
  const em = orm.em.fork();
  return { em, loaders: new Loaders(em), clock, actor: currentActor() ?? null, tokens, cache, requestId: randomUUID(), clientAddress };
}
