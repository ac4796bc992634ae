import type { EntityManager, EntityMetadata } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { readScope } from '../auth/scope.js';
import type { Actor } from '../auth/actor.js';
import { badInput } from '../common/errors.js';
import { textMatchOperator } from '../common/filters.js';
import { QUERY_SHAPE_LIMITS } from '../common/query-shape-limits.js';
import type { ResourceDef } from '../common/resource.js';
import { rowsWhere, sqlDirection } from '../common/where.js';
import type { SortDirection } from '../common/operators.js';
import { knexOf, queryRows } from '../read/sql.js';
import { MEASURES, measureValue, type AggregateTypes } from './aggregate.types.js';
import type { GroupPath } from './group-paths.js';
import { groupSource, type MeasureOf } from './subtotals.js';
import { isPostgres } from '../read/dialect.js';
import { rememberedStatement, type AggregateStatement } from './statements.js';

type Input = Record<string, unknown>;

export interface AggregateArgs {
  filter?: Input | null;
  where?: Input | null;
  groupBy?: string[] | null;
  having?: Input | null;
  orderBy?: Array<{ field: string; direction?: SortDirection | null }> | null;
  limit?: number | null;
  /** The measures the caller reads; those `having` and `orderBy` name are added. */
  measures: MeasureOf[];
}

/** One group as the API returns it: its key values by key field (reference keys as ids), its row count and measures. */
export interface GroupRow {
  key: Record<string, unknown>;
  count: number;
  sum?: Record<string, number | null>;
  avg?: Record<string, number | null>;
  min?: Record<string, number | null>;
  max?: Record<string, number | null>;
}

const SQL_OPERATORS: Record<string, string> = { eq: '=', ne: '<>', lt: '<', lte: '<=', gt: '>', gte: '>=' };

/** `{ gte: 10 }` on a measure as a HAVING term with its bindings. */
function comparison(expr: string, operators: Input, label: string): [string, unknown[]] {
  const given = Object.entries(operators).filter(([, v]) => v !== undefined && v !== null);
  if (given.length !== 1) throw badInput(label, `${label} 的条件须恰好有一个运算符`, `${label} takes exactly one operator per object`);
  const [op, value] = given[0]!;
  if (op in SQL_OPERATORS) return [`${expr} ${SQL_OPERATORS[op]} ?`, [value]];
  if (op === 'isNull') return [`${expr} is ${value ? '' : 'not '}null`, []];
  const values = value as unknown[];
  if (op === 'between') {
    if (values.length !== 2) throw badInput(label, `${label}.between 须给出两个值 [起, 止]`, `${label}.between takes two values [from, to]`);
    return [`${expr} between ? and ?`, values];
  }
  if (values.length > QUERY_SHAPE_LIMITS.maxListValues)
    throw badInput(
      label,
      `${label}.${op} 最多 ${QUERY_SHAPE_LIMITS.maxListValues} 个值`,
      `${label}.${op} takes at most ${QUERY_SHAPE_LIMITS.maxListValues} values`,
    );
  if (values.length === 0) return [op === 'in' ? '1 = 0' : '1 = 1', []];
  return [`${expr} ${op === 'in' ? 'in' : 'not in'} (${values.map(() => '?').join(', ')})`, values];
}

function checkShape(args: AggregateArgs): { groupBy: string[]; limit: number } {
  const { maxGroupKeys, defaultGroups, maxGroups } = QUERY_SHAPE_LIMITS;
  const groupBy = args.groupBy ?? [];
  if (groupBy.length > maxGroupKeys) throw badInput('groupBy', `最多按 ${maxGroupKeys} 个字段分组`, `group by at most ${maxGroupKeys} paths`);
  if (new Set(groupBy).size !== groupBy.length) throw badInput('groupBy', 'groupBy 中有重复的字段', 'groupBy names a path twice');
  const limit = args.limit ?? defaultGroups;
  if (!Number.isInteger(limit) || limit < 1 || limit > maxGroups)
    throw badInput('limit', `limit 须在 1 到 ${maxGroups} 之间`, `limit must be between 1 and ${maxGroups}`);
  if ((args.orderBy ?? []).length > QUERY_SHAPE_LIMITS.maxOrderTerms)
    throw badInput('orderBy', `最多 ${QUERY_SHAPE_LIMITS.maxOrderTerms} 个排序项`, `at most ${QUERY_SHAPE_LIMITS.maxOrderTerms} sort terms`);
  return { groupBy, limit };
}

