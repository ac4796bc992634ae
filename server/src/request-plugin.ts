import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { Context } from './context.js';
import { rememberRequestOf } from './common/format-error.js';
import { checkTextInput } from './common/text-input.js';
import { dropInputTypenames } from './common/typename-input.js';
import { queryLimitsCheck, type QueryLimits } from './query-limits.js';

export interface RequestPluginOptions {
  /** Production hides schema details ("Did you mean …") from every client, not only anonymous ones. */
  production: boolean;
  queryLimits: QueryLimits;
}

/**
 * Everything we do inside Apollo Server's pipeline, as one listener made once for all requests. Apollo
 * awaits every listener of every plugin at each stage of a request, a dozen promises per listener
 * whether it has a hook there or not; five plugins of one hook each cost more than their checks.
 *
 * - Validation errors name no schema element a client may not know of: none for anonymous clients, none in production.
 * - Before anything runs: `__typename` leaves the variables' input objects (typename-input.ts), text a
 *   column cannot store is refused (text-input.ts), and so is an operation over the depth or cost limit (query-limits.ts).
 * - Errors remember their request, for `formatError` to log and name it.
 */
export function requestPlugin({ production, queryLimits }: RequestPluginOptions): ApolloServerPlugin<Context> {
  const checkLimits = queryLimitsCheck(queryLimits);
  const listener: GraphQLRequestListener<Context> = {
    async validationDidStart({ contextValue }) {
      if (!production && contextValue.actor) return;
      return async (errors) => {
        for (const error of errors ?? []) error.message = error.message.replace(/ ?Did you mean(.+?)\?$/, '');
      };
    },
    async didResolveOperation({ schema, document, operation, operationName, request }) {
      dropInputTypenames(schema, operation, request.variables);
      checkTextInput(operation, request.variables);
      checkLimits(schema, document, operationName, request.variables);
    },
    async didEncounterErrors({ errors, contextValue }) {
      rememberRequestOf(errors, contextValue.requestId);
    },
  };
  return {
    async requestDidStart() {
      return listener;
    },
  };
}

/**
 * Apollo's inline trace plugin (federation's `ftv1`), asked only by requests that want a trace. The
 * plugin itself builds a trace tree (protobuf objects) for every request before it looks at the
 * header. It keeps its internal id, so Apollo does not install a second one for the subgraph.
 */
export function inlineTraceOnRequest(plugin: ApolloServerPlugin<Context>): ApolloServerPlugin<Context> {
  return {
    ...plugin,
    async requestDidStart(requestContext) {
      if (requestContext.request.http?.headers.get('apollo-federation-include-trace') === 'ftv1') return plugin.requestDidStart?.(requestContext);
    },
  };
}
