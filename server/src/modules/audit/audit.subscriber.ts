import { ChangeSetType, Utils, helper, type ChangeSet, type EntityManager, type EventSubscriber, type FlushEventArgs } from '@mikro-orm/core';
import { currentActor } from '../../auth/actor.js';
import { idAt } from '../../auth/scope.js';
import { resourceOf, type EntityClass } from '../../common/resource.js';
import type { BaseEntity } from '../../common/base.entity.js';
import { AuditAction, AuditEntry } from './audit-entry.entity.js';

const ACTIONS: Partial<Record<ChangeSetType, AuditAction>> = {
  [ChangeSetType.CREATE]: AuditAction.CREATE,
  [ChangeSetType.UPDATE]: AuditAction.UPDATE,
  [ChangeSetType.DELETE]: AuditAction.DELETE,
};
// The encrypted ID number and its hash (see modules/student) are bookkeeping of a personal value, not a change to show.
const BOOKKEEPING = new Set(['id', 'version', 'createdAt', 'updatedAt', 'passwordHash', 'tokenVersion', 'idCipher', 'idKeyId', 'idHash']);
/** Stands for a personal value the API never reads back (a write-only personal field): the entry says it changed, not to what. */
export const HIDDEN_VALUE = '***';

/** Properties of write-only personal fields: the audit trail shows no value the API itself never shows. */
const hiddenProps = (entity: BaseEntity): Set<string> =>
  new Set(
    resourceOf(entity.constructor as EntityClass)
      ?.fields.filter((f) => f.personal && f.writeOnly)
      .map((f) => f.prop ?? f.name) ?? [],
  );

function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Utils.isEntity(value)) return (value as BaseEntity).id;
  return value ?? null;
}

function changesOf(changeSet: ChangeSet<BaseEntity>): Record<string, [unknown, unknown]> {
  // A delete's change set carries no snapshot; the entity's own copy of its loaded values does.
  const before = (changeSet.originalEntity ?? helper(changeSet.entity).__originalEntityData ?? {}) as Record<string, unknown>;
  const after = changeSet.payload as Record<string, unknown>;
  const keys = changeSet.type === ChangeSetType.DELETE ? Object.keys(before) : Object.keys(after);
  const changes: Record<string, [unknown, unknown]> = {};
  const hidden = hiddenProps(changeSet.entity);
  for (const key of keys.filter((k) => !BOOKKEEPING.has(k))) {
    const pair: [unknown, unknown] = [
      changeSet.type === ChangeSetType.CREATE ? null : plain(before[key]),
      changeSet.type === ChangeSetType.DELETE ? null : plain(after[key]),
    ];
    if (JSON.stringify(pair[0]) === JSON.stringify(pair[1])) continue;
    changes[key] = hidden.has(key) ? [pair[0] === null ? null : HIDDEN_VALUE, pair[1] === null ? null : HIDDEN_VALUE] : pair;
  }
  return changes;
}

/**
 * Records every insert, update and delete of every entity, whatever path wrote it (CRUD, bulk saves,
 * workflow transitions, adjustments), inside the flush's own transaction.
 */
export class AuditSubscriber implements EventSubscriber {
  private readonly pending = new WeakMap<EntityManager, Array<{ changeSet: ChangeSet<BaseEntity>; changes: Record<string, [unknown, unknown]> }>>();

  async onFlush({ em, uow }: FlushEventArgs): Promise<void> {
    // Outside a request (seeding, migrations' data steps) nobody is acting: nothing to attribute.
    if (currentActor() === undefined) return;
    // Values before the write are only known until the flush completes: take them now, ids after.
    const changeSets = uow.getChangeSets().filter((cs) => ACTIONS[cs.type] && !(cs.entity instanceof AuditEntry)) as ChangeSet<BaseEntity>[];
    const entries = changeSets
      .map((changeSet) => ({ changeSet, changes: changesOf(changeSet) }))
      .filter(({ changeSet, changes }) => changeSet.type !== ChangeSetType.UPDATE || Object.keys(changes).length > 0);
    if (entries.length > 0) this.pending.set(em, entries);
  }

  async afterFlush({ em }: FlushEventArgs): Promise<void> {
    const entries = this.pending.get(em);
    if (!entries) return;
    this.pending.delete(em);
    const actor = currentActor();
    const now = new Date();
    const rows = [];
    for (const { changeSet, changes } of entries) {
      const cityPath = resourceOf(changeSet.entity.constructor as EntityClass)?.policy.city;
      rows.push({
        action: ACTIONS[changeSet.type]!,
        entityName: changeSet.name,
        entityId: changeSet.entity.id,
        actorId: actor?.userId ?? null,
        actorName: actor?.username ?? 'anonymous',
        cityId: cityPath ? await idAt(changeSet.entity, cityPath) : null,
        changes,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
    }
    await em.insertMany(AuditEntry, rows);
  }
}
