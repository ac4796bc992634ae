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

/** Posts to this server's /graphql with the headers typed into GraphiQL, and remembers the result. */
export async function fetcher(params: FetcherParams, options?: { headers?: Record<string, string> }): Promise<unknown> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...options?.headers },
    body: JSON.stringify(params),
    credentials: 'same-origin',
  });
  const result = await response.json();
  if (params.operationName !== 'IntrospectionQuery') resultStore.set(result);
  return result;
}
