import {
  ReferenceKind,
  type EntityManager,
  type EntityMetadata,
  type EntityProperty,
  type FilterQuery,
  type Platform,
  type QueryOrderMap,
} from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import type { BaseEntity } from '../common/base.entity.js';
import type { EntityClass } from '../common/resource.js';
import { preparedRead } from './prepared-statements.js';
import { isPostgres } from './dialect.js';
import { placeholders, queryRows } from './sql.js';

/**
 * A record as GraphQL reads it: the entity's column properties as plain data, each many-to-one
 * reference as `{ id }`. Not managed by the ORM: reads never change, flush or track these.
 */
export type EntityRow = Record<string, unknown> & { id: number };

/** The row of one entity type, for code that reads its properties. */
export type RowOf<T> = { [K in keyof T]: T[K] extends BaseEntity ? { id: number } : T[K] extends BaseEntity | null ? { id: number } | null : T[K] };

export interface RowQuery {
  /** Properties to read (see `selectedProps`); every stored property when absent. */
  props?: string[];
  orderBy?: QueryOrderMap<object>[];
  limit?: number;
  offset?: number;
}

type Convert = (value: unknown) => unknown;
/** Property name, its column, and how the mapped value becomes the row's. */
type Stored = [string, string, Convert | null];

const converters = new WeakMap<EntityMetadata, Stored[]>();

/** How each stored property becomes a row value, worked out once per entity. */
function convertersOf(meta: EntityMetadata, platform: Platform): Stored[] {
  let list = converters.get(meta);
  if (!list) {
    const convert = (prop: EntityProperty): Convert | null => {
      if (prop.kind === ReferenceKind.MANY_TO_ONE || prop.kind === ReferenceKind.ONE_TO_ONE) return (id) => (id === null || id === undefined ? null : { id });
      const type = prop.customType;
      return type ? (value) => (value === null || value === undefined ? value : type.convertToJSValue(value, platform)) : null;
    };
    const stored = meta.props.filter(
      (p) =>
        p.persist !== false && (p.kind === ReferenceKind.SCALAR || p.kind === ReferenceKind.MANY_TO_ONE || (p.kind === ReferenceKind.ONE_TO_ONE && p.owner)),
    );
    list = stored.map((p) => [p.name, p.fieldNames[0]!, convert(p)]);
    converters.set(meta, list);
  }
  return list;
}

/**
 * The read path of the API (lists, lookups by id, child collections, references): one SELECT whose
 * results become plain rows. Building managed entities for rows that are only serialised cost several
 * times the query itself (identity map, change-tracking snapshots, reference proxies); writes and
 * rules still work on entities through the EntityManager.
 */
export async function readRows(em: EntityManager, entity: EntityClass, where: FilterQuery<object>, query: RowQuery = {}): Promise<EntityRow[]> {
  const meta = em.getMetadata().get(entity.name);
  const props = chosenProps(meta, em.getPlatform(), query.props);
  const qb = (em as SqlEntityManager)
    .createQueryBuilder(entity.name, 'e')
    // Columns, not properties: a property name of a reference the filter joins would be read from the join.
    .select(props === convertersOf(meta, em.getPlatform()) ? 'e.*' : props.map(([, column]) => `e.${column}`))
    .where(where as never);
  if (query.orderBy) qb.orderBy(query.orderBy as never);
  if (query.limit !== undefined) qb.limit(query.limit, query.offset);
  const data = (await qb.execute('all', true)) as Array<Record<string, unknown>>;
  return data.map((record) => toRow(record, props));
}

/**
 * The rows whose `key` column is one of `values` (the DataLoaders' lookups by id and by code): one
 * prepared statement per entity, columns and key, whatever the number of values, which travel as one
 * array parameter. `within` narrows the rows further (a reader's scope). Inside a transaction, `readRows`.
 */
