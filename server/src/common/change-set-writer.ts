import { ChangeSetType, Utils, helper, type ChangeSet, type EntityManager, type EntityMetadata } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import { currentActor } from '../auth/actor.js';
import { chunksOf, IDS_PER_QUERY } from './batch-lookups.js';
import { placeholders, queryRows, toNumber } from '../read/sql.js';
import type { BaseEntity } from './base.entity.js';

/** A change set with its changed values, as the audit records them. */
export interface AuditedChange {
  changeSet: ChangeSet<BaseEntity>;
  changes: Record<string, [unknown, unknown]>;
}

/**
 * How written changes become audit entries. The audit module states it (orm.ts passes it in at
 * start), so the write machinery depends on no feature module.
 */
export interface AuditTrail {
  changesOf(changeSet: ChangeSet<BaseEntity>): Record<string, [unknown, unknown]>;
  isAudited(changeSet: ChangeSet<BaseEntity>, changes: Record<string, unknown>): boolean;
  /** Writes the entries of the changes, in the order given, in the caller's transaction. */
  record(em: EntityManager, changes: AuditedChange[]): Promise<void>;
}

let trail: AuditTrail | undefined;

export function useAuditTrail(given: AuditTrail): void {
  trail = given;
}

type Payload = Record<string, unknown>;

/** Bound parameters one statement carries at most (SQLite takes 32,766, PostgreSQL 65,535). */
const PARAMS_PER_STATEMENT = 20000;

/** A row whose version moved since it was read: written by someone else meanwhile. */
export interface StaleRow {
  entity: BaseEntity;
  /** Its version now; null when it is gone. */
  currentVersion: number | null;
}

/** A write whose RETURNING rows tell which rows it wrote. */
const all = (em: EntityManager, sql: string, params: unknown[]) =>
  (em as SqlEntityManager).execute<Array<Record<string, unknown>>>(sql, params as never[], 'all');

function groupBy(changeSets: ChangeSet<BaseEntity>[], type: ChangeSetType): Map<string, ChangeSet<BaseEntity>[]> {
  const groups = new Map<string, ChangeSet<BaseEntity>[]>();
  for (const cs of changeSets.filter((c) => c.type === type)) groups.set(cs.name, [...(groups.get(cs.name) ?? []), cs]);
  return groups;
}

/** Rows per statement so that `paramsPerRow` parameters each stay within the statement's bound. */
export const rowsPerStatement = (paramsPerRow: number) => Math.max(1, Math.min(IDS_PER_QUERY, Math.floor(PARAMS_PER_STATEMENT / Math.max(1, paramsPerRow))));

async function insertAll(em: EntityManager, meta: EntityMetadata, changeSets: ChangeSet<BaseEntity>[]): Promise<void> {
  const driver = em.getDriver();
  const width = Object.keys(changeSets[0]!.payload).length;
  for (const chunk of chunksOf(changeSets, rowsPerStatement(width))) {
    const result = await driver.nativeInsertMany(meta.className, chunk.map((cs) => cs.payload) as never[], {
      ctx: em.getTransactionContext(),
      convertCustomTypes: false,
      processCollections: false,
    });
    chunk.forEach((cs, i) => {
      const id = toNumber(result.rows?.[i]?.id ?? (result.rows?.[i] as Payload | undefined)?.[meta.primaryKeys[0]!]);
      cs.entity.id = id;
      cs.payload.id = id;
    });
  }
}

/** The versions the rows of `ids` have now, for telling which of them moved. */
async function currentVersions(em: EntityManager, meta: EntityMetadata, ids: number[]): Promise<Map<number, number>> {
  const q = (name: string) => em.getPlatform().quoteIdentifier(name);
  const rows = await queryRows<{ id: unknown; version: unknown }>(em, `select id, version from ${q(meta.tableName)} where id in ${placeholders(ids)}`, ids);
  return new Map(rows.map((row) => [toNumber(row.id), toNumber(row.version)]));
}

/** The rows a statement left alone, with their versions now (null: gone). */
async function staleAmong(em: EntityManager, meta: EntityMetadata, changeSets: ChangeSet<BaseEntity>[]): Promise<StaleRow[]> {
  const now = await currentVersions(
    em,
    meta,
    changeSets.map((cs) => cs.entity.id),
  );
  return changeSets.map((cs) => ({ entity: cs.entity, currentVersion: now.get(cs.entity.id) ?? null }));
}

/**
 * One UPDATE per chunk of rows: each column set by a CASE on the id, and the version in the WHERE
 * (`id = ? and version = ?`), so a row another writer changed since it was read is not overwritten;
 * the ids it returns tell which rows it wrote, and the versions of the others are read back.
 */
async function updateAll(em: EntityManager, meta: EntityMetadata, changeSets: ChangeSet<BaseEntity>[]): Promise<StaleRow[]> {
  const q = (name: string) => em.getPlatform().quoteIdentifier(name);
  const stale: StaleRow[] = [];
  const width = Math.max(...changeSets.map((cs) => Object.keys(cs.payload).length));
  for (const chunk of chunksOf(changeSets, rowsPerStatement(2 * width + 2))) {
    const params: unknown[] = [];
    const columns = [...new Set(chunk.flatMap((cs) => Object.keys(cs.payload)))].map((prop) => {
      const column = q(meta.properties[prop as never]!.fieldNames[0]!);
      const whens = chunk
        .filter((cs) => prop in cs.payload)
        .map((cs) => {
          params.push(cs.entity.id, cs.payload[prop]);
          return 'when ? then ?';
        });
      return `${column} = case ${q('id')} ${whens.join(' ')} else ${column} end`;
    });
    const version = q('version');
    const where = chunk.map((cs) => {
      params.push(cs.entity.id, cs.entity.version);
      return `(${q('id')} = ? and ${version} = ?)`;
    });
    const sql = `update ${q(meta.tableName)} set ${[...columns, `${version} = ${version} + 1`].join(', ')} where ${where.join(' or ')} returning ${q('id')}`;
    const written = new Set((await all(em, sql, params)).map((row) => toNumber(row.id)));
    if (written.size !== chunk.length)
      stale.push(
        ...(await staleAmong(
          em,
          meta,
          chunk.filter((cs) => !written.has(cs.entity.id)),
        )),
      );
  }
  return stale;
}

