import type { EntityManager, MikroORM } from '@mikro-orm/core';
import { Loaders } from './common/loaders.js';

export interface Context {
  em: EntityManager;
  loaders: Loaders;
}

export function createContext(orm: MikroORM): Context {
  const em = orm.em.fork();
  return { em, loaders: new Loaders(em) };
}
