/**
 * The write path as it was before writes became set-based: per row a unit of work, lookups, the
 * resource's per-row rules (no batch step) and a flush, audited by the flush subscriber. Kept only
 * as the reference the set-based path is compared with (api/write-equality.test.ts); not used by the server.
 */
import { OptimisticLockError, UniqueConstraintViolationException, type EntityManager, type FilterQuery } from '@mikro-orm/core';
import { AppError, BulkError, badInput, conflict, type RowProblem } from '../../server/src/common/errors.js';
import { parseId } from '../../server/src/common/ids.js';
import { assertNotReferenced } from './per-row-references.js';
import { actorOf } from '../../server/src/auth/actor.js';
import { absent, assertMayWrite, assertNotElsewhere, assertRoleMayWrite, forbidden, readScope, writeScope } from '../../server/src/auth/scope.js';
import { MAX_SAVE_ROWS, propOf, resourceOf, type FieldSpec, type ResourceDef } from '../../server/src/common/resource.js';
import type { BaseEntity } from '../../server/src/common/base.entity.js';

type Input = Record<string, unknown>;
type Bag = Record<string, unknown>;

async function convert(em: EntityManager, field: FieldSpec, value: unknown): Promise<unknown> {
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
      return findReferenced(em, field, parseId(value, field.name));
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
async function findReferenced(em: EntityManager, field: FieldSpec, id: number): Promise<BaseEntity> {
  const targetDef = resourceOf(field.target!());
  const scope = targetDef && readScope(targetDef, actorOf(em));
  const target = await em.findOne(field.target!(), (scope ? { $and: [{ id }, scope] } : { id }) as FilterQuery<BaseEntity>);
  if (target) return target;
  if (scope) throw forbidden(targetDef.labelZh, targetDef.name, field.name);
  throw badInput(field.name, `找不到${field.labelZh}：${id}`, `${field.name} ${id} does not exist`);
}

async function applyInput(em: EntityManager, def: ResourceDef, entity: BaseEntity, input: Input, isNew: boolean): Promise<void> {
  const bag = entity as unknown as Bag;
  for (const field of def.fields) {
    if (field.readOnly) continue;
    const value = input[field.name];
    if (value === undefined) {
      if (isNew && field.required) throw badInput(field.name, `${field.labelZh}不能为空`, `${field.name} is required`);
      continue;
    }
    bag[propOf(field)] = await convert(em, field, value);
  }
}

async function assertUnique(em: EntityManager, def: ResourceDef, entity: BaseEntity): Promise<void> {
  const bag = entity as unknown as Bag;
  for (const props of def.unique ?? []) {
    const where: Bag = Object.fromEntries(props.map((p) => [p, bag[p]]));
    if (entity.id) where.id = { $ne: entity.id };
    const existing = await em.findOne(def.entity, where as FilterQuery<BaseEntity>);
    if (existing) {
      const field = def.fields.find((f) => propOf(f) === props[0]);
      throw new AppError({
        code: 'CONFLICT',
        rule: 'UNIQUE',
        field: field?.name ?? props[0],
        zh: `已存在相同${props.map((p) => def.fields.find((f) => propOf(f) === p)?.labelZh ?? p).join('、')}的${def.labelZh}（编号 ${existing.id}）`,
        en: `a ${def.name} with the same ${props.join(', ')} already exists (id ${existing.id})`,
        details: { existingId: existing.id },
      });
    }
  }
}

/**
 * A concurrent writer's row version or a unique key seen by the database, as a client error. A flush
 * can happen before our own (MikroORM flushes pending changes before a query), so every write path uses this.
 */
function explainWriteError(error: unknown, def: ResourceDef, entity: BaseEntity): unknown {
  if (error instanceof OptimisticLockError) return conflict(def.labelZh, entity.id, entity.version, entity.version + 1);
  if (error instanceof UniqueConstraintViolationException) {
    return new AppError({ code: 'CONFLICT', rule: 'UNIQUE', zh: `${def.labelZh}与现有记录重复`, en: `${def.name} duplicates an existing row` });
  }
  return error;
}

async function flushOrExplain(em: EntityManager, def: ResourceDef, entity: BaseEntity): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    throw explainWriteError(error, def, entity);
  }
}

