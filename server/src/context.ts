import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { Loaders } from './common/loaders.js';
import type { Clock } from './common/clock.js';
import { currentActor, type Actor } from './auth/actor.js';
import type { TokenService } from './auth/tokens.js';

export interface Context {
  em: EntityManager;
  loaders: Loaders;
  clock: Clock;
  /** The signed-in user; null only while signing in. */
  actor: Actor | null;
  tokens: TokenService;
}

export function createContext(orm: MikroORM, clock: Clock, tokens: TokenService): Context {
  const em = orm.em.fork();
  return { em, loaders: new Loaders(em), clock, actor: currentActor() ?? null, tokens };
}
