import { buildSubgraphSchema } from '@apollo/subgraph';
import { addResolversToSchema } from '@graphql-tools/schema';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap } from 'type-graphql';
import type { Context } from './context.js';
import { parseId } from './common/ids.js';
import { resolvers, resources } from './modules/index.js';

export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@inaccessible", "@tag"])';

/** Resolves `_entities` representations, batched per type through the request's loaders. */
function referenceResolvers() {
  return Object.fromEntries(
    resources.map((def) => [
      def.name,
      {
        __resolveReference(ref: Record<string, unknown>, ctx: Context) {
          if (ref.id !== undefined) return ctx.loaders.byId(def.entity).load(parseId(ref.id));
          const [prop, value] = Object.entries(ref).find(([key]) => key !== '__typename') ?? [];
          return prop ? ctx.loaders.byField(def.entity, prop).load(String(value)) : null;
        },
      },
    ]),
  );
}

/** One type-graphql schema, served as an Apollo Federation 2 subgraph. */
export async function createSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({ resolvers, validate: false, emitSchemaFile: false });
  const subgraph = buildSubgraphSchema({
    typeDefs: parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`),
    resolvers: createResolversMap(schema) as never,
  });
  return addResolversToSchema({ schema: subgraph, resolvers: referenceResolvers() as never, updateResolversInPlace: true });
}
