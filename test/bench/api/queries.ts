/**
 * The measured requests, in each server's own dialect but asking for the same rows and columns.
 * `ours` is our GraphQL API (SQLite and PostgreSQL alike), `postgraphile` its schema inferred from
 * the same PostgreSQL tables, `raw` plain HTTP GETs answered by hand-written SQL, `apollo` our record
 * query on Apollo Server with nothing else.
 */
export const NESTED_YEAR = 2025;
/** A school picked once for the by-id query (the generator's numbering is fixed). */
export const RECORD_ID = 42;

export type QueryName = 'record' | 'nested' | 'progress' | 'bulkSave';
export type ServerKind = 'ours' | 'postgraphile' | 'raw' | 'apollo';

export interface Request {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
}

export const graphql = (query: string): Request => ({ method: 'POST', path: '/graphql', body: JSON.stringify({ query }) });

const ours: Record<Exclude<QueryName, 'bulkSave'>, Request> = {
  record: graphql(`{ School(id: "${RECORD_ID}") { id name type provincial city { id code nameZh } } }`),
  nested: graphql(`{ allCities { id code nameZh schools { id name type plans(year: ${NESTED_YEAR}) { id year season seats status } } } }`),
  progress: graphql('{ campaignProgress { rows { year cityCode cityName target planned enrolled registered completionRate gap } } }'),
};

const postgraphile: Record<Exclude<QueryName, 'bulkSave'>, Request> = {
  record: graphql(`{ schoolById(id: ${RECORD_ID}) { id name type provincial cityByCityId { id code nameZh } } }`),
  nested: graphql(
    `{ allCities(orderBy: DISPLAY_ORDER_ASC) { nodes { id code nameZh schoolsByCityId(orderBy: ID_ASC) { nodes { id name type enrollmentPlansBySchoolId(condition: { year: ${NESTED_YEAR} }, orderBy: ID_ASC) { nodes { id year season seats status } } } } } } }`,
  ),
  progress: graphql('{ campaignProgress { nodes { year cityCode cityName target planned enrolled registered completionRate gap } } }'),
};

const raw: Record<Exclude<QueryName, 'bulkSave'>, Request> = {
  record: { method: 'GET', path: `/school/${RECORD_ID}` },
  nested: { method: 'GET', path: `/cities?year=${NESTED_YEAR}` },
  progress: { method: 'GET', path: '/campaign-progress' },
};

/** Apollo Server alone answers our record query, from the same schema shape (see apollo-server.ts). */
const apollo = { record: ours.record };

export const REQUESTS: Record<ServerKind, Partial<Record<QueryName, Request>>> = { ours, postgraphile, raw, apollo };

/**
 * Stands for the rows' version in a save body. Every save changes all 500 rows, so they share one
 * version that moves on by one per save; the sender (checkAnswers, request.lua) fills it in.
 */
export const VERSION_SLOT = '__VERSION__';

/** 500 draft plan lines (seats toggled between two values per request, so every save writes). */
export function bulkSaveRequests(planIds: number[], seats: number[]): [Request, Request] {
  const body = (delta: number) =>
    graphql(
      `mutation { saveEnrollmentPlans(rows: [${planIds.map((id, i) => `{ id: "${id}", version: ${VERSION_SLOT}, seats: ${seats[i]! + delta} }`).join(', ')}]) { id } }`,
    );
  return [body(1), body(0)];
}

export const QUERY_TITLES: Record<QueryName, string> = {
  record: 'school by id with its city',
  nested: `cities → schools → plans of ${NESTED_YEAR}`,
  progress: 'campaignProgress, all cities and years',
  bulkSave: 'saveEnrollmentPlans, 500 rows',
};
