import {
  ChangeSetType,
  EntityIdentifier,
  Reference,
  ReferenceKind,
  Utils,
  helper,
  type ChangeSet,
  type EntityManager,
  type EntityMetadata,
  type EntityProperty,
  type UnitOfWork,
} from '@mikro-orm/core';
import { actorOf, type Actor } from '../auth/actor.js';
import { IDS_PER_QUERY, statementChunks } from './batch-lookups.js';
import { placeholders, queryRows, toNumber } from '../read/sql.js';
import { bindable, preparedWrite } from '../read/prepared-statements.js';
import type { BaseEntity } from './base.entity.js';
import { append } from './multimap.js';
import { giveTurn } from './turns.js';

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
  /** The entries of the changes, made by `actor`, in the order given, before the write (rows created get their ids when recorded). */
  entriesOf(actor: Actor | null | undefined, changes: AuditedChange[]): Promise<AuditEntries>;
  /** The rows of entries (values in the order of `props` of the entity `entityName`), once the rows they describe have their ids. */
  rowsOf(entries: AuditEntries): { entityName: string; props: readonly string[]; rows: unknown[][] };
}

/** Audit entries made ready before a write, in order; what they hold is the audit module's business. */
export type AuditEntries = ReadonlyArray<unknown>;

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

/** A write in the caller's transaction whose RETURNING rows tell which rows it wrote (see `preparedWrite`). */
const all = (em: EntityManager, sql: string, params: unknown[]) =>
  preparedWrite(
    em,
    sql,
    params.map((value) => bound(em, value)),
  );

/** A value of a planned row as the driver binds it (a payload holds database values already, or the identifier of a row written first). */
const bound = (em: EntityManager, value: unknown): unknown => bindable(em, value instanceof EntityIdentifier ? value.getValue() : value);

export function groupBy(changeSets: ChangeSet<BaseEntity>[], type: ChangeSetType): Map<string, ChangeSet<BaseEntity>[]> {
  const groups = new Map<string, ChangeSet<BaseEntity>[]>();
  for (const cs of changeSets.filter((c) => c.type === type)) append(groups, cs.name, cs);
  return groups;
}

/** Rows per statement so that `paramsPerRow` parameters each stay within the statement's bound. */
export const rowsPerStatement = (paramsPerRow: number) => Math.max(1, Math.min(IDS_PER_QUERY, Math.floor(PARAMS_PER_STATEMENT / Math.max(1, paramsPerRow))));

/** A value of a created row as its column takes it: a missing value is the property's default, as in MikroORM's own insert. */
function columnValue(prop: EntityProperty, value: unknown): unknown {
  if (value === null && prop.nullable) return null;
  return value ?? prop.default ?? null;
}

/** The columns of an entity's properties. */
export const columnsOf = (meta: EntityMetadata, props: readonly string[]): string[] => props.map((prop) => meta.properties[prop as never]!.fieldNames[0]!);

/**
 * Rows of an entity's table (values in the order of `props`, its property names) as multi-row INSERTs
 * in the caller's transaction, prepared once per row count (see `preparedWrite`), in chunks of the
 * few sizes `statementChunks` picks within a statement's bound. With `returning`, that column of every
 * row inserted, in row order; with `into`, the rows go to that table instead (one with the same
 * columns, see `staged-write.ts`).
 */
export async function insertRows(
  em: EntityManager,
  meta: EntityMetadata,
  props: readonly string[],
  rows: unknown[][],
  { returning, into = meta.tableName }: { returning?: string; into?: string } = {},
): Promise<unknown[]> {
  const q = (name: string) => em.getPlatform().quoteIdentifier(name);
  const columns = columnsOf(meta, props).map(q).join(', ');
  const returned: unknown[] = [];
  for (const chunk of statementChunks(rows, rowsPerStatement(props.length))) {
    const text = `insert into ${q(into)} (${columns}) values ${chunk.map(() => placeholders(props)).join(', ')}${returning ? ` returning ${q(returning)}` : ''}`;
    const written = await all(em, text, chunk.flat());
    if (returning) returned.push(...written.map((row) => row[returning]));
    await giveTurn();
  }
  return returned;
}

/** The properties created rows set: every property any of them has a value for. */
export const createdProps = (changeSets: ChangeSet<BaseEntity>[]): string[] => [...new Set(changeSets.flatMap((cs) => Object.keys(cs.payload)))];

