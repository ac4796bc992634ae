import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';

/**
 * Our own errors and GraphQL's validation errors go out as they are; anything Apollo could only
 * classify as internal (a driver error, a bug) is logged here and reaches the client as a bare
 * internal error, never SQL or a stack.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
  if (extensions.code !== 'INTERNAL_SERVER_ERROR') return { ...formatted, extensions };
  console.error(unwrapResolverError(error));
  return {
    message: '服务器内部错误 (Internal server error)',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