/** Deletes as one statement per chunk, each row only at the version it was read at. */
async function deleteAll(em: EntityManager, meta: EntityMetadata, changeSets: ChangeSet<BaseEntity>[]): Promise<StaleRow[]> {
  const q = (name: string) => em.getPlatform().quoteIdentifier(name);
  const stale: StaleRow[] = [];
  for (const chunk of chunksOf(changeSets, rowsPerStatement(2))) {
    const params: unknown[] = [];
    const where = chunk.map((cs) => {
      params.push(cs.entity.id, cs.entity.version);
      return `(${q('id')} = ? and ${q('version')} = ?)`;
    });
    const deleted = new Set(
      (await all(em, `delete from ${q(meta.tableName)} where ${where.join(' or ')} returning ${q('id')}`, params)).map((row) => toNumber(row.id)),
    );
    if (deleted.size !== chunk.length)
      stale.push(
        ...(await staleAmong(
          em,
          meta,
          chunk.filter((cs) => !deleted.has(cs.entity.id)),
        )),
      );
  }
  return stale;
}

/**
 * MikroORM takes changes of unique columns out of a change set when several rows change them, to
 * write them in a second statement (and takes them off the entity meanwhile). The checks before the
 * write already refused clashing keys, so they go back into the rows' own change sets.
 */
function foldExtraUpdates(em: EntityManager): void {
  const extra = em.getUnitOfWork().getExtraUpdates() as unknown as Set<[BaseEntity, string[] | string, unknown, ChangeSet<BaseEntity> | undefined]>;
  const pending = [...extra];
  extra.clear();
  for (const [entity, props, values, changeSet] of pending) {
    const names = Array.isArray(props) ? props : [props];
    const given = Array.isArray(props) ? (values as unknown[]) : [values];
    names.forEach((prop, i) => {
      (entity as unknown as Record<string, unknown>)[prop] = given[i];
      if (changeSet) changeSet.payload[prop as never] = (Utils.isEntity(given[i]) ? (given[i] as BaseEntity).id : given[i]) as never;
    });
  }
}

/**
 * Writes what the unit of work of `em` computed (inserts, updates, deletes, each as multi-row
 * statements) and the audit entries of every written row in the same transaction, in the order of
 * `order` (the rows of the request). Returns the rows another writer changed meanwhile; the caller
 * refuses the whole write then, which rolls the transaction back.
 */
export async function writeChangeSets(em: EntityManager, order: readonly BaseEntity[]): Promise<StaleRow[]> {
  const uow = em.getUnitOfWork();
  uow.computeChangeSets();
  foldExtraUpdates(em);
  const changeSets = uow.getChangeSets() as ChangeSet<BaseEntity>[];
  for (const cs of changeSets) {
    // "Early" orders matter to a flush of mixed statements; here deletes go first and updates before inserts anyway.
    if (cs.type === ChangeSetType.UPDATE_EARLY) cs.type = ChangeSetType.UPDATE;
    if (cs.type === ChangeSetType.DELETE_EARLY) cs.type = ChangeSetType.DELETE;
  }
  // Before values are known until written; the audit keeps them.
  if (!trail) throw new Error('no audit trail is set (useAuditTrail): writes would go unaudited');
  const audit = trail;
  const audited = changeSets
    .map((changeSet) => ({ changeSet, changes: audit.changesOf(changeSet) }))
    .filter(({ changeSet, changes }) => audit.isAudited(changeSet, changes));
  const metadata = em.getMetadata();
  const stale: StaleRow[] = [];
  for (const [name, group] of groupBy(changeSets, ChangeSetType.DELETE)) stale.push(...(await deleteAll(em, metadata.get(name), group)));
  for (const [name, group] of groupBy(changeSets, ChangeSetType.UPDATE)) stale.push(...(await updateAll(em, metadata.get(name), group)));
  if (stale.length > 0) return stale;
  for (const [name, group] of groupBy(changeSets, ChangeSetType.CREATE)) await insertAll(em, metadata.get(name), group);
  for (const cs of changeSets) {
    if (cs.type === ChangeSetType.UPDATE) cs.entity.version += 1;
    helper(cs.entity).__originalEntityData = { ...helper(cs.entity).__originalEntityData, ...cs.payload };
  }
  // Outside a request (seeding, scripts) nobody is acting: nothing to attribute, as for flushes.
  if (currentActor() !== undefined && audited.length > 0) {
    const position = new Map(order.map((entity, i) => [entity, i]));
    const at = (entry: (typeof audited)[number]) => position.get(entry.changeSet.entity) ?? order.length;
    await audit.record(
      em,
      audited.sort((a, b) => at(a) - at(b)),
    );
  }
  return stale;
}
