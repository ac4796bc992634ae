import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { Loaders } from './read/loaders.js';
import type { Clock } from './common/clock.js';
import { actingAs, type Actor } from './auth/actor.js';
import type { TokenService } from './auth/tokens.js';
import type { TableCache } from './read/table-cache.js';

export interface Context {
  em: EntityManager;
  /**
   * For prepared reads by key outside any transaction (read/rows.ts): the request's EntityManager once
   * it has one, else the ORM's, so that such a read forks none.
   */
  lookupEm: EntityManager;
  loaders: Loaders;
  clock: Clock;
  /** The signed-in user; null for an anonymous request (signing in). `em` and its forks act for it (auth/actor.ts). */
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
 * Its EntityManager, loaders and id are made on first use: a request answered from prepared reads,
 * the table cache or an error never forks an EntityManager. They are getters of the prototype, not of
 * the object, because Apollo Server copies the context's own properties into a fresh object for every
 * operation, which would call own getters and make all three at once.
 */
class RequestContext implements Context {
  private forked: EntityManager | undefined = undefined;
  private batched: Loaders | undefined = undefined;
  private id: string | undefined = undefined;

  constructor(
    private readonly orm: MikroORM,
    readonly actor: Actor | null,
    readonly clock: Clock,
    readonly tokens: TokenService,
    readonly cache: TableCache,
    readonly clientAddress: string,
  ) {}

  get em(): EntityManager {
    return (this.forked ??= actingAs(this.orm.em.fork(), this.actor));
  }

  get lookupEm(): EntityManager {
    return this.forked ?? this.orm.em;
  }

  get loaders(): Loaders {
    return (this.batched ??= new Loaders(() => this.em));
  }

  get requestId(): string {
    return (this.id ??= randomUUID());
  }
}

/** The context of one request, acting for `actor` (null: anonymous). */
export function createContext(orm: MikroORM, actor: Actor | null, clock: Clock, tokens: TokenService, cache: TableCache, clientAddress: string): Context {
  return new RequestContext(orm, actor, clock, tokens, cache, clientAddress);
}
