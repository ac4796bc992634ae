import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { AppError, BulkError, rowProblem } from './errors.js';
import { parseId } from './ids.js';
import { absent, writeScope } from '../auth/scope.js';
import { actorOf } from '../auth/actor.js';
import { MAX_SAVE_ROWS, type ResourceDef } from './resource.js';
import { writeRows } from './batch-write.js';
import type { BaseEntity } from './base.entity.js';

type Input = Record<string, unknown>;

/** The row to change, if it lies in the actor's place; to a city or school user a row elsewhere and no row look the same. */
export async function findOrFail<T extends BaseEntity>(em: EntityManager, def: ResourceDef<T>, id: unknown): Promise<T> {
  const scope = writeScope(def as ResourceDef, actorOf(em));
  const byId = { id: parseId(id) };
  const entity = await em.findOne(def.entity, (scope ? { $and: [byId, scope] } : byId) as FilterQuery<T>);
  if (!entity) throw absent(def as ResourceDef, id, scope !== undefined);
  return entity;
}

/** A write of one row: the same checks and statements as a bulk save of one, answered with the row's own error. */
async function writeOne<T extends BaseEntity>(em: EntityManager, def: ResourceDef<T>, input: Input): Promise<T | undefined> {
  const { saved, removed, problems } = await writeRows(em, def, [input]);
  if (problems.length > 0) throw problems[0]!.error!;
  return saved[0] ?? removed[0];
}

export async function createRecord<T extends BaseEntity>(em: EntityManager, def: ResourceDef<T>, input: Input): Promise<T> {
  return (await writeOne(em, def, { ...input, id: undefined, delete: undefined }))!;
}

export async function updateRecord<T extends BaseEntity>(em: EntityManager, def: ResourceDef<T>, input: Input): Promise<T> {
  return (await writeOne(em, def, { ...input, id: input.id ?? null, delete: undefined }))!;
}

export async function deleteRecord<T extends BaseEntity>(em: EntityManager, def: ResourceDef<T>, id: unknown, version?: unknown): Promise<T> {
  return (await writeOne(em, def, { id, version, delete: true }))!;
}

/** One request writes at most `MAX_SAVE_ROWS` rows (a save, a status change of many rows): more are refused as a whole. */
export function assertWithinSaveRows(count: number, field: string): void {
  if (count <= MAX_SAVE_ROWS) return;
  throw new AppError({
    code: 'BAD_USER_INPUT',
    rule: 'ROW_LIMIT',
    field,
    zh: `一次最多保存 ${MAX_SAVE_ROWS} 行，本次 ${count} 行；请分批保存`,
    en: `one save takes at most ${MAX_SAVE_ROWS} rows, got ${count}; save in batches`,
    details: { maximum: MAX_SAVE_ROWS, actual: count },
  });
}

/** Creates, updates and deletes many rows as one unit: any failing row fails them all, and every failing row is reported. */
export async function saveRecords<T extends BaseEntity>(em: EntityManager, def: ResourceDef<T>, rows: Input[]): Promise<T[]> {
  assertWithinSaveRows(rows.length, 'rows');
  const { saved, problems } = await writeRows(em, def, rows);
  if (problems.length > 0) throw new BulkError(problems.map(({ index, error }) => rowProblem(index, error!)));
  return saved;
}
