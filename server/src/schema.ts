import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { isInterfaceType, parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, getMetadataStorage } from 'type-graphql';
import { resolvers, resources } from './modules/index.js';
import { FEDERATION_LINK, addFederationDirectives } from './federation/directives.js';
import { entitiesResolver } from './federation/references.js';
import { aggregateFieldResolvers } from './aggregate/aggregate.resolver.js';
import { byIdResolvers } from './common/crud.resolver.js';

type ResolverMap = Record<string, Record<string, unknown>>;

/**
 * A plain `@Field` (no field resolver, middleware or roles, same name in the schema) is read by
 * graphql's default resolver, as type-graphql's `simple: true` does. Otherwise type-graphql wraps
 * every such field in its own resolver, which on a list of thousands of rows costs more than the rows.
 */
function useDefaultResolverForPlainFields(): void {
  for (const field of getMetadataStorage().fields) {
    if (field.simple === undefined && !field.middlewares?.length && !field.roles && field.schemaName === field.name) field.simple = true;
  }
}

/** One type-graphql schema, served as an Apollo Federation 2 subgraph. */
export async function createSchema(): Promise<GraphQLSchema> {
  useDefaultResolverForPlainFields();
  const schema = await buildSchema({ resolvers, validate: false, emitSchemaFile: false });
  const typeDefs = addFederationDirectives(parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`), resources);
  const typeResolvers = createResolversMap(schema) as ResolverMap;
  const subgraph = buildSubgraphSchema({ typeDefs, resolvers: typeResolvers as never });
  // Rows are plain data, not entity instances, so an interface's concrete type is the `__typename` its
  // resolver put on each row; synchronously, as the compiled executor (graphql-jit) needs.
  for (const type of Object.values(subgraph.getTypeMap())) {
    if (isInterfaceType(type)) type.resolveType = (value) => (value as { __typename?: string }).__typename;
  }
  const query = subgraph.getQueryType()!.getFields();
  for (const [name, resolve] of byIdResolvers) query[name]!.resolve = resolve as never;
  query._entities!.resolve = entitiesResolver(resources) as never;
  for (const [name, resolve] of aggregateFieldResolvers) query[name]!.resolve = resolve as never;
  // `_service.sdl` would otherwise also print every federation definition; routers accept either form,
  // and serving the printSubgraphSchema form keeps it identical to the checked-in schema/schema.graphql.
  const sdl = printSubgraphSchema(subgraph);
  query._service!.resolve = () => ({ sdl });
  return subgraph;
}
