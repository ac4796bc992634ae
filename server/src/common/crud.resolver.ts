import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root, type ClassType } from 'type-graphql';
import type { GraphQLFieldResolver, GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.js';
import { readScope, scoped } from '../auth/scope.js';
import { buildPaging, buildWhere, textMatchOperator } from './filters.js';
import { ListMetadata, resourceTypes } from './graphql-types.js';
import { parseId } from './ids.js';
import { childBound, propOf, resourceOf, type ResourceDef } from './resource.js';
import { readRowWithReferences, readRows, type EntityRow } from '../read/rows.js';
import { selectedProps, selectedReferences } from '../read/selection.js';
import { createRecord, deleteRecord, saveRecords, updateRecord } from './crud.service.js';
import { listOrder, rowsWhere } from './where.js';
import { cursorPage } from './cursor-page.js';
import { connectionTypes } from './connection.js';
import { inTransaction } from './transaction.js';

type Args = Record<string, unknown>;
type Bag = Record<string, unknown>;

function listRows(ctx: Context, def: ResourceDef, args: Args, info: GraphQLResolveInfo): Promise<EntityRow[]> {
  const { limit, offset } = buildPaging(args.page as number, args.perPage as number);
  return readRows(ctx.em, def.entity, rowsWhere(def, args, textMatchOperator(ctx.em), ctx.actor), {
    props: selectedProps(def, info),
    orderBy: listOrder(def, args, ctx.actor),
    limit,
    offset,
  });
}

/** References read along with their record (`oneWithReferences`), with the props each was read with. */
const readAlong = new WeakMap<object, string[] | undefined>();

const sameProps = (a: string[] | undefined, b: string[] | undefined) => a === b || (!!a && !!b && a.length === b.length && a.every((p, i) => p === b[i]));

/**
 * A record by id for a reader who may see every record. Selected references are read in the same
 * statement and put in the row in place of their `{ id }`, for their own resolvers to return as they
 * are: they cost no further query, nor a DataLoader.
 */
async function oneWithReferences(ctx: Context, def: ResourceDef, id: number, props: string[] | undefined, info: GraphQLResolveInfo): Promise<EntityRow | null> {
  const references = selectedReferences(def, info);
  const joined = references.length ? await readRowWithReferences(ctx.lookupEm, def.entity, id, props, references) : undefined;
  if (!joined) return ctx.loaders.byId(def.entity, props).load(id);
  const { row } = joined;
  references.forEach((reference, i) => {
    const referenced = joined.referenced[i];
    if (!row || !referenced) return;
    readAlong.set(referenced, reference.props);
    row[reference.prop] = referenced;
  });
  return row;
}

/** A record by id, for a reader who may see it: through the reader's scope, or with its references when the reader sees every record. */
async function recordById(ctx: Context, def: ResourceDef, id: string, info: GraphQLResolveInfo): Promise<EntityRow | null> {
  const scope = readScope(def, ctx.actor);
  const props = selectedProps(def, info);
  if (!scope) return oneWithReferences(ctx, def, parseId(id), props, info);
  const [row] = await readRows(ctx.em, def.entity, { $and: [{ id: parseId(id) }, scope] }, { props, limit: 1 });
  return row ?? null;
}

/**
 * The by-id queries by name, resolved without type-graphql's wrapper (schema.ts sets them): it turns
 * each argument into a promise of its converted, validated value (eight promises for `id`), more work
 * than the lookup's own, and adds nothing here (no middlewares, validation off, `id` a string).
 */
export const byIdResolvers = new Map<string, GraphQLFieldResolver<unknown, Context, { id: string }>>();

function defineMethod(cls: ClassType, name: string, body: (...args: never[]) => unknown): void {
  Object.defineProperty(cls.prototype, name, { value: body, writable: true, configurable: true });
}

/** `city` and `cityId` for every reference: the object read along or batched through a DataLoader, the id for free. */
function addReferenceFields(cls: ClassType, def: ResourceDef): void {
  for (const field of def.fields.filter((f) => f.kind === 'ref')) {
    const prop = propOf(field);
    const objectMethod = `resolve_${prop}`;
    defineMethod(cls, objectMethod, ((root: Bag, ctx: Context, info: GraphQLResolveInfo) => {
      // `{ id }` on a row that was read, the referenced row itself when read along with it, the referenced entity on one a mutation returns
      const ref = root[prop] as { id: number } | null;
      if (!ref) return null;
      const target = resourceOf(field.target!());
      const props = target && selectedProps(target, info);
      return readAlong.has(ref) && sameProps(readAlong.get(ref), props) ? ref : ctx.loaders.byId(field.target!(), props).load(ref.id);
    }) as never);
    FieldResolver(() => field.target!(), { name: prop, nullable: !field.required })(
      cls.prototype,
      objectMethod,
      Object.getOwnPropertyDescriptor(cls.prototype, objectMethod)!,
    );
    Root()(cls.prototype, objectMethod, 0);
    Ctx()(cls.prototype, objectMethod, 1);
    Info()(cls.prototype, objectMethod, 2);

    const idMethod = `resolve_${field.name}`;
    defineMethod(cls, idMethod, ((root: Bag) => (root[prop] as { id: number } | null)?.id ?? null) as never);
    FieldResolver(() => ID, { name: field.name, nullable: !field.required })(
      cls.prototype,
      idMethod,
      Object.getOwnPropertyDescriptor(cls.prototype, idMethod)!,
    );
    Root()(cls.prototype, idMethod, 0);
  }
}

/** One-to-many collections (`School.plans(year, season)`), batched per parent set. */
function addChildFields(cls: ClassType, def: ResourceDef): void {
  for (const child of def.children ?? []) {
    const method = `resolve_${child.name}`;
    defineMethod(cls, method, ((root: { id: number }, narrow: Args, ctx: Context, info: GraphQLResolveInfo) => {
      const childDef = child.resource();
      const where = scoped(childDef, buildWhere(childDef, { ...narrow }, textMatchOperator(ctx.em)), ctx.actor);
      const bound = { field: `${def.name}.${child.name}`, maxRows: childBound(child, narrow) };
      return ctx.loaders.children(childDef.entity, child.foreignKey, where, selectedProps(childDef, info, [child.foreignKey]), bound).load(root.id);
    }) as never);
    FieldResolver(() => [child.resource().entity], { name: child.name })(cls.prototype, method, Object.getOwnPropertyDescriptor(cls.prototype, method)!);
    Root()(cls.prototype, method, 0);
    Args(() => resourceTypes(child.resource()).NarrowArgs)(cls.prototype, method, 1);
    Ctx()(cls.prototype, method, 2);
    Info()(cls.prototype, method, 3);
  }
}

/** react-admin's GraphQL convention for one resource, plus the grid's bulk save, from its field list. */
export function createCrudResolver(def: ResourceDef): ClassType {
  const types = resourceTypes(def);
  const connection = connectionTypes(def.name, def.entity);
  // A resource written only through its own service keeps the queries and loses the generic mutations.
  const writable = (decorator: MethodDecorator): MethodDecorator => (def.mutations === false ? () => undefined : decorator);

  @Resolver(() => def.entity)
  class CrudResolver {
    @Query(() => def.entity, { name: def.name, nullable: true, description: `One ${def.name} by id` })
    one(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
      return recordById(ctx, def, id, info);
    }

    @Query(() => [def.entity], { name: `all${def.plural}`, description: `A page of ${def.plural}, filtered and sorted` })
    all(@Args(() => types.ListArgs) args: Args, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
      return listRows(ctx, def, args, info);
    }

    @Query(() => ListMetadata, { name: `_all${def.plural}Meta` })
    async meta(@Args(() => types.MetaArgs) args: Args, @Ctx() ctx: Context) {
      return { count: await ctx.em.count(def.entity, rowsWhere(def, args, textMatchOperator(ctx.em), ctx.actor)) };
    }

    @Query(() => connection, { name: `all${def.plural}Connection`, description: `A cursor page of ${def.plural}: stable while rows are added or removed` })
    connection(@Args(() => types.ConnectionArgs) args: Args, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
      return cursorPage(ctx.em, ctx.actor, def, args, info);
    }

    @writable(Mutation(() => def.entity, { name: `create${def.name}` }))
    create(@Args(() => types.CreateArgs) args: Args, @Ctx() ctx: Context) {
      return inTransaction(ctx.em, (em) => createRecord(em, def, { ...args }));
    }

    @writable(Mutation(() => def.entity, { name: `update${def.name}` }))
    update(@Args(() => types.UpdateArgs) args: Args, @Ctx() ctx: Context) {
      return inTransaction(ctx.em, (em) => updateRecord(em, def, { ...args }));
    }

    @writable(Mutation(() => def.entity, { name: `delete${def.name}` }))
    delete(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Ctx() ctx: Context) {
      return inTransaction(ctx.em, (em) => deleteRecord(em, def, id, version));
    }

    @writable(Mutation(() => [def.entity], { name: `save${def.plural}`, description: 'Creates, updates and deletes rows all or nothing' }))
    save(@Arg('rows', () => [types.SaveRow]) rows: Args[], @Ctx() ctx: Context) {
      return inTransaction(ctx.em, (em) =>
        saveRecords(
          em,
          def,
          rows.map((r) => ({ ...r })),
        ),
      );
    }
  }

  byIdResolvers.set(def.name, (_root, { id }, ctx, info) => recordById(ctx, def, id, info));
  Object.defineProperty(CrudResolver, 'name', { value: `${def.name}CrudResolver` });
  addReferenceFields(CrudResolver, def);
  addChildFields(CrudResolver, def);
  return CrudResolver;
}
