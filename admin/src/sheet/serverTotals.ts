import { useLayoutEffect, useState } from 'react';
import { gql } from '@apollo/client';
import { GraphQLObjectType, getNamedType } from 'graphql';
import { pluralOf, runQuery } from '../dataProvider';
import { schema } from '../schema';

/** The whole filtered set's figures, as the server counts and sums them (not the rows loaded in the browser). */
export interface ServerTotals {
  count: number;
  /** per summed column the server can sum */
  sums: Record<string, number | null>;
}

/** The summed columns the resource's `aggregateX` offers a sum of. */
function summable(field: string, summed: string[]): string[] {
  const sum = schema.getQueryType()!.getFields()[field]?.type;
  const group = sum && getNamedType(sum);
  const numbers = group instanceof GraphQLObjectType ? getNamedType(group.getFields().sum?.type) : undefined;
  if (!(numbers instanceof GraphQLObjectType)) return [];
  const offered = numbers.getFields();
  return summed.filter((source) => source in offered);
}

/**
 * The one place the sheet asks the server for totals: `aggregateX(filter)` without a group-by is one
 * group of every row the filter (and the reader's scope) admits, with its count and the column sums.
 */
export async function fetchTotals(resource: string, filter: Record<string, unknown>, summed: string[]): Promise<ServerTotals> {
  const field = `aggregate${pluralOf(resource)}`;
  const query = schema.getQueryType()!.getFields()[field];
  if (!query) return fetchCount(resource, filter);
  const filterType = query.args.find((arg) => arg.name === 'filter')!.type.toString();
  const sums = summable(field, summed);
  const selection = sums.length > 0 ? `count sum { ${sums.join(' ')} }` : 'count';
  const document = gql`query SheetTotals($filter: ${filterType}) { ${field}(filter: $filter) { ${selection} } }`;
  const result = await runQuery<Record<string, { count: number; sum?: Record<string, number | null> }[]>>(document, { filter });
  const group = result[field]![0];
  return { count: group?.count ?? 0, sums: Object.fromEntries(sums.map((source) => [source, group?.sum?.[source] ?? 0])) };
}

/** For a resource without an aggregate query: the count alone. */
async function fetchCount(resource: string, filter: Record<string, unknown>): Promise<ServerTotals> {
  const field = `_all${pluralOf(resource)}Meta`;
  const countQuery = schema.getQueryType()!.getFields()[field]!;
  const filterType = countQuery.args.find((arg) => arg.name === 'filter')!.type.toString();
  const document = gql`query SheetCount($filter: ${filterType}) { ${field}(filter: $filter) { count } }`;
  const result = await runQuery<Record<string, { count: number }>>(document, { filter });
  return { count: result[field]!.count, sums: {} };
}

export function useServerTotals(resource: string, filter: Record<string, unknown>, summed: string[], generation: number): ServerTotals | undefined {
  const [totals, setTotals] = useState<ServerTotals>();
  const key = JSON.stringify(filter);
  const summedKey = summed.join(',');
  // a layout effect: the count and sums are asked for before the grid is built (Grid.tsx)
  useLayoutEffect(() => {
    let live = true;
    setTotals(undefined);
    fetchTotals(resource, JSON.parse(key) as Record<string, unknown>, summedKey ? summedKey.split(',') : []).then(
      (result) => live && setTotals(result),
      () => live && setTotals(undefined),
    );
    return () => {
      live = false;
    };
  }, [resource, key, summedKey, generation]);
  return totals;
}
