import type { GraphQLFieldResolver, GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import { readRowsByKey, type EntityRow } from '../read/rows.js';
import { badInput, type AppError } from '../common/errors.js';
import { readScope } from '../auth/scope.js';
import type { ResourceDef } from '../common/resource.js';
import { selectedPropsOn } from '../read/selection.js';

/** What `_entities` answers in one slot: the row, null where no row has the key, or why it was refused. */
type Slot = (EntityRow & { __typename: string }) | null | Error;

const refused = (index: number, zh: string, en: string): AppError =>
  badInput('representations', `第 ${index + 1} 个引用${zh}`, `representation ${index}: ${en}`);

/** The field and value of the first key a representation carries, or why it carries none. */
function keyOf(def: ResourceDef, representation: Record<string, unknown>, index: number): [string, string | number] | AppError {
  const field = def.keys!.find((key) => representation[key] !== undefined && representation[key] !== null);
  if (!field) {
    const expected = def.keys!.join(' / ');
    return refused(index, `缺少 ${def.name} 的键字段（${expected}）`, `a ${def.name} reference needs one of its key fields (${expected})`);
  }
  const value = representation[field];
  if (typeof value !== 'string' && typeof value !== 'number') {
    return refused(index, `的 ${def.name}.${field} 须为字符串或数字`, `${def.name}.${field} must be a string or a number`);
  }
  return [field, value];
}

/** The representations of one type asking by one key field: each distinct value and the slots that ask for it. */
type KeyGroup = Map<string, number[]>;

/**
 * `Query._entities` for every entity resource, in place of @apollo/subgraph's: every representation is
 * checked on its own, so an unknown type or a malformed key fails its own slot with a typed error and
 * never the call (nor, through a stray rejection, the process). References are grouped in one pass
 * (type, then key field, then value) and each group is one prepared statement with the values bound
 * as one array parameter, reading only the columns the query selects on that type, within the
 * reader's scope; slots come back in the order asked.
 */
export function entitiesResolver(resources: ResourceDef[]): GraphQLFieldResolver<unknown, Context, { representations: unknown[] }> {
  const entities = new Map(resources.filter((def) => def.keys?.length).map((def) => [def.name, def]));
  return async (_root, { representations }, ctx, info) => {
    const slots: Slot[] = new Array(representations.length).fill(null);
    const groups = new Map<ResourceDef, Map<string, KeyGroup>>();
    representations.forEach((representation, index) => {
      if (typeof representation !== 'object' || representation === null || Array.isArray(representation)) {
        slots[index] = refused(index, '须为对象', 'must be an object');
        return;
      }
      const typename = (representation as Record<string, unknown>).__typename;
      const def = typeof typename === 'string' ? entities.get(typename) : undefined;
      if (!def) {
        const known = [...entities.keys()].join(', ');
        slots[index] = refused(index, `的 __typename 不是本系统的实体类型（${known}）`, `__typename must name one of our entity types (${known})`);
        return;
      }
      const key = keyOf(def, representation as Record<string, unknown>, index);
      if (key instanceof Error) {
        slots[index] = key;
        return;
      }
      const [field, value] = key;
      let byField = groups.get(def);
      if (!byField) groups.set(def, (byField = new Map()));
      let byValue = byField.get(field);
      if (!byValue) byField.set(field, (byValue = new Map()));
      const asking = byValue.get(String(value));
      if (asking) asking.push(index);
      else byValue.set(String(value), [index]);
    });
    const loads = [...groups].flatMap(([def, byField]) =>
      [...byField].map(async ([field, byValue]) => {
        try {
          await fillGroup(ctx, info, def, field, byValue, slots);
        } catch (error) {
          // A refusal of the whole type (the reader may not read it) answers each of its slots.
          for (const indexes of byValue.values()) for (const index of indexes) slots[index] = error as Error;
        }
      }),
    );
    await Promise.all(loads);
    return slots;
  };
}

async function fillGroup(ctx: Context, info: GraphQLResolveInfo, def: ResourceDef, field: string, byValue: KeyGroup, slots: Slot[]): Promise<void> {
  const meta = ctx.em.getMetadata().get(def.entity.name);
  const numeric = meta.properties[field as never]?.runtimeType === 'number';
  // A value that cannot be in the key's column names no row, and is not sent to the database.
  const values = numeric ? [...byValue.keys()].map(Number).filter(Number.isSafeInteger) : [...byValue.keys()];
  if (values.length === 0) return;
  const rows = await readRowsByKey(ctx.em, def.entity, field, values, selectedPropsOn(def, info, [field]), readScope(def));
  for (const row of rows) {
    for (const index of byValue.get(String(row[field])) ?? []) slots[index] = { ...row, __typename: def.name };
  }
}
