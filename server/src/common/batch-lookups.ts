import { ReferenceKind, Utils, wrap, type EntityManager, type EntityMetadata, type FilterQuery } from '@mikro-orm/core';
import { AppError } from './errors.js';
import { placeholders, queryRows, toNumber } from '../read/sql.js';
import type { BaseEntity } from './base.entity.js';
import { resourceOf, type EntityClass } from './resource.js';
import { append } from './multimap.js';

/** Most ids one `IN` list carries: well under the bound parameters SQLite and PostgreSQL take per statement. */
export const IDS_PER_QUERY = 1000;

export function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/**
 * `items` in chunks for statements prepared once per row count: as many of `max` as there are, then
 * the rest in powers of two, largest first. A prepared statement is kept per text, and one of a
 * thousand rows holds about a megabyte; so a table gets a dozen texts at most, whatever the counts written.
 */
export function statementChunks<T>(items: readonly T[], max: number): T[][] {
  let at = items.length - (items.length % max);
  const chunks = chunksOf(items.slice(0, at), max);
  for (let size = 2 ** Math.floor(Math.log2(max)); size >= 1; size /= 2) {
    if (items.length - at < size) continue;
    chunks.push(items.slice(at, at + size));
    at += size;
  }
  return chunks;
}

/** The rows of `entity` with these ids (within `scope`), as managed entities by id: one query per thousand ids. */
export async function findByIds<T extends BaseEntity>(
  em: EntityManager,
  entity: EntityClass<T>,
  ids: Iterable<number>,
  scope?: FilterQuery<object>,
  populate?: string[],
): Promise<Map<number, T>> {
  const found = new Map<number, T>();
  for (const chunk of chunksOf([...new Set(ids)], IDS_PER_QUERY)) {
    const byId = { id: { $in: chunk } };
    const where = (scope ? { $and: [byId, scope] } : byId) as FilterQuery<T>;
    for (const row of await em.find(entity, where, populate ? { populate: populate as never } : {})) found.set(row.id, row);
  }
  return found;
}

/**
 * Loads, for all `entities` at once, every row a path (`partnership.school.city`) passes through, so
 * reading the id at its end (`idAt`) costs no query per row: one query per table and level.
 */
export async function loadPath(em: EntityManager, entities: readonly BaseEntity[], path: string): Promise<void> {
  let level: BaseEntity[] = [...entities];
  const keys = path.split('.');
  for (const key of keys.slice(0, -1)) {
    const next = [...new Set(level.map((e) => (e as unknown as Record<string, unknown>)[key]))].filter((v): v is BaseEntity => Utils.isEntity(v));
    const missing = new Map<EntityClass, number[]>();
    for (const ref of next) {
      if (wrap(ref).isInitialized()) continue;
      const cls = ref.constructor as EntityClass;
      append(missing, cls, ref.id);
    }
    for (const [cls, ids] of missing) await findByIds(em, cls, ids);
    level = next;
  }
}

/** `REFERENCED` as the per-row path states it: the first table (in metadata order) still pointing at the row. */
function referencedError(entity: BaseEntity, labelZh: string, referencing: EntityMetadata, count: number): AppError {
  const className = entity.constructor.name;
  // Named as a user knows them: the row by its name, the referring rows by their resource's label.
  const named = (entity as { nameZh?: string; name?: string }).nameZh ?? (entity as { name?: string }).name;
  const row = named ? `“${named}”` : ` ${entity.id} `;
  const referring = resourceOf(referencing.class as never)?.labelZh ?? referencing.className;
  return new AppError({
    code: 'CONFLICT',
    rule: 'REFERENCED',
    field: 'id',
    zh: `${labelZh}${row}仍被 ${count} 条${referring}记录引用，不能删除`,
    en: `${className} ${entity.id}${named ? ` (${named})` : ''} is still referenced by ${count} ${referencing.className} row(s) and cannot be deleted`,
    details: { referencedBy: referencing.className, count },
  });
}

/**
 * For rows about to be deleted, the first other table still pointing at each: one grouped count per
 * referencing column for all of them (no orphans and no silent cascades).
 */
export async function findReferenced(em: EntityManager, entities: readonly BaseEntity[], labelZh: string): Promise<Map<BaseEntity, AppError>> {
  const refused = new Map<BaseEntity, AppError>();
  if (entities.length === 0) return refused;
  const className = entities[0]!.constructor.name;
  const platform = em.getPlatform();
  const q = (name: string) => platform.quoteIdentifier(name);
  for (const meta of Object.values(em.getMetadata().getAll())) {
    if (meta.abstract) continue;
    for (const prop of meta.props) {
      if (prop.kind !== ReferenceKind.MANY_TO_ONE || prop.type !== className) continue;
      const open = entities.filter((e) => !refused.has(e));
      const column = q(prop.fieldNames[0]!);
      for (const chunk of chunksOf(open, IDS_PER_QUERY)) {
        const ids = chunk.map((e) => e.id);
        const counts = await queryRows<{ ref: unknown; n: unknown }>(
          em,
          `select ${column} as ref, count(*) as n from ${q(meta.tableName)} where ${column} in ${placeholders(ids)} group by ${column}`,
          ids,
        );
        const byId = new Map(counts.map((row) => [toNumber(row.ref), toNumber(row.n)]));
        for (const entity of chunk) {
          const count = byId.get(entity.id) ?? 0;
          if (count > 0) refused.set(entity, referencedError(entity, labelZh, meta, count));
        }
      }
    }
  }
  return refused;
}