/** The values of a created row for `props`, as its columns take them. */
export const createdRow = (meta: EntityMetadata, props: readonly string[], cs: ChangeSet<BaseEntity>): unknown[] =>
  props.map((name) => columnValue(meta.properties[name as never] as EntityProperty, (cs.payload as Payload)[name]));

/** Inserts created rows (see `insertRows`) and gives each its id. */
async function insertAll(em: EntityManager, meta: EntityMetadata, changeSets: ChangeSet<BaseEntity>[]): Promise<void> {
  const props = createdProps(changeSets);
  const id = meta.primaryKeys[0]!;
  const ids = await insertRows(
    em,
    meta,
    props,
    changeSets.map((cs) => createdRow(meta, props, cs)),
    { returning: id },
  );
  changeSets.forEach((cs, i) => {
    cs.entity.id = toNumber(ids[i]);
    cs.payload.id = cs.entity.id;
  });
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
 * `id in (…) and version = case id when … end`: each row only at the version it was read at. Flat
 * lists, not an `or` per row: SQLite refuses expressions nested deeper than 1,000, which a chain of
 * a thousand `or`s is.
 */
function versionMatches(q: (name: string) => string, chunk: ChangeSet<BaseEntity>[], params: unknown[]): string {
  params.push(...chunk.map((cs) => cs.entity.id));
  const whens = chunk.map((cs) => {
    params.push(cs.entity.id, cs.entity.version);
    return 'when ? then ?';
  });
  // `else -1` (no row has it) gives the CASE a type on PostgreSQL, whose parameters have none of their own
  return `${q('id')} in ${placeholders(chunk)} and ${q('version')} = case ${q('id')} ${whens.join(' ')} else -1 end`;
}

/**
 * One UPDATE per chunk of rows: each column set by a CASE on the id, and the version in the WHERE
 * (`versionMatches`), so a row another writer changed since it was read is not overwritten;
 * the ids it returns tell which rows it wrote, and the versions of the others are read back.
 */
async function updateAll(em: EntityManager, meta: EntityMetadata, changeSets: ChangeSet<BaseEntity>[]): Promise<StaleRow[]> {
  const q = (name: string) => em.getPlatform().quoteIdentifier(name);
  const stale: StaleRow[] = [];
  const width = Math.max(...changeSets.map((cs) => Object.keys(cs.payload).length));
  for (const chunk of statementChunks(changeSets, rowsPerStatement(2 * width + 3))) {
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
    const sql = `update ${q(meta.tableName)} set ${[...columns, `${version} = ${version} + 1`].join(', ')} where ${versionMatches(q, chunk, params)} returning ${q('id')}`;
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
  for (const chunk of statementChunks(changeSets, rowsPerStatement(3))) {
    const params: unknown[] = [];
    const deleted = new Set(
      (await all(em, `delete from ${q(meta.tableName)} where ${versionMatches(q, chunk, params)} returning ${q('id')}`, params)).map((row) => toNumber(row.id)),
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

/** A row not yet written that `entity` refers to (its insert must come first). */
function newTargetsOf(entity: BaseEntity): BaseEntity[] {
  const wrapped = helper(entity);
  const targets: BaseEntity[] = [];
  for (const prop of wrapped.__meta.relations) {
    if (prop.kind !== ReferenceKind.MANY_TO_ONE && prop.kind !== ReferenceKind.ONE_TO_ONE) continue;
    const target = Reference.unwrapReference((entity as unknown as Record<string, object | undefined>)[prop.name] ?? {}) as BaseEntity | undefined;
    if (target && Utils.isEntity(target) && !helper(target).hasPrimaryKey()) targets.push(target);
  }
  return targets;
}

/**
 * The change sets MikroORM's `computeChangeSets` would find for `candidates` (persisted or not; rows
 * already `done` are skipped), worked out one row at a time with turns for other requests: for a
 * 20,000-row import, the whole computation in one go holds the event loop for about a second. A new
 * row another one refers to comes first. Rows of `candidates` that are to be removed get their DELETE
 * change set here too, so that a request's deletes keep their place in its order.
 */
async function computeChangeSets(uow: UnitOfWork, candidates: Iterable<BaseEntity>, done: WeakSet<BaseEntity>): Promise<void> {
  const removed = uow.getRemoveStack() as Set<BaseEntity>;
  const compute = (entity: BaseEntity): void => {
    if (done.has(entity)) return;
    done.add(entity);
    if (removed.has(entity)) return uow.computeChangeSet(entity, ChangeSetType.DELETE);
    newTargetsOf(entity).forEach(compute);
    const created = !helper(entity).hasPrimaryKey();
    uow.computeChangeSet(entity);
    // MikroORM keeps a copy of what it plans to write; a created row's is its payload, set once written.
    if (created) helper(entity).__originalEntityData = undefined;
  };
  for (const entity of candidates) {
    compute(entity);
    await giveTurn();
  }
}

/**
 * Takes the change sets computed so far out of the unit of work, which would otherwise keep every
 * one of them until it is cleared: a large write is planned a slice at a time, each slice's change
 * sets let go once it is written or staged.
 */
function takeChangeSets(uow: UnitOfWork): ChangeSet<BaseEntity>[] {
  const kept = (uow as unknown as { changeSets?: unknown }).changeSets;
  if (!(kept instanceof Map)) throw new Error('MikroORM’s unit of work keeps its change sets elsewhere than this code expects');
  const changeSets = [...(kept as Map<BaseEntity, ChangeSet<BaseEntity>>).values()];
  kept.clear();
  return changeSets;
}

/** A write worked out before it runs: its change sets and its audit entries. */
export interface PlannedWrite {
  changeSets: ChangeSet<BaseEntity>[];
  audit?: AuditEntries;
  /** Moves rows written ahead (see `staged-write.ts`) into their tables, in the write's transaction, before its own inserts and audit entries. */
  moveStaged?: (em: EntityManager) => Promise<void>;
}

/** The rows of audit entries, as the audit trail states them. */
export const auditRowsOf = (audit: AuditEntries) => trail!.rowsOf(audit);

/** Rows per part when a plan is made in parts (see `PlanOptions`). */
export const ROWS_PER_SLICE = 2000;

/** The rows of a request in order: an array, or anything that hands out slices of them (so that it need not hold them all). */
export type RowsInOrder = Pick<readonly BaseEntity[], 'length' | 'slice'>;

export interface PlanOptions {
  /**
   * Handed each slice's plan as soon as it is made (a slice of `rowsPerSlice` rows of the request,
   * then one of the rows the rules made, changed or removed); returns what of it the write still
   * needs (for instance its updates and deletes, once its created rows and audit entries are staged).
   * The plan returned is made of what it kept. Without it, every slice is kept whole.
   */
  take?: (slice: PlannedWrite) => Promise<PlannedWrite>;
  /** Rows of the request per slice; without it, the request is one slice. */
  rowsPerSlice?: number;
  /** Told when the rows of the request from `from` to `to` (exclusive) are planned and taken. */
  planned?: (from: number, to: number) => void;
}

/**
 * Works out what the unit of work of `em` will write (inserts, updates, deletes) and its audit
 * entries, in the order of `order` (the rows of the request), without touching the database: all of
 * a large write's own work is done before its transaction holds other writers. It goes a slice of
 * the request at a time, then the rows the rules made, changed or removed; each slice's change sets
 * and audit entries are handed to `take` and let go by the unit of work, so that what a large import
 * holds at once is bounded by the slice (and by what `take` keeps). Audit entries come in the order of
 * the request, those of rows outside it after all of them, as when planned whole.
 */
export async function planChangeSets(em: EntityManager, order: RowsInOrder, options: PlanOptions = {}): Promise<PlannedWrite> {
  if (!trail) throw new Error('no audit trail is set (useAuditTrail): writes would go unaudited');
  const audit = trail;
  const { take = async (slice: PlannedWrite) => slice, rowsPerSlice = Number.POSITIVE_INFINITY } = options;
  const uow = em.getUnitOfWork();
  // weak: a slice's rows may be let go once it is planned (see `PlanOptions.take`)
  const done = new WeakSet<BaseEntity>();
  // Outside a request (seeding, scripts) nobody is acting: nothing to attribute, as for flushes.
  const actor = actorOf(em);
  const audited = actor !== undefined;
  /** Audit entries of rows outside the request, kept for the last slice (they follow every row of the request). */
  let outside: AuditedChange[] = [];
  const changeSetsKept: ChangeSet<BaseEntity>[] = [];
  const auditKept: unknown[] = [];
  const plan = async (rows: readonly BaseEntity[] | undefined, candidates: Iterable<BaseEntity>): Promise<void> => {
    await computeChangeSets(uow, candidates, done);
    foldExtraUpdates(em);
    const changeSets = takeChangeSets(uow);
    for (const cs of changeSets) {
      // "Early" orders matter to a flush of mixed statements; here deletes go first and updates before inserts anyway.
      if (cs.type === ChangeSetType.UPDATE_EARLY) cs.type = ChangeSetType.UPDATE;
      if (cs.type === ChangeSetType.DELETE_EARLY) cs.type = ChangeSetType.DELETE;
    }
    let entries: AuditEntries | undefined;
    if (audited) {
      // Before values are known until written; the audit keeps them.
      const position = new Map(rows?.map((entity, i) => [entity, i]));
      const inRequest: AuditedChange[] = [];
      for (const changeSet of changeSets) {
        const changes = audit.changesOf(changeSet);
        if (audit.isAudited(changeSet, changes)) (position.has(changeSet.entity) ? inRequest : outside).push({ changeSet, changes });
        await giveTurn();
      }
      inRequest.sort((a, b) => position.get(a.changeSet.entity)! - position.get(b.changeSet.entity)!);
      // the last slice: the rows outside the request, after every row of it
      const now = rows ? inRequest : [...inRequest, ...outside];
      if (!rows) outside = [];
      entries = await audit.entriesOf(actor, now);
    }
    const slice = await take({ changeSets, audit: entries });
    for (const cs of slice.changeSets) changeSetsKept.push(cs);
    for (const entry of slice.audit ?? []) auditKept.push(entry);
  };
  for (let from = 0; from < order.length; from += rowsPerSlice) {
    const rows = order.slice(from, from + rowsPerSlice);
    await plan(rows, rows);
    options.planned?.(from, from + rows.length);
  }
  // The rows the rules made, changed or removed.
  await plan(undefined, [
    ...(uow.getPersistStack() as Set<BaseEntity>),
    ...(uow.getIdentityMap() as Iterable<BaseEntity>),
    ...(uow.getRemoveStack() as Set<BaseEntity>),
  ]);
  return { changeSets: changeSetsKept, audit: audited ? auditKept : undefined };
}

/**
 * Runs a planned write (deletes, then updates, then inserts, each as multi-row statements) and its
 * audit entries in the caller's transaction. Returns the rows another writer changed meanwhile; the
 * caller refuses the whole write then, which rolls the transaction back.
 */
export async function applyChangeSets(em: EntityManager, { changeSets, audit, moveStaged }: PlannedWrite): Promise<StaleRow[]> {
  const metadata = em.getMetadata();
  const stale: StaleRow[] = [];
  for (const [name, group] of groupBy(changeSets, ChangeSetType.DELETE)) stale.push(...(await deleteAll(em, metadata.get(name), group)));
  for (const [name, group] of groupBy(changeSets, ChangeSetType.UPDATE)) stale.push(...(await updateAll(em, metadata.get(name), group)));
  if (stale.length > 0) return stale;
  await moveStaged?.(em);
  for (const [name, group] of groupBy(changeSets, ChangeSetType.CREATE)) await insertAll(em, metadata.get(name), group);
  for (const cs of changeSets) {
    if (cs.type === ChangeSetType.UPDATE) cs.entity.version += 1;
    helper(cs.entity).__originalEntityData = { ...helper(cs.entity).__originalEntityData, ...cs.payload };
  }
  if (audit && audit.length > 0) {
    const { entityName, props } = auditRowsOf([]);
    // a slice's rows at a time: the rows of all of a large import's entries at once would add to the server's peak memory
    for (let from = 0; from < audit.length; from += ROWS_PER_SLICE) {
      await insertRows(em, metadata.get(entityName), props, auditRowsOf(audit.slice(from, from + ROWS_PER_SLICE)).rows);
    }
  }
  return stale;
}

/** Plans and runs a write in the caller's transaction (see planChangeSets, applyChangeSets). */
export async function writeChangeSets(em: EntityManager, order: readonly BaseEntity[]): Promise<StaleRow[]> {
  return applyChangeSets(em, await planChangeSets(em, order));
}
