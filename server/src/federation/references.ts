import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import type { Context } from '../context.js';
import { readRows, type Row } from '../common/rows.js';
import { badInput } from '../common/errors.js';
import { scoped } from '../auth/scope.js';
import type { ResourceDef } from '../common/resource.js';

type Representation = Record<string, unknown>;

/** A representation reduced to the key it names: `["code","330100"]`, so equal references share one load. */
function keyOf(def: ResourceDef, representation: Representation): string {
  const field = def.keys!.find((key) => representation[key] !== undefined && representation[key] !== null);
  if (!field) {
    const expected = def.keys!.join(' / ');
    throw badInput('representations', `${def.name} 的引用缺少键字段（${expected}）`, `a ${def.name} reference needs one of its key fields (${expected})`);
  }
  return JSON.stringify([field, String(representation[field])]);
}

/**
 * All references to one type in one `_entities` call, in one query whatever keys they use
 * (`id in (…) or code in (…)`); answers in the order asked, null where no row has that key.
 */
async function loadByKeys(em: EntityManager, def: ResourceDef, keys: readonly string[]): Promise<(Row | null)[]> {
  const properties = em.getMetadata().get(def.entity.name).properties as Record<string, { runtimeType: string }>;
  const wanted = keys.map((key) => JSON.parse(key) as [string, string]);
  const valuesByField = new Map<string, unknown[]>();
  for (const [field, value] of wanted) {
    const numeric = properties[field]!.runtimeType === 'number';
    // A key that cannot be a value of its column names no row; it must not reach the query.
    if (numeric && !Number.isSafeInteger(Number(value))) continue;
    valuesByField.set(field, [...(valuesByField.get(field) ?? []), numeric ? Number(value) : value]);
  }
  const conditions = [...valuesByField].map(([field, values]) => ({ [field]: { $in: values } }));
  if (conditions.length === 0) return wanted.map(() => null);
  const rows = await readRows(em, def.entity, scoped(def, (conditions.length === 1 ? conditions[0] : { $or: conditions }) as FilterQuery<object>));
  const found = new Map<string, Row>();
  for (const row of rows) {
    for (const field of valuesByField.keys()) found.set(JSON.stringify([field, String(row[field])]), row);
  }
  return keys.map((key) => found.get(key) ?? null);
}

/** `__resolveReference` for every entity resource, batched per type through the request's loaders. */
export function referenceResolvers(resources: ResourceDef[]) {
  return Object.fromEntries(
    resources
      .filter((def) => def.keys?.length)
      .map((def) => [
        def.name,
        {
          // async: a refused representation fails its own `_entities` slot, not the whole list
          async __resolveReference(representation: Representation, ctx: Context) {
            return ctx.loaders.keyed(`entities:${def.name}`, (keys) => loadByKeys(ctx.em, def, keys)).load(keyOf(def, representation));
          },
        },
      ]),
  );
}