export async function readRowsByKey(
  em: EntityManager,
  entity: EntityClass,
  key: string,
  values: readonly unknown[],
  props?: string[],
  within?: FilterQuery<object>,
): Promise<EntityRow[]> {
  const meta = em.getMetadata().get(entity.name);
  const platform = em.getPlatform();
  const postgres = isPostgres(em);
  let reading: Promise<Array<Record<string, unknown>>> | null;
  let chosen: Stored[];
  if (!within) {
    const lookup = remembered(meta, `${key}|${props ?? '*'}`, () => keyLookup(meta, platform, postgres, key, props));
    chosen = lookup.chosen;
    reading = preparedRead(em, lookup.text, [postgres ? values : JSON.stringify(values)]);
  } else {
    chosen = chosenProps(meta, platform, props);
    const keyProp = meta.props.find((p) => p.name === key);
    const keyColumn = storedColumn(meta, platform, key);
    // A JSON array in both: the query builder that adds `within` spreads an array into one placeholder per value.
    const cast = keyProp?.runtimeType === 'number' ? '::bigint' : '';
    const q = (name: string) => platform.quoteIdentifier(name);
    const isIn = postgres
      ? `e.${q(keyColumn)} in (select value${cast} from json_array_elements_text(?::json) as value)`
      : `e.${q(keyColumn)} in (select value from json_each(?))`;
    const qb = (em as SqlEntityManager)
      .createQueryBuilder(entity.name, 'e')
      .select(chosen.map(([, column]) => `e.${column}`))
      .where(within as never)
      .andWhere(isIn, [JSON.stringify(values)]);
    reading = preparedRead(em, qb.getQuery(), [...qb.getParams()]);
  }
  if (!reading) return readRows(em, entity, { $and: [{ [key]: { $in: [...values] } }, within ?? {}] }, { props });
  const records = await reading;
  const driver = em.getDriver();
  return records.map((record) => toRow(driver.mapResult(record, meta) as Record<string, unknown>, chosen));
}

/** A column's name in the table, for a stored property. */
function storedColumn(meta: EntityMetadata, platform: Platform, prop: string): string {
  const column = convertersOf(meta, platform).find(([name]) => name === prop)?.[1];
  if (!column) throw new Error(`${meta.className}.${prop} is not a stored column`);
  return column;
}

/** One text for any number of values: an array parameter in PostgreSQL, a JSON array in SQLite. */
function keyLookup(meta: EntityMetadata, platform: Platform, postgres: boolean, key: string, props: string[] | undefined): { text: string; chosen: Stored[] } {
  const chosen = chosenProps(meta, platform, props);
  const q = (name: string) => platform.quoteIdentifier(name);
  const from = `select ${chosen.map(([, column]) => `e.${q(column)}`).join(', ')} from ${q(meta.tableName)} as e where e.${q(storedColumn(meta, platform, key))}`;
  return { text: postgres ? `${from} = any(?)` : `${from} in (select value from json_each(?))`, chosen };
}

/** Statement texts by entity and what they read: the same few, built once. Past this many per entity they are built each time. */
const MAX_REMEMBERED_TEXTS = 200;
const texts = new WeakMap<EntityMetadata, Map<string, unknown>>();

function remembered<T>(meta: EntityMetadata, key: string, build: () => T): T {
  let known = texts.get(meta);
  if (!known) texts.set(meta, (known = new Map()));
  if (known.has(key)) return known.get(key) as T;
  const built = build();
  if (known.size < MAX_REMEMBERED_TEXTS) known.set(key, built);
  return built;
}

/**
 * The rows whose columns `keys` (in order) equal one of the tuples, in one prepared statement whatever
 * the number of tuples: they travel as one JSON array of arrays, bound as a single parameter, and the
 * columns are compared as a row value. Numbers compare as numbers (ids, years), the rest as text.
 */