/** The measures computed: the ones read, then those `having` and `orderBy` name, each once. */
function measuresNeeded(types: AggregateTypes, args: AggregateArgs): MeasureOf[] {
  const needed = new Map<string, MeasureOf>();
  const add = (of: MeasureOf) => needed.set(measureValue(of.measure, of.field), of);
  args.measures.forEach(add);
  for (const measure of MEASURES) {
    const conditions = (args.having?.[measure] ?? {}) as Input;
    for (const field of types.numeric) if (conditions[field.name] !== null && conditions[field.name] !== undefined) add({ measure, field });
  }
  const ordered = new Set((args.orderBy ?? []).map((term) => term.field));
  for (const measure of MEASURES) for (const field of types.numeric) if (ordered.has(measureValue(measure, field))) add({ measure, field });
  return [...needed.values()];
}

/**
 * The groups of a resource's rows as one SELECT … GROUP BY: the rows a list with the same `filter` and
 * `where` would return (the reader's scope included), left-joined along the group paths; read from the
 * resource's subtotals when the question needs nothing else (`groupSource`). The statement is compiled
 * once per question and reader's scope (statements.ts).
 */
export async function aggregateRows(em: EntityManager, actor: Actor | null, def: ResourceDef, types: AggregateTypes, args: AggregateArgs): Promise<GroupRow[]> {
  const statement = rememberedStatement(em, statementKey(def, args, actor), () => compileAggregate(em, actor, def, types, args));
  const rows = await queryRows(em, statement.sql, statement.bindings);
  return rows.map((row) => {
    const key: Record<string, unknown> = {};
    statement.keys.forEach((path, i) => (key[path.keyField] = keyValue(path, row[`k${i}`])));
    const group: GroupRow = { key, count: Number(row.n) };
    // Measures not read stay empty (their fields are nullable), computed ones are filled in.
    if (types.numeric.length) for (const m of MEASURES) group[m] = {};
    statement.measures.forEach(({ measure, field }, i) => {
      const value = row[`m${i}`];
      (group[measure] ??= {})[field.name] = value === null || value === undefined ? null : Number(value);
    });
    return group;
  });
}

/**
 * What a question's statement depends on: the resource, the question's arguments and measures, and of
 * the reader the role (which resources it may read, along the paths and in the filter) and the rows of
 * the resource it may read (`readScope`, which also refuses a reader who may read none).
 */
function statementKey(def: ResourceDef, args: AggregateArgs, actor: Actor | null): string {
  const scope = readScope(def, actor);
  const { filter, where, groupBy, having, orderBy, limit, measures } = args;
  return JSON.stringify([
    def.name,
    actor?.role ?? null,
    scope ?? null,
    filter,
    where,
    groupBy,
    having,
    orderBy,
    limit,
    measures.map((of) => measureValue(of.measure, of.field)),
  ]);
}

