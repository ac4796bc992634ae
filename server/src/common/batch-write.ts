import { FlushMode, UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { actorOf } from '../auth/actor.js';
import { absent, assertMayWrite, assertNotElsewhere, assertRoleMayWrite, forbidden, readScope, writeScope } from '../auth/scope.js';
import { AppError, badInput, conflict, notFound } from './errors.js';
import { parseId } from './ids.js';
import { findByIds, findReferenced, loadPath } from './batch-lookups.js';
import { applyChangeSets, planChangeSets, type PlannedWrite, type PlanOptions } from './change-set-writer.js';
import { findUniqueClashes } from './batch-unique.js';
import { propOf, resourceOf, type BatchRow, type EntityClass, type FieldSpec, type ResourceDef } from './resource.js';
import type { BaseEntity } from './base.entity.js';
import { giveTurn } from './turns.js';

type Input = Record<string, unknown>;
type Bag = Record<string, unknown>;

/** One row of a write on its way through the checks; the first check it fails is its answer. */
export interface Slot {
  index: number;
  input: Input;
  kind: 'create' | 'update' | 'delete';
  entity?: BaseEntity;
  before?: Bag;
  error?: AppError;
}

/** The rows references name, by target table; or why the actor may not name that table's rows at all. */
type Referenced = Map<EntityClass, { rows: Map<number, BaseEntity>; scoped: boolean } | AppError>;

function convert(field: FieldSpec, value: unknown, referenced: Referenced): unknown {
  if (value === null) {
    if (field.required) throw badInput(field.name, `${field.labelZh}不能为空`, `${field.name} must not be empty`);
    return null;
  }
  switch (field.kind) {
    case 'string': {
      // A secret (a password) is taken exactly as typed; other text loses surrounding spaces.
      const text = field.writeOnly ? String(value) : String(value).trim();
      if (field.required && text === '') throw badInput(field.name, `${field.labelZh}不能为空`, `${field.name} must not be empty`);
      if (field.maxLength && text.length > field.maxLength) {
        throw badInput(field.name, `${field.labelZh}最多 ${field.maxLength} 个字符`, `${field.name} is longer than ${field.maxLength} characters`);
      }
      if (field.pattern && text !== '' && !field.pattern.regex.test(text)) {
        throw badInput(field.name, `${field.labelZh}格式不正确：${field.pattern.zh}`, `${field.name} is malformed: ${field.pattern.en}`);
      }
      return text === '' && !field.required ? null : text;
    }
    case 'int':
    case 'float': {
      const n = value as number;
      if (field.min !== undefined && n < field.min)
        throw badInput(field.name, `${field.labelZh}不能小于 ${field.min}`, `${field.name} must be at least ${field.min}`);
      if (field.max !== undefined && n > field.max)
        throw badInput(field.name, `${field.labelZh}不能大于 ${field.max}`, `${field.name} must be at most ${field.max}`);
      return n;
    }
    case 'ref':
      return referencedRow(field, parseId(value, field.name), referenced);
    case 'json': {
      // Input objects arrive as class instances; store plain data.
      const plain: unknown = JSON.parse(JSON.stringify(value));
      return field.json?.validate ? field.json.validate(plain) : plain;
    }
    default:
      return value;
  }
}

/**
 * The row a reference names, if the actor may read it: a row outside the actor's place is refused
 * like a missing one, before any rule could look at it and tell what it holds.
 */
function referencedRow(field: FieldSpec, id: number, referenced: Referenced): BaseEntity {
  const targetDef = resourceOf(field.target!());
  const found = referenced.get(field.target!());
  if (found instanceof AppError) throw found;
  const row = found?.rows.get(id);
  if (row) return row;
  if (found?.scoped) throw forbidden(targetDef!.labelZh, targetDef!.name, field.name);
  throw badInput(field.name, `找不到${field.labelZh}：${id}`, `${field.name} ${id} does not exist`);
}

/** Every row the references of `slots` name, in one query per referenced table, each within the actor's read scope. */
async function loadReferenced(em: EntityManager, def: ResourceDef, slots: Slot[]): Promise<Referenced> {
  const wanted = new Map<EntityClass, Set<number>>();
  for (const field of def.fields.filter((f) => f.kind === 'ref' && !f.readOnly)) {
    for (const slot of slots) {
      const value = slot.input[field.name];
      if (value === null || value === undefined) continue;
      const ids = wanted.get(field.target!()) ?? new Set<number>();
      wanted.set(field.target!(), ids);
      try {
        ids.add(parseId(value, field.name));
      } catch {
        // reported with the row when its value is converted
      }
    }
  }
  const referenced: Referenced = new Map();
  for (const [target, ids] of wanted) {
    const targetDef = resourceOf(target);
    try {
      const scope = targetDef && readScope(targetDef, actorOf(em));
      referenced.set(target, { rows: await findByIds(em, target, ids, scope), scoped: scope !== undefined });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      referenced.set(target, error);
    }
  }
  return referenced;
}

function applyInput(def: ResourceDef, slot: Slot, referenced: Referenced): void {
  const bag = slot.entity as unknown as Bag;
  for (const field of def.fields) {
    if (field.readOnly) continue;
    const value = slot.input[field.name];
    if (value === undefined) {
      if (slot.kind === 'create' && field.required) throw badInput(field.name, `${field.labelZh}不能为空`, `${field.name} is required`);
      continue;
    }
    bag[propOf(field)] = convert(field, value, referenced);
  }
}

/** Every update and delete names the version it was based on, so no write silently replaces another. */
function assertVersion(def: ResourceDef, entity: BaseEntity, version: unknown): void {
  if (version === undefined || version === null) {
    throw badInput('version', '修改或删除须提供读到的版本号 version', 'an update or delete needs the version you read');
  }
  if (version !== entity.version) {
    throw conflict(def.labelZh, entity.id, version as number, entity.version);
  }
}

/** Loads at once what the scope checks of these rows read: the rows on the way to their city and school. */
async function loadPlaces(em: EntityManager, def: ResourceDef, entities: BaseEntity[]): Promise<void> {
  for (const path of new Set([def.policy.city, def.policy.school])) if (path) await loadPath(em, entities, path);
}

class Batch {
  constructor(
    readonly def: ResourceDef,
    readonly slots: Slot[],
  ) {}

  open(kind?: Slot['kind'] | 'save'): Slot[] {
    return this.slots.filter((s) => !s.error && (!kind || (kind === 'save' ? s.kind !== 'delete' : s.kind === kind)));
  }

  /** Records a row's first problem; on update its entity goes back to what it was, so nothing of it is written. */
  fail(slot: Slot, error: unknown): void {
    if (!(error instanceof AppError)) throw error;
    slot.error ??= error;
    if (slot.kind === 'update' && slot.before) Object.assign(slot.entity!, slot.before);
  }

  async each(slots: Slot[], check: (slot: Slot) => unknown): Promise<void> {
    for (const slot of slots) {
      if (slot.error) continue;
      try {
        await check(slot);
      } catch (error) {
        this.fail(slot, error);
      }
      await giveTurn();
    }
  }
}

/** Rows read for update and delete, in one query within the actor's write scope; then scope and version per row. */
async function loadTargets(em: EntityManager, batch: Batch): Promise<void> {
  const { def } = batch;
  const targets = batch.open().filter((s) => s.kind !== 'create');
  const ids = new Map<Slot, number>();
  await batch.each(targets, (slot) => void ids.set(slot, parseId(slot.input.id)));
  const actor = actorOf(em);
  const scope = writeScope(def, actor);
  const found = await findByIds(em, def.entity, ids.values(), scope);
  await batch.each(targets, (slot) => {
    const entity = found.get(ids.get(slot)!);
    if (!entity) throw absent(def, slot.input.id, scope !== undefined);
    slot.entity = entity;
  });
  await loadPlaces(
    em,
    def,
    batch.open().flatMap((s) => (s.kind !== 'create' ? [s.entity!] : [])),
  );
  const named = new Set<number>();
  await batch.each(
    batch.open().filter((s) => s.kind !== 'create'),
    async (slot) => {
      const entity = slot.entity!;
      await assertMayWrite(def, entity, actor);
      assertVersion(def, entity, slot.input.version);
      // A row named twice: the first write moves its version, so the second is based on an old one.
      if (named.has(entity.id)) throw conflict(def.labelZh, entity.id, slot.input.version as number, entity.version + 1);
      named.add(entity.id);
      slot.before = { ...(entity as unknown as Bag) };
    },
  );
}

/** What checking a write found: its rows' problems, or a write ready to go (`planCommit`, `applyCommit`). */
export interface CheckedRows<T extends BaseEntity> {
  def: ResourceDef<T>;
  /** The unit of work holding the rows to write; its statements run in whatever transaction it is given. */
  work: EntityManager;
  slots: Slot[];
  problems: Slot[];
}

export interface CheckOptions {
  /** Told how many rows have passed their resource's rules; may throw to stop the check (a cancelled import). */
  onProgress?: (checked: number) => unknown;
}

/**
 * Checks rows of one resource as a set, writing nothing: the rows to change and every referenced
 * row are read in one query per table, unique keys in one query per key, and the resource's rules
 * run per row over lookups its `prepare` loaded once. Each row keeps its first problem.
 */
export async function checkRows<T extends BaseEntity>(
  em: EntityManager,
  def: ResourceDef<T>,
  inputs: Input[],
  options: CheckOptions = {},
): Promise<CheckedRows<T>> {
  const resource = def as unknown as ResourceDef;
  // the fork acts for the same actor as `em`
  const actor = actorOf(em);
  const work = em.fork({ clear: true, keepTransactionContext: true, flushMode: FlushMode.COMMIT });
  const batch = new Batch(
    resource,
    inputs.map((input, index) => ({ index, input, kind: input.delete ? 'delete' : input.id ? 'update' : 'create' })),
  );
  await batch.each(batch.open('delete'), (slot) => {
    if (!slot.input.id) throw badInput('id', '删除的行必须有编号', 'a row to delete needs an id');
  });
  await batch.each(batch.open(), () => assertRoleMayWrite(resource, actor));
  await loadTargets(work, batch);

  const referenced = await loadReferenced(work, resource, batch.open('save'));
  await batch.each(batch.open('save'), (slot) => {
    slot.entity ??= new def.entity();
    applyInput(resource, slot, referenced);
  });
  await loadPlaces(
    work,
    resource,
    batch.open('save').map((s) => s.entity!),
  );
  await batch.each(batch.open('save'), (slot) => assertNotElsewhere(resource, slot.entity!, actor));
  const clashes = await findUniqueClashes(work, resource, batch.open('save'));
  await batch.each(batch.open('save'), (slot) => {
    const clash = clashes.get(slot);
    if (clash) throw clash;
  });

  const hooks = resource.hooks;
  const rows: BatchRow[] = batch.open().map((s) => ({ entity: s.entity!, isNew: s.kind === 'create', before: s.before, deleted: s.kind === 'delete' }));
  const loaded: unknown = hooks?.prepare ? await hooks.prepare(work, rows) : undefined;
  let checked = 0;
  await batch.each(batch.open(), async (slot) => {
    await options.onProgress?.(checked++);
    if (slot.kind === 'delete') await hooks?.beforeDelete?.(work, slot.entity!, loaded);
    else await hooks?.beforeSave?.(work, slot.entity!, slot.kind === 'create', slot.before, loaded);
  });
  // The resource's own rules speak first: "locked" explains more than "still referenced".
  const stillReferenced = await findReferenced(
    work,
    batch.open('delete').map((s) => s.entity!),
    def.labelZh,
  );
  await batch.each(batch.open('delete'), (slot) => {
    const refused = stillReferenced.get(slot.entity!);
    if (refused) throw refused;
  });
  // After the hooks, which may derive where the row stands (a plan line's school from its program).
  await loadPlaces(
    work,
    resource,
    batch.open('save').map((s) => s.entity!),
  );
  await batch.each(batch.open('save'), (slot) => assertMayWrite(resource, slot.entity!, actor));
  return { def, work, slots: batch.slots, problems: batch.slots.filter((s) => s.error) };
}

/**
 * Works out the statements and audit entries of checked rows (none with a problem) without touching
 * the database, so that a large write does this work before its transaction holds other writers;
 * with `options`, a slice of rows at a time (see `planChangeSets`). With `letGo`, the created rows of
 * each slice are let go once `options.take` has taken them (it keeps what they write): the checked
 * rows then no longer hold them, and `applyCommit` does not return them.
 */
export async function planCommit<T extends BaseEntity>({ work, slots }: CheckedRows<T>, options?: PlanOptions & { letGo?: boolean }): Promise<PlannedWrite> {
  for (const slot of slots) if (slot.kind === 'delete') work.remove(slot.entity!);
  // the rows handed out a slice at a time, so that rows let go are not held by a list of all of them
  const order = { length: slots.length, slice: (from?: number, to?: number) => slots.slice(from, to).map((s) => s.entity!) };
  return planChangeSets(
    work,
    order,
    options && {
      ...options,
      planned: (from, to) => {
        if (options.letGo) for (const slot of slots.slice(from, to)) if (slot.kind === 'create') slot.entity = undefined;
        options.planned?.(from, to);
      },
    },
  );
}

/**
 * Writes planned rows with multi-row statements and their audit entries, in the transaction `work`
 * runs in. A row another writer changed since it was read fails the write: those rows come back as
 * problems and nothing is written; otherwise the created and updated rows and the deleted ones, in
 * request order.
 */
export async function applyCommit<T extends BaseEntity>(
  { def, work, slots }: CheckedRows<T>,
  planned: PlannedWrite,
): Promise<{ saved: T[]; removed: T[]; problems: Slot[] }> {
  let stale;
  try {
    stale = await applyChangeSets(work, planned);
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) {
      throw new AppError({ code: 'CONFLICT', rule: 'UNIQUE', zh: `${def.labelZh}与现有记录重复`, en: `${def.name} duplicates an existing row` });
    }
    throw error;
  }
  if (stale.length > 0) {
    const slotOf = new Map(slots.map((s) => [s.entity, s]));
    return {
      saved: [],
      removed: [],
      problems: stale.map(({ entity, currentVersion }) => ({
        ...slotOf.get(entity)!,
        error:
          currentVersion === null
            ? notFound(def.labelZh, entity.id)
            : conflict(def.labelZh, entity.id, slotOf.get(entity)!.input.version as number, currentVersion),
      })),
    };
  }
  work.clear();
  const entities = (kind: 'save' | 'delete') => slots.filter((s) => s.entity && (s.kind === 'delete') === (kind === 'delete')).map((s) => s.entity as T);
  return { saved: entities('save'), removed: entities('delete'), problems: [] };
}

/**
 * Checks and writes rows of one resource as a set, in the caller's transaction. All or nothing: the
 * rows with problems come back (with their first problem each) and nothing is written.
 */
export async function writeRows<T extends BaseEntity>(
  em: EntityManager,
  def: ResourceDef<T>,
  inputs: Input[],
): Promise<{ saved: T[]; removed: T[]; problems: Slot[] }> {
  const checked = await checkRows(em, def, inputs);
  if (checked.problems.length > 0) return { saved: [], removed: [], problems: checked.problems };
  return applyCommit(checked, await planCommit(checked));
}
