import type { EntityManager, ForkOptions } from '@mikro-orm/core';
import { SqlEntityManager } from '@mikro-orm/knex';
import type { Role } from './role.js';

/** The signed-in user a request acts for. */
export interface Actor {
  userId: number;
  username: string;
  role: Role;
  cityId: number | null;
  schoolId: number | null;
}

/**
 * The ORM's EntityManager (`entityManager` in orm.ts): it carries the actor its work is done for,
 * and every fork of it (a transaction's, one made by MikroORM itself) carries the same. The ORM's own
 * EntityManager and the forks of scripts, seeding and migrations carry none.
 */
export class ActingEntityManager extends SqlEntityManager {
  /** undefined: outside any request; null: an anonymous request. */
  actor: Actor | null | undefined = undefined;

  override fork(options?: ForkOptions): this {
    const fork = super.fork(options);
    fork.actor = this.actor;
    return fork;
  }
}

/** `em`, now doing its work (and that of its forks from here on) for `actor`; null stands for an anonymous request. */
export function actingAs<E extends EntityManager>(em: E, actor: Actor | null): E {
  if (!(em instanceof ActingEntityManager)) throw new Error('the ORM was opened without ActingEntityManager (ormConfig)');
  em.actor = actor;
  return em;
}

/** The actor `em` works for; undefined outside any request (seeding, migrations, scripts). */
export function actorOf(em: EntityManager): Actor | null | undefined {
  return em instanceof ActingEntityManager ? em.actor : undefined;
}