/** The row to change, if it lies in the actor's place; to a city or school user a row elsewhere and no row look the same. */
export async function findOrFail<T extends BaseEntity>(em: EntityManager, def: ResourceDef<T>, id: unknown): Promise<T> {
  const scope = writeScope(def as ResourceDef, actorOf(em));
  const byId = { id: parseId(id) };
  const entity = await em.findOne(def.entity, (scope ? { $and: [byId, scope] } : byId) as FilterQuery<T>);
  if (!entity) throw absent(def as ResourceDef, id, scope !== undefined);
  return entity;
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

export async function createRecord<T extends BaseEntity>(em: EntityManager, def: ResourceDef<T>, input: Input): Promise<T> {
  assertRoleMayWrite(def as ResourceDef, actorOf(em));
  const entity = new def.entity();
  await applyInput(em, def as ResourceDef, entity, input, true);
  await assertNotElsewhere(def as ResourceDef, entity, actorOf(em));
  await assertUnique(em, def as ResourceDef, entity);
  await def.hooks?.beforeSave?.(em, entity, true, undefined, undefined as never);
  // After the hooks, which may derive where the row stands (a plan line's school from its program).
  await assertMayWrite(def as ResourceDef, entity, actorOf(em));
  em.persist(entity);
  await flushOrExplain(em, def as ResourceDef, entity);
  return entity;
}

export async function updateRecord<T extends BaseEntity>(em: EntityManager, def: ResourceDef<T>, input: Input): Promise<T> {
  assertRoleMayWrite(def as ResourceDef, actorOf(em));
  const entity = await findOrFail(em, def, input.id);
  await assertMayWrite(def as ResourceDef, entity, actorOf(em));
  assertVersion(def as ResourceDef, entity, input.version);
  const before = { ...(entity as unknown as Bag) };
  try {
    await applyInput(em, def as ResourceDef, entity, input, false);
    await assertNotElsewhere(def as ResourceDef, entity, actorOf(em));
    await assertUnique(em, def as ResourceDef, entity);
    await def.hooks?.beforeSave?.(em, entity, false, before as Partial<T>, undefined as never);
    await assertMayWrite(def as ResourceDef, entity, actorOf(em));
  } catch (error) {
    Object.assign(entity, before);
    throw explainWriteError(error, def as ResourceDef, entity);
  }
  await flushOrExplain(em, def as ResourceDef, entity);
  return entity;
}

export async function deleteRecord<T extends BaseEntity>(em: EntityManager, def: ResourceDef<T>, id: unknown, version?: unknown): Promise<T> {
  assertRoleMayWrite(def as ResourceDef, actorOf(em));
  const entity = await findOrFail(em, def, id);
  await assertMayWrite(def as ResourceDef, entity, actorOf(em));
  assertVersion(def as ResourceDef, entity, version);
  // The resource's own rules speak first: "locked" explains more than "still referenced".
  await def.hooks?.beforeDelete?.(em, entity, undefined as never);
  await assertNotReferenced(em, entity, def.labelZh);
  em.remove(entity);
  await flushOrExplain(em, def as ResourceDef, entity);
  return entity;
}

function toRowProblem(index: number, error: AppError): RowProblem {
  const ext = error.extensions as Record<string, string | null>;
  return { index, code: error.problem.code, rule: ext.rule ?? null, field: ext.field ?? null, message: error.message };
}

/** Creates, updates and deletes many rows as one unit: any failing row fails them all, and every failing row is reported. */
export async function saveRecords<T extends BaseEntity>(em: EntityManager, def: ResourceDef<T>, rows: Input[]): Promise<T[]> {
  if (rows.length > MAX_SAVE_ROWS) {
    throw new AppError({
      code: 'BAD_USER_INPUT',
      rule: 'ROW_LIMIT',
      field: 'rows',
      zh: `一次最多保存 ${MAX_SAVE_ROWS} 行，本次 ${rows.length} 行；请分批保存`,
      en: `one save takes at most ${MAX_SAVE_ROWS} rows, got ${rows.length}; save in batches`,
      details: { maximum: MAX_SAVE_ROWS, actual: rows.length },
    });
  }
  const saved: T[] = [];
  const problems: RowProblem[] = [];
  for (const [index, row] of rows.entries()) {
    // Each row gets its own unit of work in the same transaction: a flush then examines that row's
    // entities only, not everything the rows before it loaded (which made a 500-row save quadratic).
    const rowEm = em.fork({ clear: true, keepTransactionContext: true });
    try {
      if (row.delete) {
        if (!row.id) throw badInput('id', '删除的行必须有编号', 'a row to delete needs an id');
        await deleteRecord(rowEm, def, row.id, row.version);
      } else if (row.id) {
        saved.push(await updateRecord(rowEm, def, row));
      } else {
        saved.push(await createRecord(rowEm, def, row));
      }
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problems.push(toRowProblem(index, error));
    }
  }
  if (problems.length > 0) throw new BulkError(problems);
  return saved;
}