export async function readRowsByCompoundKey(
  em: EntityManager,
  entity: EntityClass,
  keys: string[],
  tuples: ReadonlyArray<ReadonlyArray<string | number>>,
  props?: string[],
  within?: FilterQuery<object>,
): Promise<EntityRow[]> {
  const meta = em.getMetadata().get(entity.name);
  const platform = em.getPlatform();
  const chosen = chosenProps(meta, platform, props);
  const stored = convertersOf(meta, platform);
  const columns = keys.map((key) => {
    const column = stored.find(([name]) => name === key)?.[1];
    if (!column) throw new Error(`${entity.name}.${key} is not a stored column`);
    return column;
  });
  const numeric = keys.map((key) => {
    const prop = meta.properties[key as never] as EntityProperty;
    return prop.kind === ReferenceKind.MANY_TO_ONE || prop.runtimeType === 'number';
  });
  const postgres = isPostgres(em);
  const element = (i: number) => (postgres ? `(v->>${i})${numeric[i] ? '::bigint' : ''}` : `json_extract(v.value, '$[${i}]')`);
  const source = postgres ? 'json_array_elements(?::json) as v' : 'json_each(?) as v';
  const condition = `(${columns.map((column) => `e.${column}`).join(', ')}) in (select ${keys.map((_, i) => element(i)).join(', ')} from ${source})`;
  const qb = (em as SqlEntityManager)
    .createQueryBuilder(entity.name, 'e')
    .select(chosen.map(([, column]) => `e.${column}`))
    .where((within ?? {}) as never)
    .andWhere(condition, [JSON.stringify(tuples)]);
  const records = await (preparedRead(em, qb.getQuery(), [...qb.getParams()]) ?? qb.execute<Array<Record<string, unknown>>>('all', false));
  const driver = em.getDriver();
  return records.map((record) => toRow(driver.mapResult(record, meta) as Record<string, unknown>, chosen));
}

/** A many-to-one reference to read along with its record (see `readRowWithReferences`). */
export interface JoinedReference {
  prop: string;
  entity: EntityClass;
  props?: string[];
}

/**
 * One record by id and the records its `references` point to, in one prepared statement (a left join
 * per reference) instead of one lookup per table: `School(id) { city { … } }` is one round trip.
 * `referenced` follows `references`' order; null where the reference is. Undefined inside a
 * transaction, where the caller reads through its DataLoaders.
 */
export async function readRowWithReferences(
  em: EntityManager,
  entity: EntityClass,
  id: number,
  props: string[] | undefined,
  references: JoinedReference[],
): Promise<{ row: EntityRow | null; referenced: Array<EntityRow | null> } | undefined> {
  const meta = em.getMetadata().get(entity.name);
  const key = `${props ?? '*'}|${references.map((reference) => `${reference.prop}:${reference.props ?? '*'}`).join('|')}`;
  const read = remembered(meta, key, () => joinedRead(em, meta, props, references));
  const reading = preparedRead(em, read.text, [id]);
  if (!reading) return undefined;
  const [record] = await reading;
  if (!record) return { row: null, referenced: references.map(() => null) };
  const driver = em.getDriver();
  const referenced = read.joined.map(({ meta: refMeta, chosen: refChosen, prefix }) => {
    const own: Record<string, unknown> = {};
    for (const [, column] of refChosen) own[column] = record[prefix + column];
    return own.id === null || own.id === undefined ? null : toRow(driver.mapResult(own, refMeta) as Record<string, unknown>, refChosen);
  });
  return { row: toRow(driver.mapResult(record, meta) as Record<string, unknown>, read.chosen), referenced };
}

