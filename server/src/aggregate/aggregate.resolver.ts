import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { resourceTypes, type Class } from '../common/graphql-types.js';
import { QUERY_SHAPE_LIMITS } from '../common/query-shape-limits.js';
import type { ResourceDef } from '../common/resource.js';
import { whereTypeOf } from '../common/where.js';
import { selectedFieldNames, selectedFieldNodes } from '../read/selection.js';
import { aggregateRows, type GroupRow } from './aggregate.query.js';
import { aggregateTypes, MEASURES, type AggregateTypes } from './aggregate.types.js';
import type { MeasureOf } from './subtotals.js';

type Input = Record<string, unknown>;

/** The measures a query reads of its groups (`sum { count }`), through fragments. */
function measuresRead(types: AggregateTypes, info: GraphQLResolveInfo): MeasureOf[] {
  const groupFields = selectedFieldNodes(info);
  return MEASURES.flatMap((measure) => {
    const fields = selectedFieldNames({ fieldNodes: groupFields.filter((node) => node.name.value === measure), fragments: info.fragments });
    return types.numeric.filter((field) => fields.has(field.name)).map((field) => ({ measure, field }));
  });
}

/** `aggregateIntakes(filter, where, groupBy, having, orderBy, limit)`: grouped counts and measures of one resource. */
export function createAggregateResolver(def: ResourceDef): Class {
  const types = aggregateTypes(def);
  const { Filter } = resourceTypes(def);
  const Where = whereTypeOf(def);

  @Resolver()
  class AggregateResolver {
    @Query(() => [types.Group], {
      name: `aggregate${def.plural}`,
      description: `${def.plural} grouped by the given paths (none: one group of every row), in one GROUP BY; the rows are those allX would list to the reader`,
    })
    async aggregate(
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
      const measures = measuresRead(types, info);
      const groups = await aggregateRows(ctx.em, def, types, { filter, where, groupBy, having, orderBy, limit, measures });
      // A reference key becomes its record, one batched read per referenced type.
      const references = types.paths.filter((p) => p.field.kind === 'ref' && groupBy?.includes(p.value));
      await Promise.all(
        references.flatMap((path) =>
          groups.map(async (group) => {
            const id = group.key[path.keyField] as number | null;
            if (id !== null) group.key[path.keyField] = await ctx.loaders.byId(path.field.target!()).load(id);
          }),
        ),
      );
      return groups;
    }
  }
  Object.defineProperty(AggregateResolver, 'name', { value: `${def.name}AggregateResolver` });
  return AggregateResolver;
}
