import { Field, Float, ID, InputType, Int, getMetadataStorage, registerEnumType } from 'type-graphql';
import type { GraphQLScalarType } from 'graphql';
import { badInput } from './errors.js';
import { parseId } from './ids.js';
import { CalendarDate } from './scalars.js';
import { QUERY_SHAPE_LIMITS } from './query-shape-limits.js';
import type { FieldKind } from './resource.js';
import type { Class } from './graphql-types.js';

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection', description: 'ASC puts nulls last, DESC puts them first, on both databases' });

/** The operators each kind of column takes in a typed filter (`IntakeWhere`). */
const OPERATORS = {
  number: ['eq', 'ne', 'in', 'notIn', 'lt', 'lte', 'gt', 'gte', 'between', 'isNull'],
  text: ['eq', 'ne', 'in', 'notIn', 'contains', 'startsWith', 'isNull'],
  boolean: ['eq', 'ne', 'isNull'],
  choice: ['eq', 'ne', 'in', 'notIn', 'isNull'],
  list: ['has', 'isNull'],
} as const;
type Family = keyof typeof OPERATORS;
export type Operator = (typeof OPERATORS)[Family][number];

const familyOf = (kind: FieldKind): Family | undefined => {
  switch (kind) {
    case 'int':
    case 'float':
    case 'date':
      return 'number';
    case 'string':
      return 'text';
    case 'boolean':
      return 'boolean';
    case 'enum':
    case 'ref':
      return 'choice';
    case 'enumList':
      return 'list';
    case 'json':
      return undefined;
  }
};

type ValueType = GraphQLScalarType | typeof String | typeof Boolean | object;

const DESCRIPTIONS: Record<Operator, string> = {
  eq: 'Equal to',
  ne: 'Not equal to (rows where the column is null do not match)',
  in: 'One of',
  notIn: 'None of',
  lt: 'Less than',
  lte: 'At most',
  gt: 'Greater than',
  gte: 'At least',
  between: 'Within [from, to], both included',
  contains: 'Contains this text (case-insensitive; % and _ are wildcards)',
  startsWith: 'Starts with this text (case-insensitive)',
  isNull: 'true: the column is null; false: it is not',
  has: 'The list holds this value',
};

const inputs = new Map<string, Class>();

function operatorInput(name: string, family: Family, value: ValueType): Class {
  const known = inputs.get(name);
  if (known) return known;
  const cls = { [name]: class {} }[name]!;
  InputType(name, { description: 'At most one operator per object; combine with and / or / not' })(cls);
  for (const op of OPERATORS[family]) {
    const type = op === 'isNull' ? Boolean : op === 'in' || op === 'notIn' || op === 'between' ? [value] : value;
    Field(() => type as never, { nullable: true, description: DESCRIPTIONS[op] })(cls.prototype, op);
  }
  inputs.set(name, cls);
  return cls;
}

const enumName = (values: object): string => {
  const name = getMetadataStorage().enums.find((e) => e.enumObj === values)?.name;
  if (!name) throw new Error('enum used in a filter is not registered with registerEnumType');
  return name;
};

/** The operator input of a column kind (`IntFilter`, `TargetGroupFilter`), shared by every resource; undefined when not filterable. */
export function operatorInputOf(kind: FieldKind, values?: object): Class | undefined {
  switch (kind) {
    case 'int':
      return operatorInput('IntFilter', 'number', Int);
    case 'float':
      return operatorInput('FloatFilter', 'number', Float);
    case 'date':
      return operatorInput('DateFilter', 'number', CalendarDate);
    case 'string':
      return operatorInput('StringFilter', 'text', String);
    case 'boolean':
      return operatorInput('BooleanFilter', 'boolean', Boolean);
    case 'ref':
      return operatorInput('IDFilter', 'choice', ID);
    case 'enum':
      return operatorInput(`${enumName(values!)}Filter`, 'choice', values!);
    case 'enumList':
      return operatorInput(`${enumName(values!)}ListFilter`, 'list', values!);
    case 'json':
      return undefined;
  }
}

export type TextMatch = '$like' | '$ilike';

/**
 * One column's operator object (`{ gte: 2024 }`) as a MikroORM condition on that column. `path` names
 * the column in errors (`plan.school.cityId`).
 */
export function operatorCondition(kind: FieldKind, operators: Record<string, unknown>, path: string, textMatch: TextMatch): Record<string, unknown> {
  const given = Object.entries(operators).filter(([, v]) => v !== undefined && v !== null);
  if (given.length !== 1) {
    throw badInput(
      path,
      `${path} 的条件须恰好有一个运算符（可用 and / or 组合）`,
      `${path} takes exactly one operator per object (combine them with and / or)`,
    );
  }
  const [op, raw] = given[0]! as [Operator, unknown];
  const family = familyOf(kind);
  if (!family || !(OPERATORS[family] as readonly string[]).includes(op)) {
    throw badInput(path, `${path} 不支持运算符 ${op}`, `${path} does not take the operator ${op}`);
  }
  const value = (v: unknown) => (kind === 'ref' ? parseId(v, path) : v);
  const list = (v: unknown): unknown[] => {
    const values = v as unknown[];
    if (values.length > QUERY_SHAPE_LIMITS.maxListValues) {
      throw badInput(
        path,
        `${path}.${op} 最多 ${QUERY_SHAPE_LIMITS.maxListValues} 个值`,
        `${path}.${op} takes at most ${QUERY_SHAPE_LIMITS.maxListValues} values`,
      );
    }
    return values.map(value);
  };
  switch (op) {
    case 'eq':
      return { $eq: value(raw) };
    case 'ne':
      return { $ne: value(raw) };
    case 'in':
      return { $in: list(raw) };
    case 'notIn':
      return { $nin: list(raw) };
    case 'lt':
      return { $lt: raw };
    case 'lte':
      return { $lte: raw };
    case 'gt':
      return { $gt: raw };
    case 'gte':
      return { $gte: raw };
    case 'between': {
      const bounds = raw as unknown[];
      if (bounds.length !== 2) throw badInput(path, `${path}.between 须给出两个值 [起, 止]`, `${path}.between takes two values [from, to]`);
      return { $gte: bounds[0], $lte: bounds[1] };
    }
    case 'contains':
      return { [textMatch]: `%${String(raw)}%` };
    case 'startsWith':
      return { [textMatch]: `${String(raw)}%` };
    case 'isNull':
      return raw ? { $eq: null } : { $ne: null };
    // An enum list is a text[] on PostgreSQL (the platform that matches with $ilike) and comma-joined text on SQLite.
    case 'has':
      return textMatch === '$ilike' ? { $contains: [raw] } : { $like: `%${String(raw)}%` };
  }
}
