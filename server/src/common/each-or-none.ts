import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { absent, writeScope } from '../auth/scope.js';
import { actorOf } from '../auth/actor.js';
import type { BaseEntity } from './base.entity.js';
import { assertWithinSaveRows } from './crud.service.js';
import { AppError, BulkError, badInput, rowProblem, type RowProblem } from './errors.js';
import { parseId } from './ids.js';
import type { ResourceDef } from './resource.js';

interface Options {
  /** the argument naming the rows, for its errors */
  field: string;
  /** relations every step reads, loaded for all rows at once */
  populate?: string[];
}

/**
 * A step taken on many rows named by id, all or none: the rows of the actor's place are read in one query,
 * then each goes through `step` — the same rules as the one-row mutation — in the caller's transaction.
 * Any refused row refuses them all (the caller's transaction rolls back), and every refused one is
 * reported with its index, id and reason; a row outside the place answers as the one-row mutation does.
 * At most one save's worth of rows, each once.
 */
export async function eachOrNone<T extends BaseEntity, I extends { id: string }, R>(
  em: EntityManager,
  def: ResourceDef<T>,
  items: readonly I[],
  step: (row: T, item: I) => Promise<R>,
  { field, populate = [] }: Options,
): Promise<R[]> {
  if (items.length === 0) throw badInput(field, '请至少选择一行', 'give at least one id');
  assertWithinSaveRows(items.length, field);
  const ids = items.map((item) => {
    try {
      return parseId(item.id, field);
    } catch (error) {
      return error as AppError;
    }
  });
  const scope = writeScope(def as ResourceDef, actorOf(em));
  const byIds = { id: { $in: ids.filter((id) => typeof id === 'number') } };
  const found = await em.find(def.entity, (scope ? { $and: [byIds, scope] } : byIds) as FilterQuery<T>, { populate: populate as never[] });
  const rows = new Map(found.map((row) => [row.id, row]));
  const seen = new Set<number>();
  const problems: RowProblem[] = [];
  const done: R[] = [];
  for (const [index, item] of items.entries()) {
    try {
      const id = ids[index]!;
      if (id instanceof AppError) throw id;
      if (seen.has(id)) throw badInput(field, `编号 ${id} 重复出现`, `id ${id} is listed twice`);
      seen.add(id);
      const row = rows.get(id);
      if (!row) throw absent(def as ResourceDef, item.id, scope !== undefined);
      done.push(await step(row, item));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problems.push({ ...rowProblem(index, error), id: item.id });
    }
  }
  if (problems.length > 0) throw new BulkError(problems);
  return done;
}
