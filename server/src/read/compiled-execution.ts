import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  execute,
  getNamedType,
  isInputObjectType,
  typeFromAST,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { mapSchema } from '@graphql-tools/utils';

type Gateway = ApolloServerOptionsWithGateway<never>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;

/**
 * Runs each operation as JavaScript compiled once per parsed document (graphql-jit) instead of
 * walking the document field by field on every request, which is most of the cost of a large list.
 * Apollo Server keeps its whole request pipeline (parsing, validation and its document cache,
 * plugins, error formatting); only the execution step is exchanged, through its gateway interface,
 * the one place it accepts another executor. A document graphql-jit cannot compile runs on graphql-js.
 *
 * A federation gateway that asks for an inline trace (`apollo-federation-include-trace: ftv1`) gets one
 * with field timings: Apollo's trace plugin times fields by wrapping every resolver of the schema it
 * serves, on the first traced request and for good. That schema is a copy, run on graphql-js for traced
 * requests only, so the wrapping never reaches the compiled path (graphql-jit reads a plain field as a
 * property, a wrapped one through a call).
 */
/**
 * graphql-jit leaves `extensions` undefined on an error whose cause is not a GraphQLError (a driver
 * error, a bug); Apollo reads `extensions.code` of every error and would fail before our `formatError`
 * logs it. The same error with an empty `extensions`, as graphql-js builds it.
 */
function withExtensions(error: GraphQLError): GraphQLError {
  if (error.extensions) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError ?? error,
  });
}

/**
 * Whether an input type reaches a cycle (`IntakeWhere.not: IntakeWhere`). graphql-jit unrolls the
 * coercion of variables field by field and on such a type only stops when the stack overflows,
 * after a minute of work per document; those documents run on graphql-js.
 */
function reachesCycle(type: GraphQLInputType, path = new Set<string>(), known = new Map<string, boolean>()): boolean {
  const named = getNamedType(type);
  if (!isInputObjectType(named)) return false;
  if (path.has(named.name)) return true;
  if (known.has(named.name)) return known.get(named.name)!;
  path.add(named.name);
  const cyclic = Object.values(named.getFields()).some((field) => reachesCycle(field.type, path, known));
  path.delete(named.name);
  known.set(named.name, cyclic);
  return cyclic;
}

function hasCyclicVariable(schema: GraphQLSchema, document: DocumentNode, operationName: string | null): boolean {
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName));
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return false;
  return (operation.variableDefinitions ?? []).some((v) => {
    const type = typeFromAST(schema, v.type as never) as GraphQLInputType | undefined;
    return type !== undefined && reachesCycle(type);
  });
}

export function compiledExecution(schema: GraphQLSchema): Gateway {
  const traced = mapSchema(schema);
  // Apollo Server hands the same DocumentNode for the same query text (its parsed-document cache).
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();

  const compile = (document: DocumentNode, operationName: string | null): CompiledQuery | null => {
    let byOperation = compiled.get(document);
    if (!byOperation) compiled.set(document, (byOperation = new Map()));
    const key = operationName ?? '';
    if (!byOperation.has(key)) {
      const result = hasCyclicVariable(schema, document, operationName)
        ? null
        : compileQuery(schema, document, operationName ?? undefined, { disablingCapturingStackErrors: true });
      byOperation.set(key, result && isCompiledQuery(result) ? result : null);
    }
    return byOperation.get(key)!;
  };

  const executor: Executor = async ({ document, operationName, request, context }) => {
    const interpreted = async (on = schema) =>
      (await execute({ schema: on, document, operationName, variableValues: request.variables, contextValue: context })) as ExecutionResult;
    if (request.http?.headers.get('apollo-federation-include-trace') === 'ftv1') return interpreted(traced);
    const query = compile(document, operationName);
    if (!query) return interpreted();
    const result = await query.query(undefined, context, request.variables ?? {});
    // No data: the variables did not coerce and nothing ran. graphql-js words and locates that error
    // the way Apollo Server recognises as BAD_USER_INPUT (with the scalar's own message), also without running anything.
    if (!('data' in result)) return interpreted();
    return result.errors ? { ...result, errors: result.errors.map(withExtensions) } : result;
  };

  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: traced, coreSupergraphSdl: '' });
      return () => undefined;
    },
    async load() {
      return { schema: traced, executor };
    },
    async stop() {},
  };
}
