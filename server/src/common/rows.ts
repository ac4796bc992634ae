import { ReferenceKind, type EntityManager, type EntityMetadata, type EntityProperty, type FilterQuery, type Platform, type QueryOrderMap } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import type { BaseEntity } from './base.entity.js';
import type { EntityClass } from './resource.js';

/**
 * A record as GraphQL reads it: the entity's column properties as plain data, each many-to-one
 * reference as `{ id }`. Not managed by the ORM: reads never change, flush or track these.
 */
export type Row = Record<string, unknown> & { id: number };

/** The row of one entity type, for code that reads its properties. */
export type RowOf<T> = { [K in keyof T]: T[K] extends BaseEntity ? { id: number } : T[K] extends BaseEntity | null ? { id: number } | null : T[K] };

export interface RowQuery {
  /** Properties to read (see `selectedProps`); every stored property when absent. */
  props?: string[];
  orderBy?: QueryOrderMap<object>[];
  limit?: number;
  offset?: number;
}

type Convert = (value: unknown) => unknown;
/** Property name, its column, and how the mapped value becomes the row's. */
type Stored = [string, string, Convert | null];

const converters = new WeakMap<EntityMetadata, Stored[]>();

/** How each stored property becomes a row value, worked out once per entity. */
function convertersOf(meta: EntityMetadata, platform: Platform): Stored[] {
  let list = converters.get(meta);
  if (!list) {
    const convert = (prop: EntityProperty): Convert | null => {
      if (prop.kind === ReferenceKind.MANY_TO_ONE || prop.kind === ReferenceKind.ONE_TO_ONE) return (id) => (id === null || id === undefined ? null : { id });
      const type = prop.customType;
      return type ? (value) => (value === null || value === undefined ? value : type.convertToJSValue(value, platform)) : null;
    };
    const stored = meta.props.filter((p) => p.persist !== false && (p.kind === ReferenceKind.SCALAR || p.kind === ReferenceKind.MANY_TO_ONE || (p.kind === ReferenceKind.ONE_TO_ONE && p.owner)));
    list = stored.map((p) => [p.name, p.fieldNames[0]!, convert(p)]);
    converters.set(meta, list);
  }
  return list;
}

/**
 * The read path of the API (lists, lookups by id, child collections, references): one SELECT whose
 * results become plain rows. Building managed entities for rows that are only serialised cost several
 * times the query itself (identity map, change-tracking snapshots, reference proxies); writes and
 * rules still work on entities through the EntityManager.
 */
export async function readRows(em: EntityManager, entity: EntityClass, where: FilterQuery<object>, query: RowQuery = {}): Promise<Row[]> {
  const meta = em.getMetadata().get(entity.name);
  const stored = convertersOf(meta, em.getPlatform());
  const wanted = new Set(query.props);
  const chosen = stored.filter(([name]) => wanted.has(name));
  // A wanted property that is not a stored column (or none wanted): read them all.
  const props = chosen.length > 0 && chosen.length === wanted.size ? chosen : stored;
  const qb = (em as SqlEntityManager)
    .createQueryBuilder(entity.name, 'e')
    // Columns, not properties: a property name of a reference the filter joins would be read from the join.
    .select(props === stored ? 'e.*' : props.map(([, column]) => `e.${column}`))
    .where(where as never);
  if (query.orderBy) qb.orderBy(query.orderBy as never);
  if (query.limit !== undefined) qb.limit(query.limit, query.offset);
  const data = (await qb.execute('all', true)) as Array<Record<string, unknown>>;
  return data.map((record) => {
    const row: Record<string, unknown> = {};
    for (const [name, , convert] of props) {
      const value = record[name];
      row[name] = convert ? convert(value) : value;
    }
    return row as Row;
  });
}
