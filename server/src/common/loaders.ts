import DataLoader from 'dataloader';
import { wrap, type EntityManager, type FilterQuery } from '@mikro-orm/core';
import type { BaseEntity } from './base.entity.js';
import type { EntityClass } from './resource.js';

/** Per-request batching: one query per entity type and per collection shape, whatever the row count. */
export class Loaders {
  private readonly byIdLoaders = new Map<string, DataLoader<number, BaseEntity | null>>();
  private readonly childLoaders = new Map<string, DataLoader<number, BaseEntity[]>>();
  private readonly byFieldLoaders = new Map<string, DataLoader<string, BaseEntity | null>>();
  private readonly keyedLoaders = new Map<string, DataLoader<string, unknown>>();

  constructor(private readonly em: EntityManager) {}

  byId<T extends BaseEntity>(entity: EntityClass<T>): DataLoader<number, T | null> {
    let loader = this.byIdLoaders.get(entity.name);
    if (!loader) {
      loader = new DataLoader(async (ids: readonly number[]) => {
        const missing = ids.filter((id) => {
          const known = this.em.getUnitOfWork().getById(entity.name, id);
          return !known || !wrap(known).isInitialized();
        });
        if (missing.length > 0) await this.em.find(entity, { id: { $in: missing } } as unknown as FilterQuery<T>);
        return ids.map((id) => (this.em.getUnitOfWork().getById(entity.name, id) as T | undefined) ?? null);
      });
      this.byIdLoaders.set(entity.name, loader);
    }
    return loader as DataLoader<number, T | null>;
  }

  /** Lookup by a unique column other than id (City by `code`, Company by `creditCode`). */
  byField<T extends BaseEntity>(entity: EntityClass<T>, prop: string): DataLoader<string, T | null> {
    const key = `${entity.name}.${prop}`;
    let loader = this.byFieldLoaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (values: readonly string[]) => {
        const rows = await this.em.find(entity, { [prop]: { $in: [...values] } } as FilterQuery<T>);
        const byValue = new Map(rows.map((row) => [String((row as unknown as Record<string, unknown>)[prop]), row]));
        return values.map((value) => byValue.get(value) ?? null);
      });
      this.byFieldLoaders.set(key, loader);
    }
    return loader as DataLoader<string, T | null>;
  }

  /** Children of many parents at once, narrowed by the same condition (`plans(year: 2025)`). */
  children<T extends BaseEntity>(entity: EntityClass<T>, foreignKey: string, where: Record<string, unknown>): DataLoader<number, T[]> {
    const key = `${entity.name}.${foreignKey}:${JSON.stringify(where)}`;
    let loader = this.childLoaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (parentIds: readonly number[]) => {
        const rows = await this.em.find(
          entity,
          { ...where, [foreignKey]: { $in: [...parentIds] } } as FilterQuery<T>,
          { orderBy: { id: 'ASC' } as never },
        );
        const grouped = new Map<number, T[]>(parentIds.map((id) => [id, []]));
        for (const row of rows) {
          const parent = (row as unknown as Record<string, BaseEntity>)[foreignKey]!;
          grouped.get(parent.id)?.push(row);
        }
        return parentIds.map((id) => grouped.get(id)!);
      });
      this.childLoaders.set(key, loader);
    }
    return loader as DataLoader<number, T[]>;
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