function compileAggregate(em: EntityManager, actor: Actor | null, def: ResourceDef, types: AggregateTypes, args: AggregateArgs): AggregateStatement {
  const { groupBy, limit } = checkShape(args);
  const chosen = groupBy.map((value) => types.paths.find((p) => p.value === value)!);
  // Grouping by another resource's column reveals it: the reader must be one who may read that resource.
  for (const path of chosen) path.resources.slice(1).forEach((r) => readScope(r, actor));
  const condition = rowsWhere(def, args, textMatchOperator(em), actor);
  const measures = measuresNeeded(types, args);
  const source = groupSource(em, def, condition, chosen, measures);

  const platform = em.getPlatform();
  const postgres = isPostgres(em);
  const q = (name: string) => platform.quoteIdentifier(name);
  const qb = (em as SqlEntityManager).createQueryBuilder(source.entity, 'e');
  const rootMeta = em.getMetadata().get(source.entity);
  const joins = new Map<string, { alias: string; meta: EntityMetadata }>([['', { alias: 'e', meta: rootMeta }]]);
  const columnOf = (props: string[]): string => {
    let at = joins.get('')!;
    props.slice(0, -1).forEach((prop, i) => {
      const path = props.slice(0, i + 1).join('.');
      let next = joins.get(path);
      if (!next) {
        next = { alias: `g${joins.size}`, meta: at.meta.properties[prop]!.targetMeta! };
        qb.leftJoin(`${at.alias}.${prop}`, next.alias);
        joins.set(path, next);
      }
      at = next;
    });
    return `${q(at.alias)}.${q(at.meta.properties[props[props.length - 1]!]!.fieldNames[0]!)}`;
  };
  const keyExprs = chosen.map((path) => columnOf(path.props));
  const rowCount = source.rows(columnOf);
  const measureExprs = measures.map((of) => ({ m: of.measure, f: of.field, expr: source.measure(of, columnOf) }));
  qb.where(condition as never);

  const query = qb.getKnexQuery().clearSelect().clearOrder();
  const knex = knexOf(em);
  const keySelect = (expr: string, path: GroupPath) => (postgres && path.field.kind === 'date' ? `to_char(${expr}, 'YYYY-MM-DD')` : expr);
  query.select(
    knex.raw(
      [
        ...chosen.map((path, i) => `${keySelect(keyExprs[i]!, path)} as ${q(`k${i}`)}`),
        `${rowCount} as ${q('n')}`,
        ...measureExprs.map(({ expr }, i) => `${expr} as ${q(`m${i}`)}`),
      ].join(', '),
    ),
  );
  if (keyExprs.length) query.groupByRaw(keyExprs.join(', '));

  const having = args.having ?? {};
  for (const [name, value] of Object.entries(having)) {
    if (value === null || value === undefined) continue;
    if (name === 'count') {
      const [sql, bindings] = comparison(rowCount, value as Input, 'having.count');
      query.havingRaw(sql, bindings as never);
      continue;
    }
    for (const [field, operators] of Object.entries(value as Input)) {
      if (operators === null || operators === undefined) continue;
      const measure = measureExprs.find((e) => e.m === name && e.f.name === field)!;
      const [sql, bindings] = comparison(measure.expr, operators as Input, `having.${name}.${field}`);
      query.havingRaw(sql, bindings as never);
    }
  }

  const order = (args.orderBy ?? []).map(({ field, direction }, i) => {
    const keyIndex = chosen.findIndex((p) => p.value === field);
    if (keyIndex >= 0) return `${keyExprs[keyIndex]} ${sqlDirection(direction ?? ('ASC' as SortDirection))}`;
    if (field === measureValue('rows')) return `${rowCount} ${sqlDirection(direction ?? ('ASC' as SortDirection))}`;
    const measure = measureExprs.find((e) => measureValue(e.m, e.f) === field);
    if (!measure) throw badInput(`orderBy[${i}].field`, `未按 ${field} 分组，不能按它排序`, `${field} is not grouped by, so groups cannot be sorted by it`);
    return `${measure.expr} ${sqlDirection(direction ?? ('ASC' as SortDirection))}`;
  });
  // Then by every key: the same groups in the same order on both databases.
  order.push(...keyExprs.map((expr) => `${expr} ASC NULLS LAST`));
  if (order.length) query.orderByRaw(order.join(', '));
  query.limit(limit);

  // knex's own form (`?` placeholders) on both databases, as `queryRows` takes it
  const { sql, bindings } = query.toSQL();
  return { sql, bindings: bindings as AggregateStatement['bindings'], keys: chosen, measures };
}

/** A key as its GraphQL type wants it: PostgreSQL's numerics arrive as text, SQLite's booleans as 0 and 1. */
function keyValue(path: GroupPath, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (path.field.kind) {
    case 'int':
    case 'float':
    case 'ref':
      return Number(value);
    case 'boolean':
      return value === true || value === 1 || value === '1' || value === 't';
    default:
      return value;
  }
}
