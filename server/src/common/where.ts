import { Field, InputType } from 'type-graphql';
import type { FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import { readScope, scoped } from '../auth/scope.js';
import type { Actor } from '../auth/actor.js';
import { badInput } from './errors.js';
import { buildOrder, buildWhere, nest } from './filters.js';
import { operatorCondition, operatorInputOf, SortDirection, type TextMatch } from './operators.js';
import { QUERY_SHAPE_LIMITS } from './query-shape-limits.js';
import { propOf, resourceOf, type FieldKind, type FieldSpec, type ResourceDef } from './resource.js';
import type { Class } from './graphql-types.js';

type Where = Record<string, unknown>;
type Input = Record<string, unknown>;

const readable = (f: FieldSpec) => f.kind !== 'json' && !f.writeOnly;
/** The resource a reference leads to, when it is one (its filter and sort types exist). */
export const targetOf = (f: FieldSpec): ResourceDef | undefined => (f.kind === 'ref' ? resourceOf(f.target!()) : undefined);

function inputClass(name: string, description: string): Class {
  const cls = { [name]: class {} }[name]!;
  InputType(name, { description })(cls);
  return cls;
}

const whereTypes = new Map<string, Class>();

/**
 * `IntakeWhere`: an operator object per column (`count: { gte: 10 }`), the id (`planId: { in: [...] }`),
 * the referenced record's own filter (`plan: { school: { city: { code: { eq: "330100" } } } }`), and
 * `and` / `or` / `not`. Built for the targets first, so that every type exists before the schema is.
 */
export function whereTypeOf(def: ResourceDef): Class {
  const known = whereTypes.get(def.name);
  if (known) return known;
  const cls = inputClass(`${def.name}Where`, `Typed filter of ${def.plural}: every given entry must hold`);
  whereTypes.set(def.name, cls);
  const add = (name: string, type: () => unknown, description?: string) => Field(type as never, { nullable: true, description })(cls.prototype, name);
  add('and', () => [cls], 'Every one of these holds');
  add('or', () => [cls], 'At least one of these holds');
  add('not', () => cls, 'This does not hold');
  // Input classes are made here, not in the thunks: type-graphql reads its metadata before it calls them.
  const idFilter = operatorInputOf('ref');
  add('id', () => idFilter);
  for (const f of def.fields.filter(readable)) {
    const operators = operatorInputOf(f.kind, f.enum);
    add(f.name, () => operators);
    const target = targetOf(f);
    if (target && propOf(f) !== f.name) {
      const targetType = whereTypeOf(target);
      add(propOf(f), () => targetType, `The referenced ${target.name} matches`);
    }
  }
  return cls;
}

const orderTypes = new Map<string, Class>();

/** `IntakeOrderBy`: one entry per object, a column's direction or a referenced record's own order. */
export function orderTypeOf(def: ResourceDef): Class {
  const known = orderTypes.get(def.name);
  if (known) return known;
  const cls = inputClass(`${def.name}OrderBy`, `One sort term of ${def.plural}: exactly one entry`);
  orderTypes.set(def.name, cls);
  const add = (name: string, type: () => unknown) => Field(type as never, { nullable: true })(cls.prototype, name);
  add('id', () => SortDirection);
  for (const f of def.fields.filter((f) => readable(f) && f.kind !== 'enumList')) {
    add(f.name, () => SortDirection);
    const target = targetOf(f);
    if (target && propOf(f) !== f.name) {
      const targetType = orderTypeOf(target);
      add(propOf(f), () => targetType);
    }
  }
  return cls;
}

/** Refuses a path through a resource the reader may not read at all (a city admin's filter on users). */
function assertReadable(def: ResourceDef, actor: Actor | null | undefined): void {
  readScope(def, actor);
}

/** The typed filter as a MikroORM condition on the resource; references become nested conditions the ORM joins. */
export function typedWhere(def: ResourceDef, where: Input | null | undefined, textMatch: TextMatch, actor: Actor | null | undefined): FilterQuery<object> {
  if (!where) return {};
  return translate(def, where, [], 'where', 1, { terms: 0, actor }, textMatch);
}

function translate(
  def: ResourceDef,
  where: Input,
  props: string[],
  label: string,
  depth: number,
  budget: { terms: number; actor: Actor | null | undefined },
  textMatch: TextMatch,
): Where {
  const { maxFilterDepth, maxFilterTerms } = QUERY_SHAPE_LIMITS;
  if (depth > maxFilterDepth)
    throw badInput(label, `筛选条件嵌套超过 ${maxFilterDepth} 层：${label}`, `the filter nests deeper than ${maxFilterDepth} levels at ${label}`);
  const at = (name: string) => `${label}.${name}`;
  const column = (prop: string, kind: FieldKind, operators: unknown, name: string): Where => {
    if (++budget.terms > maxFilterTerms) throw badInput('where', `筛选条件超过 ${maxFilterTerms} 项`, `the filter has more than ${maxFilterTerms} conditions`);
    return nest([...props, prop].join('.'), operatorCondition(kind, operators as Input, at(name), textMatch));
  };
  const all: Where[] = [];
  for (const [key, value] of Object.entries(where)) {
    if (value === undefined || value === null) continue;
    const inner = (w: Input, i?: number) => translate(def, w, props, i === undefined ? at(key) : `${at(key)}[${i}]`, depth + 1, budget, textMatch);
    if (key === 'and' || key === 'or') {
      const parts = (value as Input[]).map(inner);
      if (parts.length === 0) throw badInput(at(key), `${at(key)} 不能为空列表`, `${at(key)} must not be an empty list`);
      all.push({ [key === 'and' ? '$and' : '$or']: parts });
      continue;
    }
    if (key === 'not') {
      all.push({ $not: inner(value as Input) });
      continue;
    }
    if (key === 'id') {
      all.push(column('id', 'ref', value, key));
      continue;
    }
    const field = def.fields.find((f) => f.name === key && readable(f));
    if (field) {
      all.push(column(propOf(field), field.kind, value, key));
      continue;
    }
    const reference = def.fields.find((f) => propOf(f) === key && targetOf(f));
    if (!reference) throw badInput(at(key), `${def.labelZh}没有可筛选的字段 ${key}`, `${def.name} has no filterable field ${key}`);
    const target = targetOf(reference)!;
    assertReadable(target, budget.actor);
    all.push(translate(target, value as Input, [...props, key], at(key), depth + 1, budget, textMatch));
  }
  const conditions = all.filter((c) => Object.keys(c).length > 0);
  return conditions.length === 0 ? {} : conditions.length === 1 ? conditions[0]! : { $and: conditions };
}

/** One resolved sort term: the entity property path, the column's kind and whether it may hold null. */
export interface SortTerm {
  props: string[];
  kind: FieldKind;
  nullable: boolean;
  direction: SortDirection;
}

/** The path one `{ plan: { school: { name: ASC } } }` object names; exactly one entry per level. */
function sortTerm(def: ResourceDef, entry: Input, label: string, props: string[], nullable: boolean, actor: Actor | null | undefined): SortTerm {
  const given = Object.entries(entry).filter(([, v]) => v !== undefined && v !== null);
  if (given.length !== 1) throw badInput(label, `${label} 的每个排序项须恰好有一个字段`, `each sort term of ${label} names exactly one field`);
  const [key, value] = given[0]!;
  if (key === 'id') return { props: [...props, 'id'], kind: 'ref', nullable, direction: value as SortDirection };
  const field = def.fields.find((f) => f.name === key && readable(f));
  if (field) return { props: [...props, propOf(field)], kind: field.kind, nullable: nullable || !field.required, direction: value as SortDirection };
  const reference = def.fields.find((f) => propOf(f) === key && targetOf(f));
  if (!reference) throw badInput(`${label}.${key}`, `不能按此字段排序：${key}`, `cannot sort by ${key}`);
  if (props.length + 1 > QUERY_SHAPE_LIMITS.maxPathHops) {
    throw badInput(
      `${label}.${key}`,
      `排序路径最多经过 ${QUERY_SHAPE_LIMITS.maxPathHops} 个关联`,
      `a sort path crosses at most ${QUERY_SHAPE_LIMITS.maxPathHops} references`,
    );
  }
  const target = targetOf(reference)!;
  assertReadable(target, actor);
  return sortTerm(target, value as Input, `${label}.${key}`, [...props, key], nullable || !reference.required, actor);
}

/** The sort terms of `orderBy`, then the id (a total order: pages and cursors never skip or repeat a row). */
export function typedSort(def: ResourceDef, orderBy: Input[], actor: Actor | null | undefined): SortTerm[] {
  if (orderBy.length > QUERY_SHAPE_LIMITS.maxOrderTerms) {
    throw badInput('orderBy', `最多 ${QUERY_SHAPE_LIMITS.maxOrderTerms} 个排序项`, `at most ${QUERY_SHAPE_LIMITS.maxOrderTerms} sort terms`);
  }
  const terms = orderBy.map((entry, i) => sortTerm(def, entry, `orderBy[${i}]`, [], false, actor));
  if (!terms.some((t) => t.props.length === 1 && t.props[0] === 'id'))
    terms.push({ props: ['id'], kind: 'ref', nullable: false, direction: SortDirection.ASC });
  return terms;
}

/** Nulls last going up, first going down, the same on SQLite and PostgreSQL. */
export const sqlDirection = (direction: SortDirection): string => (direction === SortDirection.ASC ? 'ASC NULLS LAST' : 'DESC NULLS FIRST');

export const orderOf = (terms: SortTerm[]): QueryOrderMap<object>[] =>
  terms.map((t) => nest(t.props.join('.'), sqlDirection(t.direction)) as QueryOrderMap<object>);

export interface RowArgs {
  filter?: Input | null;
  where?: Input | null;
}

/** The rows a list, count, cursor page or aggregate covers: react-admin's `filter`, the typed `where`, the reader's scope. */
export function rowsWhere(def: ResourceDef, args: RowArgs, textMatch: TextMatch, actor: Actor | null | undefined): FilterQuery<object> {
  const conditions = [buildWhere(def, args.filter, textMatch), typedWhere(def, args.where, textMatch, actor)].filter((c) => Object.keys(c).length > 0);
  return scoped(def, (conditions.length > 1 ? { $and: conditions } : (conditions[0] ?? {})) as FilterQuery<object>, actor);
}

/** `orderBy`, or react-admin's single `sortField` / `sortOrder`; not both. */
export function listOrder(
  def: ResourceDef,
  args: { orderBy?: Input[] | null; sortField?: string | null; sortOrder?: string | null },
  actor: Actor | null | undefined,
): QueryOrderMap<object>[] {
  if (!args.orderBy) return buildOrder(def, args.sortField, args.sortOrder);
  if (args.sortField || args.sortOrder)
    throw badInput('orderBy', 'orderBy 不能与 sortField / sortOrder 同时使用', 'orderBy cannot be combined with sortField / sortOrder');
  return orderOf(typedSort(def, args.orderBy, actor));
}
