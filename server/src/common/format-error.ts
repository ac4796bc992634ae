import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';

/** The request each error of an answer came from, between Apollo's `didEncounterErrors` and `formatError`. */
const requestOf = new WeakMap<object, string>();

/** Remembers which request errors belong to (Apollo's `didEncounterErrors`), so `formatError` can log them and name the request. */
export function rememberRequestOf(errors: readonly GraphQLError[], requestId: string): void {
  for (const error of errors) requestOf.set(error, requestId);
}

/** One line per unexpected error: the request id first, so an operator finds it from what the client reports. */
function logUnexpected(requestId: string | undefined, error: unknown): void {
  const cause = unwrapResolverError(error);
  const detail = cause instanceof Error ? (cause.stack ?? `${cause.name}: ${cause.message}`) : String(cause);
  console.error(`[request ${requestId ?? 'unknown'}] unexpected error: ${detail}`);
}

/**
 * Our own errors and GraphQL's validation errors go out as they are; anything Apollo could only
 * classify as internal (a driver error, a bug) is logged here once and reaches the client as a bare
 * internal error with the request id, never SQL, a path or a stack.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
  if (extensions.code !== 'INTERNAL_SERVER_ERROR') return { ...formatted, extensions };
  const requestId = requestOf.get(error as GraphQLError);
  logUnexpected(requestId, error);
  return {
    message: `服务器内部错误，请求编号 ${requestId ?? '无'} (Internal server error, request ${requestId ?? 'unknown'})`,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: requestId ?? null },
  };
}
