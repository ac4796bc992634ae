import { isInputObjectType, isListType, isNonNullType, typeFromAST, type GraphQLInputType, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';

/** Drops `__typename` from the input objects of a variable's value, in place; scalars and their contents stay as sent. */
function dropTypenames(type: GraphQLInputType, value: unknown): void {
  if (value === null || typeof value !== 'object') return;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    for (const item of Array.isArray(value) ? value : [value]) dropTypenames(inner.ofType, item);
    return;
  }
  if (!isInputObjectType(inner) || Array.isArray(value)) return;
  const fields = inner.getFields();
  delete (value as Record<string, unknown>).__typename;
  for (const [name, item] of Object.entries(value)) {
    const field = fields[name];
    if (field) dropTypenames(field.type, item);
  }
}

/**
 * Clients that cache results (Apollo Client, and through it react-admin's stock GraphQL provider) read
 * objects with their `__typename` and send them back as input: an agreement's `stages`, a bulk save's
 * rows. No input type can have a field of that name (names starting with `__` are GraphQL's own), so
 * the key is dropped from every input object of the variables before they are coerced, and such a
 * request runs instead of failing with HTTP 400. Anything else unknown in an input object is still refused.
 */
export function dropInputTypenames(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode | undefined,
  variables: Record<string, unknown> | undefined,
): void {
  if (!operation || !variables) return;
  for (const definition of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, definition.type);
    if (type) dropTypenames(type as GraphQLInputType, variables[definition.variable.name.value]);
  }
}
