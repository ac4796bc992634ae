import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { Loaders } from './read/loaders.js';
import type { Clock } from './common/clock.js';
import { currentActor, type Actor } from './auth/actor.js';
import type { TokenService } from './auth/tokens.js';
import type { TableCache } from './read/table-cache.js';

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
  /** The client's IP address: the socket's peer, or from X-Forwarded-For behind TRUST_PROXY proxies. */
  clientAddress: string;
}

/**
 * The context of one request. Its EntityManager and loaders are made on first use: a request
 * answered from prepared reads, the table cache or an error never forks an EntityManager.
 */
export function createContext(orm: MikroORM, clock: Clock, tokens: TokenService, cache: TableCache, clientAddress: string): Context {
  let em: EntityManager | undefined;
  let loaders: Loaders | undefined;
  return {
    get em() {
      return (em ??= orm.em.fork());
    },
    get loaders() {
      return (loaders ??= new Loaders(this.em));
    },
    clock,
    actor: currentActor() ?? null,
    tokens,
    cache,
    requestId: randomUUID(),
    clientAddress,
  };
}
