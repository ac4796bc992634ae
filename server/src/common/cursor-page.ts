import type { EntityManager } from '@mikro-orm/core';
import type { GraphQLResolveInfo } from 'graphql';
import { selectedFieldNames } from '../read/selection.js';
import { afterCursor, assertOwnColumns, cursorOf } from './connection.js';
import { badInput } from './errors.js';
import { textMatchOperator } from './filters.js';
import { QUERY_SHAPE_LIMITS } from './query-shape-limits.js';
import type { ResourceDef } from './resource.js';
import { readRows } from '../read/rows.js';
import { orderOf, rowsWhere, typedSort } from './where.js';

type Args = Record<string, unknown>;

/** One page of a connection: `first` rows after the cursor, one more read to tell whether a next page exists. */
export async function cursorPage(em: EntityManager, def: ResourceDef, args: Args, info: GraphQLResolveInfo) {
  const { defaultFirst, maxFirst } = QUERY_SHAPE_LIMITS;
  const first = (args.first as number | null) ?? defaultFirst;
  if (!Number.isInteger(first) || first < 1 || first > maxFirst)
    throw badInput('first', `first 须在 1 到 ${maxFirst} 之间`, `first must be between 1 and ${maxFirst}`);
  const terms = typedSort(def, (args.orderBy as Args[] | null) ?? []);
  assertOwnColumns(terms);
  const where = rowsWhere(def, args, textMatchOperator(em));
  const page = args.after ? { $and: [where, afterCursor(args.after as string, terms)] } : where;
  const read = await readRows(em, def.entity, page, { orderBy: orderOf(terms), limit: first + 1 });
  const rows = read.slice(0, first);
  const last = rows[rows.length - 1];
  return {
    edges: rows.map((node) => ({ cursor: cursorOf(node, terms), node })),
    nodes: rows,
    pageInfo: { hasNextPage: read.length > first, endCursor: last ? cursorOf(last, terms) : null },
    totalCount: selectedFieldNames(info).has('totalCount') ? await em.count(def.entity, where) : null,
  };
}
