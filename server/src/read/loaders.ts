import DataLoader from 'dataloader';
import { wrap, type EntityManager, type FilterQuery } from '@mikro-orm/core';
import type { EntityClass } from '../common/resource.js';
import type { BaseEntity } from '../common/base.entity.js';
import { readRows, readRowsByKey, type EntityRow, type RowOf } from './rows.js';
import { AppError } from '../common/errors.js';

const tooManyChildren = (field: string, maxRows: number) =>
  new AppError({
    code: 'LIMIT_EXCEEDED',
    rule: 'CHILD_ROWS',
    field,
    zh: `${field} 超过每条记录 ${maxRows} 行的上限，请改用带筛选和分页的列表查询`,
    en: `${field} has more than ${maxRows} rows for one record; use the paged list query with a filter`,
    details: { maximum: maxRows },
  });

/** Per-request batching of reads: one query per entity type and per collection shape, whatever the row count. */
export class Loaders {
  private readonly byIdLoaders = new Map<string, DataLoader<number, EntityRow | null>>();
  private readonly childLoaders = new Map<string, DataLoader<number, EntityRow[]>>();
  private readonly byFieldLoaders = new Map<string, DataLoader<string, EntityRow | null>>();
  private readonly keyedLoaders = new Map<string, DataLoader<string, unknown>>();

  /** `em` is asked for only when a batch is read: a loader only primed (see crud.resolver.ts) needs none. */
  constructor(private readonly em: () => EntityManager) {}

  /** Rows by id; `props` narrows the columns read (one loader per entity and column set). */
  byId<T extends BaseEntity>(entity: EntityClass<T>, props?: string[]): DataLoader<number, RowOf<T> | null> {
    const key = `${entity.name}:${props ?? '*'}`;
    let loader = this.byIdLoaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (ids: readonly number[]) => {
        // Entities this request already loaded (e.g. a list its resolver read through the EntityManager) need no query.
        const em = this.em();
        const managed = new Map<number, unknown>();
        for (const id of ids) {
          const known = em.getUnitOfWork().getById(entity.name, id);
          if (known && wrap(known).isInitialized()) managed.set(id, known);
        }
        const missing = ids.filter((id) => !managed.has(id));
        const rows = missing.length ? await readRowsByKey(em, entity, 'id', missing, props) : [];
        const byId = new Map<number, unknown>([...managed, ...rows.map((row) => [row.id, row] as const)]);
        return ids.map((id) => (byId.get(id) as EntityRow | undefined) ?? null);
      });
      this.byIdLoaders.set(key, loader);
    }
    return loader as unknown as DataLoader<number, RowOf<T> | null>;
  }

  /** Lookup by a unique column other than id (City by `code`, Company by `creditCode`). */
  byField(entity: EntityClass, prop: string): DataLoader<string, EntityRow | null> {
    const key = `${entity.name}.${prop}`;
    let loader = this.byFieldLoaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (values: readonly string[]) => {
        const rows = await readRowsByKey(this.em(), entity, prop, values);
        const byValue = new Map(rows.map((row) => [String(row[prop]), row]));
        return values.map((value) => byValue.get(value) ?? null);
      });
      this.byFieldLoaders.set(key, loader);
    }
    return loader;
  }

  /**
   * Children of many parents at once, narrowed by the same condition (`plans(year: 2025)`). A parent
   * may have at most `bound.maxRows` of them: the read stops one row past what the parents may have
   * together, and a parent over its bound is refused rather than cut short.
   */
  children(
    entity: EntityClass,
    foreignKey: string,
    where: FilterQuery<object>,
    props: string[] | undefined,
    bound: { field: string; maxRows: number },
  ): DataLoader<number, EntityRow[]> {
    const key = `${entity.name}.${foreignKey}:${JSON.stringify(where)}:${props ?? '*'}`;
    let loader = this.childLoaders.get(key);
    if (!loader) {
      loader = new DataLoader<number, EntityRow[]>(async (parentIds: readonly number[]) => {
        const limit = parentIds.length * bound.maxRows + 1;
        const rows = await readRows(
          this.em(),
          entity,
          { $and: [where, { [foreignKey]: { $in: [...parentIds] } }] },
          { props, orderBy: [{ id: 'ASC' }], limit },
        );
        const grouped = new Map<number, EntityRow[]>(parentIds.map((id) => [id, []]));
        for (const row of rows) grouped.get((row[foreignKey] as { id: number }).id)?.push(row);
        return parentIds.map((id) => {
          const children = grouped.get(id)!;
          return children.length > bound.maxRows ? tooManyChildren(bound.field, bound.maxRows) : children;
        });
      });
      this.childLoaders.set(key, loader);
    }
    return loader;
  }

  /** A named per-request loader for computed values (figures per city and year), batched by `load`. */
  keyed<V>(name: string, batch: (keys: readonly string[]) => Promise<V[]>): DataLoader<string, V> {
    let loader = this.keyedLoaders.get(name);
    if (!loader) {
      loader = new DataLoader<string, unknown>(batch);
      this.keyedLoaders.set(name, loader);
    }
    return loader as DataLoader<string, V>;
  }
}
