import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { Loaders } from './common/loaders.js';
import { systemClock, type Clock } from './common/clock.js';

export interface Context {
  em: EntityManager;
  loaders: Loaders;
  clock: Clock;
}

export function createContext(orm: MikroORM, clock: Clock = systemClock): Context {
  const em = orm.em.fork();
  return { em, loaders: new Loaders(em), clock };
}
