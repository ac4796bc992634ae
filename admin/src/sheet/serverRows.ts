import { gql } from '@apollo/client';
import { pluralOf, rowSelection, runQuery } from '../dataProvider';
import { schema } from '../schema';

type Record_ = Record<string, unknown>;

/** What the sheet reads: the filter above it and the sort of its column headers. */
export interface RowQuery {
  resource: string;
  filter: Record_;
  sort: { field: string; order: 'ASC' | 'DESC' };
}

/** The server's page limit of `allX` (perPage), the largest read export and import page through. */
export const SERVER_PAGE_LIMIT = 10000;

function listDocument(resource: string, withCount: boolean) {
  const plural = pluralOf(resource);
  const list = schema.getQueryType()!.getFields()[`all${plural}`]!;
  const filterType = list.args.find((arg) => arg.name === 'filter')!.type.toString();
  const count = withCount ? `meta: _all${plural}Meta(filter: $filter) { count }` : '';
  return gql`query SheetRows($page: Int, $perPage: Int, $sortField: String, $sortOrder: String, $filter: ${filterType}) {
    rows: all${plural}(page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder, filter: $filter) { ${rowSelection(resource)} }
    ${count}
  }`;
}

/**
 * `size` rows from `start` (a multiple of `size`) in the query's order, and with `withCount` the number
 * of rows of the whole filtered set, in one request.
 */
export async function fetchBlock(query: RowQuery, start: number, size: number, withCount: boolean): Promise<{ records: Record_[]; count?: number }> {
  const result = await runQuery<{ rows: Record_[]; meta?: { count: number } }>(listDocument(query.resource, withCount), {
    page: Math.floor(start / size),
    perPage: size,
    sortField: query.sort.field,
    sortOrder: query.sort.order,
    filter: query.filter,
  });
  return { records: result.rows, count: result.meta?.count };
}

/** Every row of the filtered set in the query's order, a server page at a time (export, import's key match). */
export async function fetchAll(query: RowQuery): Promise<Record_[]> {
  const all: Record_[] = [];
  for (let start = 0; ; start += SERVER_PAGE_LIMIT) {
    const { records } = await fetchBlock(query, start, SERVER_PAGE_LIMIT, false);
    all.push(...records);
    if (records.length < SERVER_PAGE_LIMIT) return all;
  }
}
