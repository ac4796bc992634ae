import type { EntityManager } from '@mikro-orm/core';
import type { Actor } from '../auth/actor.js';
import type { GraphQLResolveInfo } from 'graphql';
import { selectedFieldNames } from '../read/selection.js';
import { afterCursor, cursorOf, sortValuesOf } from './connection.js';
import { badInput } from './errors.js';
import { textMatchOperator } from './filters.js';
import { QUERY_SHAPE_LIMITS } from './query-shape-limits.js';
import type { ResourceDef } from './resource.js';
import { readRows } from '../read/rows.js';
import { orderOf, rowsWhere, typedSort } from './where.js';

type Args = Record<string, unknown>;

/** One page of a connection: `first` rows after the cursor, one more read to tell whether a next page exists. */
export async function cursorPage(em: EntityManager, actor: Actor | null, def: ResourceDef, args: Args, info: GraphQLResolveInfo) {
  const { defaultFirst, maxFirst } = QUERY_SHAPE_LIMITS;
  const first = (args.first as number | null) ?? defaultFirst;
  if (!Number.isInteger(first) || first < 1 || first > maxFirst)
    throw badInput('first', `first 须在 1 到 ${maxFirst} 之间`, `first must be between 1 and ${maxFirst}`);
  const terms = typedSort(def, (args.orderBy as Args[] | null) ?? [], actor);
  const where = rowsWhere(def, args, textMatchOperator(em), actor);
  const after = args.after as string | null | undefined;
  const page = after === null || after === undefined ? where : { $and: [where, afterCursor(after, def, terms)] };
  const read = await readRows(em, def.entity, page, { orderBy: orderOf(terms), limit: first + 1 });
  const edges = (await sortValuesOf(em, def, read.slice(0, first), terms)).map(({ row, values }) => ({ cursor: cursorOf(def, terms, values), node: row }));
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: { hasNextPage: read.length > first, endCursor: edges.length > 0 ? edges[edges.length - 1]!.cursor : null },
    totalCount: selectedFieldNames(info).has('totalCount') ? await em.count(def.entity, where) : null,
  };
}