/** The statement of `readRowWithReferences` and how its columns become the rows. */
function joinedRead(em: EntityManager, meta: EntityMetadata, props: string[] | undefined, references: JoinedReference[]) {
  const metadata = em.getMetadata();
  const platform = em.getPlatform();
  const q = (name: string) => platform.quoteIdentifier(name);
  const chosen = chosenProps(meta, platform, props);
  const columns = chosen.map(([, column]) => `e.${q(column)}`);
  const joins: string[] = [];
  const joined = references.map((reference, i) => {
    const refMeta = metadata.get(reference.entity.name);
    const refChosen = chosenProps(refMeta, platform, reference.props);
    const foreignKey = storedColumn(meta, platform, reference.prop);
    columns.push(...refChosen.map(([, column]) => `r${i}.${q(column)} as ${q(`r${i}_${column}`)}`));
    joins.push(`left join ${q(refMeta.tableName)} as r${i} on r${i}.${q('id')} = e.${q(foreignKey)}`);
    return { meta: refMeta, chosen: refChosen, prefix: `r${i}_` };
  });
  const text = `select ${columns.join(', ')} from ${q(meta.tableName)} as e ${joins.join(' ')} where e.${q('id')} = ?`;
  return { text, chosen, joined };
}

/**
 * For each of the rows `ids`, the value at the end of each property path (`['plan', 'school', 'city',
 * 'code']`) as a row of the last entity carries it (a reference as `{ id }`), null where a reference on
 * the way is null: one statement, a left join per reference crossed (paths share their common joins).
 * A row missing from the answer was deleted since the caller read it.
 */
export async function readPathValues(em: EntityManager, entity: EntityClass, ids: readonly number[], paths: string[][]): Promise<Map<number, unknown[]>> {
  const metadata = em.getMetadata();
  const platform = em.getPlatform();
  const q = (name: string) => platform.quoteIdentifier(name);
  const root = { alias: 'e', meta: metadata.get(entity.name) };
  const joins = new Map<string, typeof root>();
  const joinTexts: string[] = [];
  const ends = paths.map((path) => {
    let at = root;
    path.slice(0, -1).forEach((prop, hop) => {
      const key = path.slice(0, hop + 1).join('.');
      let next = joins.get(key);
      if (!next) {
        const reference = at.meta.properties[prop as never] as EntityProperty;
        next = { alias: `j${joins.size}`, meta: metadata.get(reference.type) };
        joinTexts.push(`left join ${q(next.meta.tableName)} as ${next.alias} on ${next.alias}.${q('id')} = ${at.alias}.${q(reference.fieldNames[0]!)}`);
        joins.set(key, next);
      }
      at = next;
    });
    const stored = convertersOf(at.meta, platform).find(([name]) => name === path[path.length - 1]);
    if (!stored) throw new Error(`${path.join('.')} is not a stored column reached from ${entity.name}`);
    return { ...at, stored };
  });
  const columns = ends.map(({ alias, stored }, i) => `${alias}.${q(stored[1])} as ${q(`v${i}`)}`);
  const records = await queryRows(
    em,
    `select e.${q('id')} as ${q('id')}, ${columns.join(', ')} from ${q(root.meta.tableName)} as e ${joinTexts.join(' ')} where e.${q('id')} in ${placeholders(ids)}`,
    ids,
  );
  const driver = em.getDriver();
  return new Map(
    records.map((record) => [
      Number(record.id),
      ends.map(({ meta, stored }, i) => toRow(driver.mapResult({ [stored[1]]: record[`v${i}`] }, meta) as Record<string, unknown>, [stored])[stored[0]]),
    ]),
  );
}

/** The stored properties `props` names, or all of them when one is not a stored column (or none is named). */
function chosenProps(meta: EntityMetadata, platform: Platform, props: string[] | undefined): Stored[] {
  const stored = convertersOf(meta, platform);
  const wanted = new Set(props);
  const chosen = stored.filter(([name]) => wanted.has(name));
  return chosen.length > 0 && chosen.length === wanted.size ? chosen : stored;
}

function toRow(record: Record<string, unknown>, props: Stored[]): EntityRow {
  const row: Record<string, unknown> = {};
  for (const [name, , convert] of props) {
    const value = record[name];
    row[name] = convert ? convert(value) : value;
  }
  return row as EntityRow;
}
