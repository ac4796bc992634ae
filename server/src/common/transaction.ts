import { ChangeSetType, helper, type EntityManager } from '@mikro-orm/core';

/**
 * Runs `work` in a transaction on a fork of `em`, flushes the fork and commits; rolls back if anything
 * throws. Inside a transaction of `em` it is a nested one (a savepoint). The rows the fork loaded or
 * wrote are then `em`'s, and rows it deleted leave `em`.
 *
 * What `em.transactional` does, without its AsyncLocalStorage (MikroORM's `TransactionContext`): once
 * entered, a storage keeps Node's promise hooks on for the life of the process, a cost every promise of
 * every request pays (ADR 0011). The transaction goes by its EntityManager instead: work done through
 * `em` rather than the fork is not in it.
 */
export async function inTransaction<T>(em: EntityManager, work: (tx: EntityManager) => T | Promise<T>): Promise<T> {
  const tx = em.fork({ clear: false, cloneEventManager: true });
  // MikroORM hands a transaction's rows back to its EntityManager unless that is the ORM's own (global) one.
  const parent = em.global ? undefined : em;
  if (parent) {
    tx.getEventManager().registerSubscriber({
      afterFlush: ({ uow }) => {
        for (const cs of uow.getChangeSets()) {
          if (cs.type === ChangeSetType.DELETE || cs.type === ChangeSetType.DELETE_EARLY) parent.getUnitOfWork(false).unsetIdentity(cs.entity);
        }
      },
    });
  }
  await tx.begin({ ctx: em.getTransactionContext() });
  let result: T;
  try {
    result = await work(tx);
    // flushes, then commits
    await tx.commit();
  } catch (error) {
    await tx.rollback();
    throw error;
  }
  if (parent) mergeInto(parent, tx);
  return result;
}

/** The fork's rows into `parent`'s identity map, as MikroORM's TransactionManager merges them. */
function mergeInto(parent: EntityManager, fork: EntityManager): void {
  const parentUow = parent.getUnitOfWork(false);
  const rows = fork.getUnitOfWork(false).getIdentityMap();
  if (parentUow.getIdentityMap().keys().length === 0) {
    for (const entity of rows) {
      parentUow.getIdentityMap().store(entity);
      helper(entity).__em = parent;
    }
    return;
  }
  const schema = (parent as unknown as { _schema?: string })._schema;
  for (const entity of rows) {
    const wrapped = helper(entity);
    const known = parentUow.getById<object>(wrapped.__meta.className, wrapped.getPrimaryKey() as never, schema, true);
    if (known && known !== entity) {
      const knownWrapped = helper(known);
      // a loaded row is not replaced by a reference to it
      if (!wrapped.__initialized && knownWrapped.__initialized) continue;
      knownWrapped.__data = wrapped.__data;
      knownWrapped.__originalEntityData = wrapped.__originalEntityData;
    } else {
      parentUow.merge(entity, new Set([entity]));
    }
  }
}
