import { Field, ID, Int, Float, ObjectType, InputType, ArgsType } from 'type-graphql';
import type { GraphQLScalarType } from 'graphql';
import { CalendarDate } from './scalars.js';
import type { FieldSpec, PathFilter, ResourceDef } from './resource.js';
import { orderTypeOf, whereTypeOf } from './where.js';
import { QUERY_SHAPE_LIMITS } from './query-shape-limits.js';

/** A generated GraphQL class (input, args or object type). */
export type Class = new () => object;
type GraphQLTypeRef = GraphQLScalarType | typeof String | typeof Boolean | object | [object];

@ObjectType()
export class ListMetadata {
  @Field(() => Int)
  count!: number;
}

export interface ResourceTypes {
  Filter: Class;
  ListArgs: Class;
  MetaArgs: Class;
  ConnectionArgs: Class;
  CreateArgs: Class;
  UpdateArgs: Class;
  SaveRow: Class;
  NarrowArgs: Class;
}

/** The GraphQL type of a column's values (a reference as its ID). */
export function graphqlType(kind: FieldSpec['kind'] | PathFilter['kind'], enumType?: object, jsonType?: object): GraphQLTypeRef {
  switch (kind) {
    case 'string':
      return String;
    case 'int':
      return Int;
    case 'float':
      return Float;
    case 'boolean':
      return Boolean;
    case 'date':
      return CalendarDate;
    case 'ref':
      return ID;
    case 'enum':
      return enumType!;
    case 'enumList':
      return [enumType!];
    case 'json':
      return jsonType!;
  }
}

function makeClass(name: string, kind: 'input' | 'args'): Class {
  const cls = { [name]: class {} }[name] as Class;
  if (kind === 'input') InputType(name)(cls);
  else ArgsType()(cls);
  return cls;
}

function addField(cls: Class, name: string, type: GraphQLTypeRef, nullable: boolean, description?: string): void {
  Field(() => type as never, { nullable, description })(cls.prototype, name);
}

const isRange = (kind: FieldSpec['kind']) => kind === 'int' || kind === 'float' || kind === 'date';

function addEqualityFields(cls: Class, def: ResourceDef): void {
  for (const f of def.fields) {
    if (f.kind === 'json' || f.writeOnly) continue;
    if (f.kind === 'enumList') addField(cls, f.name, f.enum!, true, `Has ${f.name} value`);
    else addField(cls, f.name, graphqlType(f.kind, f.enum), true);
  }
  for (const p of def.pathFilters ?? []) addField(cls, p.name, graphqlType(p.kind, p.enum), true, `Through ${p.path}`);
}

const cache = new Map<string, ResourceTypes>();

/** The input and argument types of one resource, built once from its field list. */
export function resourceTypes(def: ResourceDef): ResourceTypes {
  const cached = cache.get(def.name);
  if (cached) return cached;

  const Filter = makeClass(`${def.name}Filter`, 'input');
  addField(Filter, 'ids', [ID], true, 'Any of these ids');
  addField(Filter, 'q', String, true, `Text search over ${def.search.join(', ')}`);
  addEqualityFields(Filter, def);
  for (const f of def.fields.filter((f) => isRange(f.kind) && !f.writeOnly)) {
    addField(Filter, `${f.name}_gte`, graphqlType(f.kind), true);
    addField(Filter, `${f.name}_lte`, graphqlType(f.kind), true);
  }

  const ListArgs = makeClass(`All${def.plural}Args`, 'args');
  addField(ListArgs, 'page', Int, true, 'Zero-based page number');
  addField(ListArgs, 'perPage', Int, true, 'Rows per page (default 100, at most 10000)');
  addField(ListArgs, 'sortField', String, true);
  addField(ListArgs, 'sortOrder', String, true, 'ASC or DESC');
  addField(ListArgs, 'filter', Filter, true);
  const Where = whereTypeOf(def) as Class;
  const OrderBy = orderTypeOf(def) as Class;
  addField(ListArgs, 'where', Where, true, 'Typed filter with operators, and / or / not and references; with `filter`, both must hold');
  addField(ListArgs, 'orderBy', [OrderBy], true, 'Sort terms in order, then the id; instead of sortField / sortOrder');

  // react-admin providers send the list's paging and sorting to the count as well; it ignores them.
  const MetaArgs = makeClass(`All${def.plural}MetaArgs`, 'args');
  addField(MetaArgs, 'page', Int, true, 'Ignored');
  addField(MetaArgs, 'perPage', Int, true, 'Ignored');
  addField(MetaArgs, 'sortField', String, true, 'Ignored');
  addField(MetaArgs, 'sortOrder', String, true, 'Ignored');
  addField(MetaArgs, 'filter', Filter, true);
  addField(MetaArgs, 'where', Where, true);

  const ConnectionArgs = makeClass(`All${def.plural}ConnectionArgs`, 'args');
  addField(ConnectionArgs, 'filter', Filter, true);
  addField(ConnectionArgs, 'where', Where, true);
  addField(ConnectionArgs, 'orderBy', [OrderBy], true, "Sort terms on the record's own columns, then the id");
  addField(ConnectionArgs, 'first', Int, true, `Rows of the page (default ${QUERY_SHAPE_LIMITS.defaultFirst}, at most ${QUERY_SHAPE_LIMITS.maxFirst})`);
  addField(ConnectionArgs, 'after', String, true, 'The endCursor of the page before');

  const writable = def.fields.filter((f) => !f.readOnly);
  const CreateArgs = makeClass(`Create${def.name}Args`, 'args');
  for (const f of writable) addField(CreateArgs, f.name, graphqlType(f.kind, f.enum, f.json?.input()), !f.required);

  const UpdateArgs = makeClass(`Update${def.name}Args`, 'args');
  addField(UpdateArgs, 'id', ID, false);
  addField(UpdateArgs, 'version', Int, false, 'The version you read; a stale one is refused with CONFLICT');
  for (const f of writable) addField(UpdateArgs, f.name, graphqlType(f.kind, f.enum, f.json?.input()), true);

  const SaveRow = makeClass(`${def.name}SaveRow`, 'input');
  addField(SaveRow, 'id', ID, true, 'Absent for a new row');
  addField(SaveRow, 'version', Int, true, 'The version you read; required to update or delete a row');
  addField(SaveRow, 'delete', Boolean, true, 'Delete this row');
  for (const f of writable) addField(SaveRow, f.name, graphqlType(f.kind, f.enum, f.json?.input()), true);

  const NarrowArgs = makeClass(`${def.name}NarrowArgs`, 'args');
  addEqualityFields(NarrowArgs, def);

  const types = { Filter, ListArgs, MetaArgs, ConnectionArgs, CreateArgs, UpdateArgs, SaveRow, NarrowArgs };
  cache.set(def.name, types);
  return types;
}
