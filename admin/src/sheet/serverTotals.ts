import { useEffect, useState } from 'react';
import { gql } from '@apollo/client';
import { pluralOf, runQuery } from '../dataProvider';
import { schema } from '../schema';

/** The whole filtered set's figures, as the server counts them (not the rows loaded in the browser). */
export interface ServerTotals {
  count: number;
  /** per summed column; undefined until the server offers sums */
  sums?: Record<string, number>;
}

/**
 * The one place the sheet asks the server for totals. Today `_allXMeta { count }`; the sums will come
 * from the `aggregateX` queries (filter, groupBy) once they exist, by changing only this function.
 */
export async function fetchTotals(resource: string, filter: Record<string, unknown>, _summed: string[]): Promise<ServerTotals> {
  const field = `_all${pluralOf(resource)}Meta`;
  const countQuery = schema.getQueryType()!.getFields()[field]!;
  const filterType = countQuery.args.find((arg) => arg.name === 'filter')!.type.toString();
  const document = gql`query SheetTotals($filter: ${filterType}) { ${field}(filter: $filter) { count } }`;
  const result = await runQuery<Record<string, { count: number }>>(document, { filter });
  return { count: result[field]!.count };
}

export function useServerTotals(resource: string, filter: Record<string, unknown>, summed: string[], generation: number): ServerTotals | undefined {
  const [totals, setTotals] = useState<ServerTotals>();
  const key = JSON.stringify(filter);
  const summedKey = summed.join(',');
  useEffect(() => {
    let live = true;
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
