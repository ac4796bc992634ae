import type { GraphQLFieldResolver, GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { resourceTypes, type Class } from '../common/graphql-types.js';
import { QUERY_SHAPE_LIMITS } from '../common/query-shape-limits.js';
import type { EntityClass, ResourceDef } from '../common/resource.js';
import { isCached } from '../read/table-cache.js';
import { whereTypeOf } from '../common/where.js';
import { selectedFieldNames, selectedFieldNodes } from '../read/selection.js';
import { aggregateRows, type AggregateArgs, type GroupRow } from './aggregate.query.js';
import { aggregateTypes, MEASURES, type AggregateTypes } from './aggregate.types.js';
import type { MeasureOf } from './subtotals.js';

type Input = Record<string, unknown>;

// By the field's nodes in a parsed document: the compiled execution hands the same nodes on every request of that document.
const measuresByNodes = new WeakMap<GraphQLResolveInfo['fieldNodes'], MeasureOf[]>();

/** The measures a query reads of its groups (`sum { count }`), through fragments. */
function measuresRead(types: AggregateTypes, info: GraphQLResolveInfo): MeasureOf[] {
  const known = measuresByNodes.get(info.fieldNodes);
  if (known) return known;
  const groupFields = selectedFieldNodes(info);
  const measures = MEASURES.flatMap((measure) => {
    const fields = selectedFieldNames({ fieldNodes: groupFields.filter((node) => node.name.value === measure), fragments: info.fragments });
    return types.numeric.filter((field) => fields.has(field.name)).map((field) => ({ measure, field }));
  });
  measuresByNodes.set(info.fieldNodes, measures);
  return measures;
}

type AggregateFieldArgs = Omit<AggregateArgs, 'measures'>;

/** The groups of one `aggregateX` field: read, then each reference key becomes its record (one batched read per referenced type). */
async function resolveAggregate(
  def: ResourceDef,
  types: AggregateTypes,
  args: AggregateFieldArgs,
  ctx: Context,
  info: GraphQLResolveInfo,
): Promise<GroupRow[]> {
  const measures = measuresRead(types, info);
  // One statement of our own, outside any transaction, reading no entities: it needs no EntityManager of its own (context.ts).
  const groups = await aggregateRows(ctx.lookupEm, ctx.actor, def, types, { ...args, measures });
  const references = types.paths.filter((p) => p.field.kind === 'ref' && args.groupBy?.includes(p.value));
  await Promise.all(
    references.flatMap((path) =>
      groups.map(async (group) => {
        const id = group.key[path.keyField] as number | null;
        if (id !== null) group.key[path.keyField] = await referencedRow(ctx, path.field.target!(), id);
      }),
    ),
  );
  return groups;
}

/** A record a key names: from the table cache when its table is kept there (cities), else read in the request's batch. */
function referencedRow(ctx: Context, entity: EntityClass, id: number): Promise<unknown> {
  const read = () => ctx.loaders.byId(entity).load(id);
  const table = ctx.lookupEm.getMetadata().get(entity.name).tableName;
  return isCached(table) ? ctx.cache.read(table, `id:${id}`, read) : read();
}

/**
 * Each `aggregateX` field's resolver as the schema runs it (schema.ts): its arguments as GraphQL
 * coerced them. type-graphql would copy every input object into an instance of its class and await
 * a validation per argument first, for nothing here (the classes carry no behaviour, validation is
 * off); on a small question that was a tenth of the request's work.
 */
export const aggregateFieldResolvers = new Map<string, GraphQLFieldResolver<unknown, Context, AggregateFieldArgs>>();

/** `aggregateIntakes(filter, where, groupBy, having, orderBy, limit)`: grouped counts and measures of one resource. */
export function createAggregateResolver(def: ResourceDef): Class {
  const types = aggregateTypes(def);
  const { Filter } = resourceTypes(def);
  const Where = whereTypeOf(def);
  const name = `aggregate${def.plural}`;
  aggregateFieldResolvers.set(name, (_root, args, ctx, info) => resolveAggregate(def, types, args, ctx, info));

  // Declares the field and its arguments; the schema runs `aggregateFieldResolvers` instead.
  @Resolver()
  class AggregateResolver {
    @Query(() => [types.Group], {
      name,
      description: `${def.plural} grouped by the given paths (none: one group of every row), in one GROUP BY; the rows are those allX would list to the reader`,
    })
    aggregate(
      @Arg('filter', () => Filter, { nullable: true }) filter: Input | null,
      @Arg('where', () => Where, { nullable: true }) where: Input | null,
      @Arg('groupBy', () => [types.GroupBy], { nullable: true }) groupBy: string[] | null,
      @Arg('having', () => types.Having, { nullable: true }) having: Input | null,
      @Arg('orderBy', () => [types.Order], { nullable: true, description: 'Then by every key, ascending' })
      orderBy: Array<{ field: string; direction?: never }> | null,
      @Arg('limit', () => Int, {
        nullable: true,
        description: `Groups returned (default ${QUERY_SHAPE_LIMITS.defaultGroups}, at most ${QUERY_SHAPE_LIMITS.maxGroups})`,
      })
      limit: number | null,
      @Ctx() ctx: Context,
      @Info() info: GraphQLResolveInfo,
    ): Promise<GroupRow[]> {
      return resolveAggregate(def, types, { filter, where, groupBy, having, orderBy, limit }, ctx, info);
    }
  }
  Object.defineProperty(AggregateResolver, 'name', { value: `${def.name}AggregateResolver` });
  return AggregateResolver;
}
