import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql, ApolloError } from '@apollo/client';
import { onError } from '@apollo/client/link/error';
import { removeTypenameFromVariables } from '@apollo/client/link/remove-typename';
import buildGraphQLProvider from 'ra-data-graphql-simple';
import { GraphQLList, GraphQLNonNull, GraphQLObjectType, getNamedType, isLeafType, type DocumentNode } from 'graphql';
import type { DataProvider } from 'react-admin';
import { bearer, clearSession } from './auth/session';
import { introspection, schema } from './schema';

/** Every request carries the signed-in user's token. */
const withToken = new ApolloLink((operation, forward) => {
  const authorization = bearer();
  if (authorization) operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({ headers: { ...headers, authorization } }));
  return forward(operation);
});

/** Ends the session the server refused (a 401) and shows the login page. */
function endRefusedSession(): void {
  clearSession();
  if (!window.location.hash.startsWith('#/login')) window.location.hash = '#/login';
}

/** A 401 outside react-admin's own calls (sheet saves, views) also ends the session and shows the login page. */
const onSignedOut = onError(({ networkError, operation }) => {
  if (operation.operationName === 'Login' || !networkError || !('statusCode' in networkError) || networkError.statusCode !== 401) return;
  endRefusedSession();
});

export const apolloClient = new ApolloClient({
  // rows read with typenames go back as input objects (an agreement's stages): the typenames are dropped on the way out
  link: ApolloLink.from([onSignedOut, removeTypenameFromVariables(), withToken, new HttpLink({ uri: '/graphql' })]),
  cache: new InMemoryCache(),
  defaultOptions: { query: { fetchPolicy: 'no-cache' }, mutate: { fetchPolicy: 'no-cache' } },
});

/** One failing row of a bulk save, as the server's BulkError reports it. */
export interface RowProblem {
  index: number;
  /** the record, for workflow steps that name their rows by id */
  id?: string;
  code: string;
  rule: string | null;
  field: string | null;
  message: string;
}

/** A refused write: nothing was saved. `rows` locates the problems when the server named them. */
export class SaveError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly rows: RowProblem[],
    readonly field: string | null = null,
  ) {
    super(message);
  }
  /**
   * Someone else saved a row first (a stale `version`). Other CONFLICT refusals (a duplicate, a row still
   * referenced) are the person's to fix on the row, not a reason to reload.
   */
  get isVersionConflict(): boolean {
    return isVersionConflict(this) || this.rows.some(isVersionConflict);
  }
}

export const isVersionConflict = (problem: { code: string; field: string | null }) => problem.code === 'CONFLICT' && problem.field === 'version';

export function toSaveError(error: unknown): SaveError {
  // a 401 or 400 arrives as a network error whose body still holds the GraphQL errors
  const network = error instanceof ApolloError ? (error.networkError as { result?: { errors?: ApolloError['graphQLErrors'] } } | null) : null;
  const gqlError = error instanceof ApolloError ? (error.graphQLErrors[0] ?? network?.result?.errors?.[0]) : undefined;
  if (gqlError) {
    const ext = gqlError.extensions ?? {};
    return new SaveError(
      gqlError.message,
      String(ext.code ?? 'BAD_USER_INPUT'),
      (ext.rows as RowProblem[] | undefined) ?? [],
      (ext.field as string | null) ?? null,
    );
  }
  return new SaveError(error instanceof Error ? error.message : String(error), 'NETWORK', []);
}

/** `allSchools` → `Schools`: the plural the server uses in list and bulk operation names. */
export function pluralOf(resource: string): string {
  const query = schema.getQueryType()!.getFields();
  const name = Object.keys(query).find((field) => {
    if (!field.startsWith('all')) return false;
    const type = query[field]!.type;
    const list = type instanceof GraphQLNonNull ? type.ofType : type;
    return list instanceof GraphQLList && getNamedType(list) === schema.getType(resource);
  });
  if (!name) throw new Error(`No list query for ${resource}`);
  return name.slice(3);
}

/** The row's own columns (scalars, enums and flat reference ids) as a selection set. */
export function scalarSelection(resource: string): string {
  const type = schema.getType(resource);
  if (!(type instanceof GraphQLObjectType)) throw new Error(`${resource} is not an object type`);
  return Object.values(type.getFields())
    .filter((field) => field.args.length === 0 && isLeafType(getNamedType(field.type)))
    .map((field) => field.name)
    .join(' ');
}

