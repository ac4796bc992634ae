import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { operatorInputOf, SortDirection } from '../common/operators.js';
import type { FieldSpec, ResourceDef } from '../common/resource.js';
import { groupPathsOf, type GroupPath } from './group-paths.js';
import { graphqlType, type Class } from '../common/graphql-types.js';

/** The measures of a group besides its row count, over each numeric column of the resource. */
export const MEASURES = ['sum', 'avg', 'min', 'max'] as const;
export type Measure = (typeof MEASURES)[number];

export const numericFields = (def: ResourceDef): FieldSpec[] => def.fields.filter((f) => (f.kind === 'int' || f.kind === 'float') && !f.writeOnly);

export interface AggregateTypes {
  paths: GroupPath[];
  numeric: FieldSpec[];
  GroupBy: object;
  OrderField: object;
  Group: Class;
  Having: Class;
  Order: Class;
}

function named(name: string, decorate: (cls: Class) => void): Class {
  const cls = { [name]: class {} }[name]!;
  decorate(cls);
  return cls;
}

/** A key's GraphQL type: a reference key is the record it names, any other the column's own type. */
const keyType = (path: GroupPath): unknown => (path.field.kind === 'ref' ? path.field.target!() : graphqlType(path.field.kind, path.field.enum));

/** `ROWS`, `SUM_COUNT`, …: the measures one may order groups by. */
export const measureValue = (measure: Measure | 'rows', field?: FieldSpec): string =>
  field ? `${measure}_${field.name}`.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase() : 'ROWS';

/** The GraphQL types of `aggregateIntakes`: its group-by and order enums, group, having and order inputs. */
export function aggregateTypes(def: ResourceDef): AggregateTypes {
  const paths = groupPathsOf(def);
  const numeric = numericFields(def);

  const GroupBy = Object.fromEntries(paths.map((p) => [p.value, p.value]));
  registerEnumType(GroupBy, { name: `${def.name}GroupBy`, description: `A column ${def.plural} can be grouped by, through references` });
  const measureValues = [measureValue('rows'), ...MEASURES.flatMap((m) => numeric.map((f) => measureValue(m, f)))];
  const clash = measureValues.find((v) => v in GroupBy);
  if (clash) throw new Error(`${def.name}: the measure ${clash} has the name of a group path`);
  const OrderField = { ...GroupBy, ...Object.fromEntries(measureValues.map((v) => [v, v])) };
  registerEnumType(OrderField, { name: `${def.name}GroupOrderField`, description: 'A group key, ROWS (the row count) or a measure of a column' });

  const Key = named(`${def.name}GroupKey`, (cls) =>
    ObjectType(`${def.name}GroupKey`, { description: 'The grouped values; null for a path not grouped by' })(cls),
  );
  for (const path of paths) Field(() => keyType(path) as never, { nullable: true, description: path.props.join('.') })(Key.prototype, path.keyField);

  const Numbers = numeric.length ? named(`${def.name}Numbers`, (cls) => ObjectType(`${def.name}Numbers`)(cls)) : undefined;
  for (const f of numeric) Field(() => Float, { nullable: true })(Numbers!.prototype, f.name);

  const Group = named(`${def.name}Group`, (cls) => ObjectType(`${def.name}Group`, { description: `One group of ${def.plural}` })(cls));
  Field(() => Key)(Group.prototype, 'key');
  Field(() => Int, { description: 'Rows in the group' })(Group.prototype, 'count');
  for (const m of MEASURES) if (Numbers) Field(() => Numbers)(Group.prototype, m);

  const floatFilter = operatorInputOf('float');
  const NumbersFilter = numeric.length ? named(`${def.name}NumbersFilter`, (cls) => InputType(`${def.name}NumbersFilter`)(cls)) : undefined;
  for (const f of numeric) Field(() => floatFilter as never, { nullable: true })(NumbersFilter!.prototype, f.name);
  const intFilter = operatorInputOf('int');
  const Having = named(`${def.name}Having`, (cls) =>
    InputType(`${def.name}Having`, { description: 'Conditions on the groups; every given one must hold' })(cls),
  );
  Field(() => intFilter as never, { nullable: true })(Having.prototype, 'count');
  for (const m of MEASURES) if (NumbersFilter) Field(() => NumbersFilter, { nullable: true })(Having.prototype, m);

  const Order = named(`${def.name}GroupOrder`, (cls) => InputType(`${def.name}GroupOrder`)(cls));
  Field(() => OrderField)(Order.prototype, 'field');
  Field(() => SortDirection, { nullable: true, defaultValue: SortDirection.ASC })(Order.prototype, 'direction');

  return { paths, numeric, GroupBy, OrderField, Group, Having, Order };
}
