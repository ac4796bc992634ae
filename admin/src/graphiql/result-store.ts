type Listener = () => void;

let last: unknown = null;
const listeners = new Set<Listener>();

/** The latest result GraphiQL received, for the CSV export button. */
export const resultStore = {
  get: () => last,
  set(result: unknown) {
    last = result;
    for (const listener of listeners) listener();
  },
  subscribe(listener: Listener) {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
};

export interface FetcherParams {
  query: string;
  operationName?: string | null;
  variables?: unknown;
}

const TOKEN_KEY = 'zj-graphiql-token';

/** The token of the last `login` run in this tab of the browser; the Headers pane may override it. */
function signedInHeaders(): Record<string, string> {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? { authorization: `Bearer ${token}` } : {};
}

/**
 * Posts to this server's /graphql with the headers typed into GraphiQL, remembers the result for
 * the CSV button, and keeps the token a `login` mutation returns for the requests after it.
 */
export async function fetcher(params: FetcherParams, options?: { headers?: Record<string, string> }): Promise<unknown> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...signedInHeaders(), ...options?.headers },
    body: JSON.stringify(params),
    credentials: 'same-origin',
  });
  const result = (await response.json()) as { data?: { login?: { token?: string } } };
  const token = result.data?.login?.token;
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  if (params.operationName !== 'IntrospectionQuery') resultStore.set(result);
  return result;
}
