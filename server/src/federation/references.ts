import type { GraphQLFieldResolver, GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import { ReferenceKind, type EntityMetadata, type EntityProperty } from '@mikro-orm/core';
import { readRowsByCompoundKey, readRowsByKey, type EntityRow } from '../read/rows.js';
import { keysOf, valueAt, type EntityKey, type KeyPart } from './keys.js';
import { badInput, type AppError } from '../common/errors.js';
import { readScope } from '../auth/scope.js';
import type { ResourceDef } from '../common/resource.js';
import { selectedPropsOn } from '../read/selection.js';
import { append } from '../common/multimap.js';

/** What `_entities` answers in one slot: the row, null where no row has the key, or why it was refused. */
type Slot = (EntityRow & { __typename: string }) | null | Error;

const refused = (index: number, zh: string, en: string): AppError =>
  badInput('representations', `第 ${index + 1} 个引用${zh}`, `representation ${index}: ${en}`);

/** The first key a representation carries whole, with its values in the key's order, or why it carries none. */
function keyOf(def: ResourceDef, representation: Record<string, unknown>, index: number): [EntityKey, Array<string | number>] | AppError {
  const keys = keysOf(def);
  const present = (part: KeyPart) => {
    const value = valueAt(representation, part);
    return value !== undefined && value !== null;
  };
  const key = keys.find((k) => k.parts.every(present));
  if (!key) {
    const partial = keys.find((k) => k.parts.length > 1 && k.parts.some(present));
    if (partial) {
      const missing = partial.parts.filter((part) => !present(part)).map((part) => part.path.join('.'));
      return refused(index, `的复合键（${partial.fields}）缺少 ${missing.join('、')}`, `the compound key (${partial.fields}) lacks ${missing.join(', ')}`);
    }
    const expected = keys.map((k) => k.fields).join(' / ');
    return refused(index, `缺少 ${def.name} 的键字段（${expected}）`, `a ${def.name} reference needs one of its keys (${expected})`);
  }
  const values: Array<string | number> = [];
  for (const part of key.parts) {
    const value = valueAt(representation, part);
    if (typeof value !== 'string' && typeof value !== 'number') {
      const field = `${def.name}.${part.path.join('.')}`;
      return refused(index, `的 ${field} 须为字符串或数字`, `${field} must be a string or a number`);
    }
    values.push(value);
  }
  return [key, values];
}

/** The representations of one type asking by one key: each distinct value (a JSON array of the key's values) and the slots that ask for it. */
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
  // A key that names no column fails here, at start, not at a gateway's first reference.
  for (const def of entities.values()) keysOf(def);
  return async (_root, { representations }, ctx, info) => {
    const slots: Slot[] = new Array(representations.length).fill(null);
    const groups = new Map<ResourceDef, Map<EntityKey, KeyGroup>>();
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
      const [entityKey, values] = key;
      let byKey = groups.get(def);
      if (!byKey) groups.set(def, (byKey = new Map()));
      let byValue = byKey.get(entityKey);
      if (!byValue) byKey.set(entityKey, (byValue = new Map()));
      const text = JSON.stringify(values);
      const asking = byValue.get(text);
      if (asking) asking.push(index);
      else byValue.set(text, [index]);
    });
    const loads = [...groups].flatMap(([def, byKey]) =>
      [...byKey].map(async ([entityKey, byValue]) => {
        try {
          await fillGroup(ctx, info, def, entityKey, byValue, slots);
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

/**
 * A key's values as its columns hold them: a number for an id, a reference or an integer column (a value
 * that is no safe integer names no row), text otherwise. Null when the tuple can match no row.
 */
function columnValues(meta: EntityMetadata, key: EntityKey, values: Array<string | number>): Array<string | number> | null {
  const out: Array<string | number> = [];
  for (const [i, part] of key.parts.entries()) {
    const prop = meta.properties[part.prop as never] as EntityProperty | undefined;
    const numeric = prop?.kind === ReferenceKind.MANY_TO_ONE || prop?.runtimeType === 'number';
    const value = numeric ? Number(values[i]) : String(values[i]);
    if (numeric && !Number.isSafeInteger(value)) return null;
    out.push(value);
  }
  return out;
}

/** A row's own values of a key, as `columnValues` gives a representation's. */
const rowValues = (row: EntityRow, key: EntityKey) =>
  JSON.stringify(key.parts.map((part) => (part.path.length > 1 ? (row[part.prop] as { id: number } | null)?.id : row[part.prop])));

async function fillGroup(ctx: Context, info: GraphQLResolveInfo, def: ResourceDef, key: EntityKey, byValue: KeyGroup, slots: Slot[]): Promise<void> {
  const meta = ctx.em.getMetadata().get(def.entity.name);
  // A value that cannot be in the key's columns names no row, and is not sent to the database.
  const asked = new Map<string, number[]>();
  for (const [text, indexes] of byValue) {
    const values = columnValues(meta, key, JSON.parse(text) as Array<string | number>);
    if (values) append(asked, JSON.stringify(values), ...indexes);
  }
  if (asked.size === 0) return;
  const props = selectedPropsOn(def, info, keyProps(def));
  const tuples = [...asked.keys()].map((text) => JSON.parse(text) as Array<string | number>);
  const rows =
    key.parts.length === 1
      ? await readRowsByKey(
          ctx.em,
          def.entity,
          key.parts[0]!.prop,
          tuples.map(([value]) => value!),
          props,
          readScope(def, ctx.actor),
        )
      : await readRowsByCompoundKey(
          ctx.em,
          def.entity,
          key.parts.map((part) => part.prop),
          tuples,
          props,
          readScope(def, ctx.actor),
        );
  for (const row of rows) {
    for (const index of asked.get(rowValues(row, key)) ?? []) slots[index] = { ...row, __typename: def.name };
  }
}

/** Every property some key of the resource reads, so that any group can match its rows. */
const keyProps = (def: ResourceDef): string[] => [...new Set(keysOf(def).flatMap((key) => key.parts.map((part) => part.prop)))];
