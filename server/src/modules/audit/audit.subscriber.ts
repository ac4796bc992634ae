import type { AuditTrail } from '../../common/change-set-writer.js';
import { ChangeSetType, Utils, helper, type ChangeSet, type EntityManager, type EventSubscriber, type FlushEventArgs } from '@mikro-orm/core';
import { actorOf, type Actor } from '../../auth/actor.js';
import { idAt } from '../../auth/scope.js';
import { resourceOf, type EntityClass } from '../../common/resource.js';
import type { BaseEntity } from '../../common/base.entity.js';
import { AuditAction, AuditEntry } from './audit-entry.entity.js';
import { giveTurn } from '../../common/turns.js';

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

/** Each changed field of a written row as [before, after], as the audit trail records it. */
export function changesOf(changeSet: ChangeSet<BaseEntity>): Record<string, [unknown, unknown]> {
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
 * Records every insert, update and delete of every entity written by a flush (workflow transitions,
 * adjustments, seeders run as a user), inside the flush's own transaction. CRUD writes do not flush:
 * `common/change-set-writer.ts` records theirs with `changesOf` and `auditRows` below.
 */
export class AuditSubscriber implements EventSubscriber {
  private readonly pending = new WeakMap<EntityManager, Array<{ changeSet: ChangeSet<BaseEntity>; changes: Record<string, [unknown, unknown]> }>>();

  async onFlush({ em, uow }: FlushEventArgs): Promise<void> {
    // Outside a request (seeding, migrations' data steps) nobody is acting: nothing to attribute.
    if (actorOf(em) === undefined) return;
    // Values before the write are only known until the flush completes: take them now, ids after.
    const entries = (uow.getChangeSets() as ChangeSet<BaseEntity>[])
      .filter((cs) => ACTIONS[cs.type] && !(cs.entity instanceof AuditEntry))
      .map((changeSet) => ({ changeSet, changes: changesOf(changeSet) }))
      .filter(({ changeSet, changes }) => isAudited(changeSet, changes));
    if (entries.length > 0) this.pending.set(em, entries);
  }

  async afterFlush({ em }: FlushEventArgs): Promise<void> {
    const entries = this.pending.get(em);
    if (!entries) return;
    this.pending.delete(em);
    await em.insertMany(AuditEntry, await auditRows(actorOf(em), entries));
  }
}

/** Whether a change set is one the audit trail records (an UPDATE that changes no field is not). */
export const isAudited = (changeSet: ChangeSet<BaseEntity>, changes: Record<string, unknown>): boolean =>
  ACTIONS[changeSet.type] !== undefined &&
  !(changeSet.entity instanceof AuditEntry) &&
  (changeSet.type !== ChangeSetType.UPDATE || Object.keys(changes).length > 0);

type AuditRow = Omit<AuditEntry, 'id' | 'version' | 'createdAt' | 'updatedAt'> & { version: number; createdAt: Date; updatedAt: Date };

/** The audit rows of change sets, attributed to the actor (null: anonymous); rows created get their ids when written (see `withIds`). */
async function pendingRows<C = Record<string, [unknown, unknown]>>(
  actor: Actor | null | undefined,
  entries: ReadonlyArray<{ changeSet: ChangeSet<BaseEntity>; changes: Record<string, [unknown, unknown]> }>,
  keep: (changes: Record<string, [unknown, unknown]>) => C = (changes) => changes as C,
) {
  const now = new Date();
  const rows: Array<{ entity: BaseEntity; row: Omit<AuditRow, 'changes'> & { changes: C } }> = [];
  for (const { changeSet, changes } of entries) {
    const cityPath = resourceOf(changeSet.entity.constructor as EntityClass)?.policy.city;
    rows.push({
      entity: changeSet.entity,
      row: {
        action: ACTIONS[changeSet.type]!,
        entityName: changeSet.name,
        entityId: 0,
        actorId: actor?.userId ?? null,
        actorName: actor?.username ?? 'anonymous',
        cityId: cityPath ? await idAt(changeSet.entity, cityPath) : null,
        changes: keep(changes),
        version: 1,
        createdAt: now,
        updatedAt: now,
      },
    });
    // the places of loaded rows resolve without I/O: 20,000 of them in one go would hold the event loop
    await giveTurn();
  }
  return rows;
}

const withIds = <C>(pending: Array<{ entity: BaseEntity; row: Omit<AuditRow, 'changes'> & { changes: C } }>) =>
  pending.map(({ entity, row }) => ({ ...row, entityId: entity.id }));

/** The audit rows of written change sets (ids known), attributed to the actor. */
export async function auditRows(
  actor: Actor | null | undefined,
  entries: ReadonlyArray<{ changeSet: ChangeSet<BaseEntity>; changes: Record<string, [unknown, unknown]> }>,
) {
  return withIds(await pendingRows(actor, entries));
}

/** The columns of an audit row as the write path inserts them (all but the id). */
const AUDIT_PROPS = [
  'action',
  'entityName',
  'entityId',
  'actorId',
  'actorName',
  'cityId',
  'changes',
  'version',
  'createdAt',
  'updatedAt',
] as const satisfies ReadonlyArray<keyof AuditRow>;

/** The audit as the set-based write path records it (common/change-set-writer.ts): the same rows as a flush's. */
export const auditTrail: AuditTrail = {
  changesOf,
  isAudited,
  // The changes as their JSON text already: a large import holds thousands of entries until it writes.
  entriesOf: (actor, entries) => pendingRows(actor, entries, (changes) => JSON.stringify(changes)),
  rowsOf: (entries) => ({
    entityName: AuditEntry.name,
    props: AUDIT_PROPS,
    rows: withIds(entries as Awaited<ReturnType<typeof pendingRows<string>>>).map((row) => AUDIT_PROPS.map((prop) => row[prop])),
  }),
};
