import { Utils, type EntityManager, type FilterQuery } from '@mikro-orm/core';
import { AppError } from './errors.js';
import { chunksOf } from './batch-lookups.js';
import { readRows } from '../read/rows.js';
import { propOf, type ResourceDef } from './resource.js';
import type { Slot } from './batch-write.js';
import { append } from './multimap.js';

type Bag = Record<string, unknown>;

/** How a key value compares: a referenced row (an entity, or `{ id }` as read) by its id. */
const keyValue = (value: unknown): unknown =>
  Utils.isEntity(value) || (Utils.isPlainObject(value) && 'id' in (value as object)) ? (value as { id: number }).id : (value ?? null);

/** Rows the unique-key checks are about: new rows, and rows whose key changes. */
const changesKey = (slot: Slot, props: string[]) =>
  slot.kind === 'create' || props.some((p) => keyValue(slot.before?.[p]) !== keyValue((slot.entity as unknown as Bag)[p]));

const LOOKUP_CHUNK = 300;

/**
 * The rows of `slots` whose unique key another row holds: one query per key (and chunk) for the
 * stored rows, and the rows of the batch itself in their order. A stored row that an earlier row of
 * the batch moves off the key no longer holds it, as when the rows were saved one after another.
 */
export async function findUniqueClashes(em: EntityManager, def: ResourceDef, slots: Slot[]): Promise<Map<Slot, AppError>> {
  const clashes = new Map<Slot, AppError>();
  const position = new Map(slots.filter((s) => s.entity?.id).map((s) => [s.entity!.id, s]));
  for (const props of def.unique ?? []) {
    const keyOf = (bag: Bag) => JSON.stringify(props.map((p) => keyValue(bag[p])));
    const checked = slots.filter((s) => !clashes.has(s) && changesKey(s, props));
    if (checked.length === 0) continue;
    const holders = new Map<string, number[]>();
    for (const chunk of chunksOf(checked, LOOKUP_CHUNK)) {
      const where = { $or: chunk.map((s) => Object.fromEntries(props.map((p) => [p, keyValue((s.entity as unknown as Bag)[p])]))) };
      for (const row of await readRows(em, def.entity, where as FilterQuery<object>, { props: ['id', ...props] })) {
        const key = keyOf(row);
        append(holders, key, row.id);
      }
    }
    const label = props.map((p) => def.fields.find((f) => propOf(f) === p)?.labelZh ?? p).join('、');
    const field = def.fields.find((f) => propOf(f) === props[0])?.name ?? props[0];
    const claimed = new Map<string, Slot>();
    for (const slot of checked) {
      const key = keyOf(slot.entity as unknown as Bag);
      const holder = (holders.get(key) ?? []).find((id) => {
        if (id === slot.entity!.id) return false;
        const other = position.get(id);
        const movedOffEarlier = other && other.index < slot.index && !other.error && keyOf(other.entity as unknown as Bag) !== key;
        return !movedOffEarlier;
      });
      const earlier = claimed.get(key);
      if (holder !== undefined) {
        clashes.set(
          slot,
          new AppError({
            code: 'CONFLICT',
            rule: 'UNIQUE',
            field,
            zh: `已存在相同${label}的${def.labelZh}（编号 ${holder}）`,
            en: `a ${def.name} with the same ${props.join(', ')} already exists (id ${holder})`,
            details: { existingId: holder },
          }),
        );
      } else if (earlier) {
        clashes.set(
          slot,
          new AppError({
            code: 'CONFLICT',
            rule: 'UNIQUE',
            field,
            zh: `本次保存的第 ${earlier.index + 1} 行已有相同${label}的${def.labelZh}`,
            en: `row ${earlier.index + 1} of this save has the same ${props.join(', ')}`,
            details: { existingRow: earlier.index },
          }),
        );
      } else {
        claimed.set(key, slot);
      }
    }
  }
  return clashes;
}