/**
 * What a sheet row holds: the record's leaf fields and its structured values (a list of stages), which
 * are objects of leaf fields without an id of their own; references stay ids.
 */
export function rowSelection(resource: string): string {
  const type = schema.getType(resource) as GraphQLObjectType;
  const structured = Object.values(type.getFields()).flatMap((field) => {
    const named = getNamedType(field.type);
    if (field.args.length > 0 || !(named instanceof GraphQLObjectType) || 'id' in named.getFields()) return [];
    const leaves = Object.values(named.getFields()).filter((f) => f.args.length === 0 && isLeafType(getNamedType(f.type)));
    return leaves.length > 0 ? [`${field.name} { ${leaves.map((f) => f.name).join(' ')} }`] : [];
  });
  return [scalarSelection(resource), ...structured].join(' ');
}

const saveDocuments = new Map<string, { document: DocumentNode; field: string }>();

function saveDocument(resource: string) {
  let entry = saveDocuments.get(resource);
  if (!entry) {
    const field = `save${pluralOf(resource)}`;
    const mutation = schema.getMutationType()?.getFields()[field];
    if (!mutation) throw new Error(`The schema has no ${field} mutation`);
    const rowsType = mutation.args.find((arg) => arg.name === 'rows')!.type.toString();
    const document = gql`mutation ${field}($rows: ${rowsType}) { ${field}(rows: $rows) { ${rowSelection(resource)} } }`;
    entry = { document, field };
    saveDocuments.set(resource, entry);
  }
  return entry;
}

/** A row for `saveX`: no `id` creates, `delete: true` deletes, otherwise the given fields are updated. */
export type SaveRow = Record<string, unknown> & { id?: string; version?: number; delete?: boolean };

export async function saveMany(resource: string, rows: SaveRow[]): Promise<Record<string, unknown>[]> {
  const { document, field } = saveDocument(resource);
  try {
    const result = await apolloClient.mutate({ mutation: document, variables: { rows } });
    return (result.data as Record<string, Record<string, unknown>[]>)[field]!;
  } catch (error) {
    throw toSaveError(error);
  }
}

/** One of our own mutations (workflow steps, adjustments, submissions); a refusal becomes a SaveError. */
export async function runMutation<T>(document: DocumentNode, variables: Record<string, unknown>): Promise<T> {
  try {
    const result = await apolloClient.mutate({ mutation: document, variables });
    return result.data as T;
  } catch (error) {
    throw toSaveError(error);
  }
}

/**
 * A large read-only query as it is written, without Apollo: Apollo adds `__typename` to every object it
 * asks for, a quarter of the bytes of the names a sheet reads (15,000 plan lines for 招生实绩), which the
 * server writes and the browser parses before the sheet shows a row. Sent with the session's token; a
 * 401 ends the session as for Apollo's requests.
 */
export async function runPlainQuery<T>(operationName: string, query: string): Promise<T> {
  const authorization = bearer();
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ operationName, query }),
  });
  if (response.status === 401) endRefusedSession();
  const body = (await response.json().catch(() => ({}))) as { data?: T; errors?: { message: string }[] };
  if (!response.ok || body.errors?.length || !body.data) throw new Error(body.errors?.[0]?.message ?? `${operationName}: HTTP ${response.status}`);
  return body.data;
}

/** Any read-only query from the schema by name, selecting the given fields. */
export async function runQuery<T>(document: DocumentNode, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await apolloClient.query({ query: document, variables, fetchPolicy: 'no-cache' });
  return result.data as T;
}

const base = buildGraphQLProvider({ client: apolloClient, introspection: { schema: introspection } });

/**
 * react-admin's provider. Updates send the whole record: the nested reference objects (`city`) are
 * dropped so that the flat id the form edits (`cityId`) is the one sent; fields the mutation does not
 * declare (createdAt, updatedAt) never reach the server because the query is built from its arguments.
 */
export const dataProvider: DataProvider & { saveMany: typeof saveMany } = {
  ...base,
  update: (resource, params) => {
    const data: Record<string, unknown> = { ...params.data };
    for (const key of Object.keys(data)) {
      if (`${key}Id` in data && typeof data[key] === 'object') delete data[key];
    }
    return base.update(resource, { ...params, data });
  },
  // A delete names the version it was based on (the server refuses one without it); the stock builder sends only the id.
  delete: async (resource, params) => {
    const version = (params.previousData as { version?: number } | undefined)?.version;
    await saveMany(resource, [{ id: String(params.id), version, delete: true }]);
    return { data: params.previousData! };
  },
  saveMany,
};
