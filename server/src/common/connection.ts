import { Field, Int, ObjectType } from 'type-graphql';
import type { FilterQuery } from '@mikro-orm/core';
import { badInput } from './errors.js';
import { SortDirection } from './operators.js';
import type { SortTerm } from './where.js';
import type { EntityRow } from '../read/rows.js';
import type { EntityClass } from './resource.js';
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

type Key = string | number | boolean | null;

const valueAt = (row: EntityRow, term: SortTerm): Key => {
  const value = row[term.props[0]!] as Key | { id: number };
  return value !== null && typeof value === 'object' ? value.id : value;
};

/** A cursor: the last row's sort values (own columns only), opaque to clients. */
export const cursorOf = (row: EntityRow, terms: SortTerm[]): string => Buffer.from(JSON.stringify(terms.map((t) => valueAt(row, t)))).toString('base64url');

function decode(cursor: string, terms: SortTerm[]): Key[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = undefined;
  }
  const fits = Array.isArray(values) && values.length === terms.length && values.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v));
  if (!fits) throw badInput('after', `无效的游标：${cursor.slice(0, 40)}`, `after is not a cursor of this list and order`);
  return values as Key[];
}

/** Connections sort by the record's own columns: the cursor holds their values. */
export function assertOwnColumns(terms: SortTerm[]): void {
  const far = terms.find((t) => t.props.length > 1);
  if (far)
    throw badInput(
      'orderBy',
      `游标分页只能按本表字段排序：${far.props.join('.')}`,
      `cursor pages sort by the record's own columns only, not ${far.props.join('.')}`,
    );
}

/**
 * The rows after the cursor in the terms' order (nulls last going up, first going down): a keyset
 * condition, so rows inserted or deleted meanwhile never make a page repeat or skip another row.
 */
export function afterCursor(cursor: string, terms: SortTerm[]): FilterQuery<object> {
  const values = decode(cursor, terms);
  const alternatives: Array<Record<string, unknown>> = [];
  terms.forEach((term, i) => {
    const prop = term.props[0]!;
    const value = values[i]!;
    const equalBefore = terms.slice(0, i).map((t, j) => ({ [t.props[0]!]: values[j] }));
    let after: Record<string, unknown> | undefined;
    if (term.direction === SortDirection.ASC) {
      // Nulls come last: after a null nothing differs in this column; after a value, greater values and nulls.
      if (value !== null) after = term.nullable ? { $or: [{ [prop]: { $gt: value } }, { [prop]: null }] } : { [prop]: { $gt: value } };
    } else {
      after = value === null ? { [prop]: { $ne: null } } : { [prop]: { $lt: value } };
    }
    if (after) alternatives.push({ $and: [...equalBefore, after] });
  });
  return alternatives.length === 0 ? { id: { $in: [] } } : { $or: alternatives };
}
