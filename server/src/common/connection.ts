import { createHash } from 'node:crypto';
import { Field, Int, ObjectType } from 'type-graphql';
import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { badInput } from './errors.js';
import { nest } from './filters.js';
import { MAX_ID } from './ids.js';
import { SortDirection } from './operators.js';
import { CalendarDate } from './scalars.js';
import { hasUnstorableText } from './text-input.js';
import type { SortTerm } from './where.js';
import { readPathValues, type EntityRow } from '../read/rows.js';
import type { EntityClass, ResourceDef } from './resource.js';
import type { Class } from './graphql-types.js';

@ObjectType({ description: 'Where a cursor page stands' })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page; null on an empty page' })
  endCursor!: string | null;
}

/** `IntakeConnection` and `IntakeEdge` of a resource's entity type. */
export function connectionTypes(name: string, node: EntityClass): Class {
  const Edge = { [`${name}Edge`]: class {} }[`${name}Edge`]!;
  ObjectType(`${name}Edge`)(Edge);
  Field(() => String)(Edge.prototype, 'cursor');
  Field(() => node)(Edge.prototype, 'node');

  const Connection = { [`${name}Connection`]: class {} }[`${name}Connection`]!;
  ObjectType(`${name}Connection`, { description: `A cursor page of ${name} rows` })(Connection);
  Field(() => [Edge])(Connection.prototype, 'edges');
  Field(() => [node])(Connection.prototype, 'nodes');
  Field(() => PageInfo)(Connection.prototype, 'pageInfo');
  Field(() => Int, { description: 'Rows matching the filter, all pages together' })(Connection.prototype, 'totalCount');
  return Connection;
}

/** One sort value of a row: a column's value, or a reference's id. */
type Key = string | number | boolean | null;

const keyOf = (value: unknown): Key => (value !== null && typeof value === 'object' ? (value as { id: number }).id : (value as Key));

/**
 * Each row's values of the sort terms, in the terms' order: its own columns from the row, the values
 * at the end of reference paths (`plan.school.city.code`) read for the whole page in one statement.
 * A row deleted between the two reads is left out (it is gone, and so is its place in the order).
 */
export async function sortValuesOf(
  em: EntityManager,
  def: ResourceDef,
  rows: EntityRow[],
  terms: SortTerm[],
): Promise<Array<{ row: EntityRow; values: Key[] }>> {
  const far = terms.filter((t) => t.props.length > 1);
  const read =
    far.length > 0 && rows.length > 0
      ? await readPathValues(
          em,
          def.entity,
          rows.map((r) => r.id),
          far.map((t) => t.props),
        )
      : undefined;
  return rows.flatMap((row) => {
    const along = read?.get(row.id);
    if (read && !along) return [];
    let next = 0;
    return [{ row, values: terms.map((t) => keyOf(t.props.length > 1 ? along![next++] : row[t.props[0]!])) }];
  });
}

/** Which list and order a cursor belongs to: the resource and every term's path and direction. */
const orderKey = (def: ResourceDef, terms: SortTerm[]): string =>
  createHash('sha256')
    .update(`${def.name}:${terms.map((t) => `${t.props.join('.')} ${t.direction}`).join(',')}`)
    .digest('base64url')
    .slice(0, 12);

/** A cursor: the list and order it belongs to and a row's sort values (along reference paths too), opaque to clients. */
export const cursorOf = (def: ResourceDef, terms: SortTerm[], values: Key[]): string =>
  Buffer.from(JSON.stringify({ o: orderKey(def, terms), v: values })).toString('base64url');

/** Integer columns are 32-bit on both databases. */
const INT_LIMIT = 2 ** 31 - 1;

/** Whether a cursor value can be a value of the term's column, so that no database is asked to compare a text with a date. */
function fits(term: SortTerm, value: unknown): boolean {
  if (value === null) return term.nullable;
  switch (term.kind) {
    case 'int':
      return Number.isSafeInteger(value) && Math.abs(value as number) <= INT_LIMIT;
    case 'ref':
      return Number.isSafeInteger(value) && (value as number) > 0 && (value as number) <= MAX_ID;
    case 'float':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'date':
      try {
        return typeof value === 'string' && CalendarDate.parseValue(value) === value;
      } catch {
        return false;
      }
    default:
      return typeof value === 'string' && !hasUnstorableText(value);
  }
}

function decode(cursor: string, def: ResourceDef, terms: SortTerm[]): Key[] {
  let parsed: { o?: unknown; v?: unknown } | undefined;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as typeof parsed;
  } catch {
    parsed = undefined;
  }
  const values = parsed?.v;
  const ok =
    typeof parsed === 'object' &&
    parsed !== null &&
    parsed.o === orderKey(def, terms) &&
    Array.isArray(values) &&
    values.length === terms.length &&
    terms.every((term, i) => fits(term, values[i]));
  if (!ok) throw badInput('after', `无效的游标：${cursor.slice(0, 40)}`, `after is not a cursor of this list and order`);
  return values as Key[];
}

/**
 * The rows after the cursor in the terms' order (nulls last going up, first going down, as the offset
 * lists sort): a keyset condition on the sort values, through reference paths too, so rows inserted
 * or deleted meanwhile never make a page repeat or skip another row.
 */
export function afterCursor(cursor: string, def: ResourceDef, terms: SortTerm[]): FilterQuery<object> {
  const values = decode(cursor, def, terms);
  const at = (term: SortTerm, condition: unknown) => nest(term.props.join('.'), condition);
  const alternatives: Array<Record<string, unknown>> = [];
  terms.forEach((term, i) => {
    const value = values[i]!;
    const equalBefore = terms.slice(0, i).map((t, j) => at(t, values[j]));
    let after: Record<string, unknown> | undefined;
    if (term.direction === SortDirection.ASC) {
      // Nulls come last: after a null nothing differs in this column; after a value, greater values and nulls.
      if (value !== null) after = term.nullable ? { $or: [at(term, { $gt: value }), at(term, null)] } : at(term, { $gt: value });
    } else {
      after = value === null ? at(term, { $ne: null }) : at(term, { $lt: value });
    }
    if (after) alternatives.push({ $and: [...equalBefore, after] });
  });
  return alternatives.length === 0 ? { id: { $in: [] } } : { $or: alternatives };
}
