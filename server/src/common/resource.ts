import type { EntityManager } from '@mikro-orm/core';
import type { BaseEntity } from './base.entity.js';
import { Role } from '../auth/role.js';

export type EntityClass<T extends BaseEntity = BaseEntity> = new () => T;

export type FieldKind = 'string' | 'int' | 'float' | 'boolean' | 'date' | 'enum' | 'enumList' | 'ref' | 'json';

/** One writable, filterable column of a resource: the single description the API and checks are built from. */
export interface FieldSpec {
  /** Name in GraphQL arguments and filters; a reference ends in `Id` (`cityId`). */
  name: string;
  kind: FieldKind;
  /** Chinese label used in error messages. */
  labelZh: string;
  /** Entity property when it differs from `name` (references: `city`). */
  prop?: string;
  /** Referenced entity, for `ref`. */
  target?: () => EntityClass;
  /** Enum object, for `enum` and `enumList`. */
  enum?: Record<string, string>;
  /**
   * For `json` (structured values stored in one JSON column, e.g. a list of stages): the GraphQL input
   * type accepted on writes, and a check that returns the value to store or throws an AppError. The
   * output type is the entity property's own `@Field`. Not filterable or sortable.
   */
  json?: { input: () => object; validate?(value: unknown): unknown };
  /** Must be given on create and can never be null. */
  required?: boolean;
  /** Shown, filtered and sorted but never written through CRUD (e.g. a workflow status). */
  readOnly?: boolean;
  /** Written but never read back, filtered or sorted (a password). */
  writeOnly?: boolean;
  /** A person's name: never part of the public contract offered to outside systems (see federation). */
  personal?: boolean;
  min?: number;
  max?: number;
  maxLength?: number;
  pattern?: { regex: RegExp; zh: string; en: string };
}

/** A one-to-many collection exposed as a field (`School.plans(year, season)`). */
export interface ChildSpec {
  name: string;
  resource: () => ResourceDef;
  /** Property on the child that points to the parent. */
  foreignKey: string;
  /**
   * Most rows one parent may have here: what the query cost model prices the list at, and enforced
   * when read (a parent with more is refused with LIMIT_EXCEEDED; `allX` with a filter pages through them).
   */
  maxRows: number;
  /** Most rows when the list is narrowed by one of these arguments (`plans(year)`: one year's lines), priced and enforced like `maxRows`. */
  maxRowsBy?: Record<string, number>;
}

/** A filter that reaches through a relation (`EnrollmentPlan` by `cityId` via `school.city`). */
export interface PathFilter {
  name: string;
  path: string;
  kind: 'ref' | 'int' | 'enum' | 'boolean';
  enum?: Record<string, string>;
}

/** One row of a write as the hooks see it: the entity with its new values, and on update the values it had. */
export interface BatchRow<T extends BaseEntity = BaseEntity> {
  entity: T;
  isNew: boolean;
  before?: Readonly<Partial<T>>;
  /** A row being deleted (its rules are `beforeDelete`). */
  deleted?: boolean;
}

/**
 * A resource's rules. A rule is stated once, per row (`beforeSave`, `beforeDelete`); a write of many
 * rows first gives `prepare` all of them, so it can load in one query per table what the rules of
 * every row will look up, and hands its result to each row's rule as `loaded`. Without `prepare` the
 * per-row rules look up what they need themselves, which is correct but costs queries per row.
 */
export interface WriteHooks<T extends BaseEntity = BaseEntity, L = never> {
  /**
   * Loads once what the rules of `rows` need (into the EntityManager, or as its result). Rows of the
   * batch are validated in order and written together afterwards: a rule that counts rows of its own
   * table must count the rows accepted before it in `loaded` (the database does not hold them yet).
   */
  prepare?(em: EntityManager, rows: BatchRow<T>[]): Promise<L>;
  /**
   * Cross-field checks and derived values; throw AppError to refuse. Runs inside the write's transaction.
   * On update, `before` holds the row's properties as they were before this write (to tell what changed).
   */
  beforeSave?(em: EntityManager, entity: T, isNew: boolean, before: Readonly<Partial<T>> | undefined, loaded: L): Promise<void>;
  beforeDelete?(em: EntityManager, entity: T, loaded: L): Promise<void>;
}

/**
 * Who reads and writes a resource, and where its rows stand. `city` and `school` are paths from a row
 * to its city and school (`plan.school.city`). A city admin reads and writes only rows of its city,
 * school staff only rows of their school; a resource with neither path is reference data.
 */
export interface Policy {
  /** Roles that may write at all (through CRUD, bulk saves and the module's own mutations). */
  write: Role[];
  /** Roles that may read; every signed-in role when left out. */
  read?: Role[];
  city?: string;
  school?: string;
  /** Every reader sees every row (a public register), though writes stay within the writer's place. */
  readEverywhere?: boolean;
  /**
   * Path from a row to the user it belongs to (an account: `id`): every role outside `read` still reads
   * the rows that are its own, and only those (its own account, `me`).
   */
  self?: string;
  /** Further limit on the rows school staff may write, as allowed values of row properties (schools draft, others decide). */
  staffWritesWhere?: Record<string, readonly string[]>;
}

export interface ResourceDef<T extends BaseEntity = BaseEntity> {
  entity: EntityClass<T>;
  /** GraphQL type name (`School`); CRUD names derive from it. */
  name: string;
  plural: string;
  labelZh: string;
  /** The one statement of who reads and writes this resource; a resource without one does not start. */
  policy: Policy;
  fields: FieldSpec[];
  /** Properties searched by the `q` filter. */
  search: string[];
  pathFilters?: PathFilter[];
  children?: ChildSpec[];
  /** Column sets that must be unique, as entity property names. */
  unique?: string[][];
  /** The resource's rules; each resource's `prepare` loads its own kind of lookups. */
  hooks?: WriteHooks<T, any>;
  defaultSort?: string;
  /**
   * Federation entity keys, each a field set that is unique (`['id', 'code']`, or the compound
   * `'program { id } year season'`: plain columns and the `{ id }` of a many-to-one reference; see
   * `federation/keys.ts`): the type gets one `@key` per entry and other subgraphs may reference or
   * extend it by any of them. Without keys it is a plain type.
   */
  keys?: string[];
  /** `false`: no generic create/update/delete/save mutations; the module writes through its own service. */
  mutations?: false;
  /**
   * A table of subtotals of the rows, kept by database triggers, that `aggregateX` reads instead of
   * the rows when a question needs nothing else (`aggregate/subtotals.ts`): its primary-key properties
   * are the resource's properties of the same names; `rows` counts the rows summed into a subtotal,
   * `sums` maps a numeric field to the property that sums it.
   */
  subtotals?: Subtotals;
}

export interface Subtotals {
  entity: new () => object;
  rows: string;
  sums: Record<string, string>;
}

/**
 * Most rows one `saveX` request may carry. A save is one transaction, and on SQLite one transaction
 * holds every other writer; larger work is split into saves of this size (the admin reads this value
 * from `schema/resources.json`).
 */
export const MAX_SAVE_ROWS = 1000;

export const propOf = (field: FieldSpec): string => field.prop ?? field.name;

const byEntity = new Map<EntityClass, ResourceDef>();

const ROLES = new Set<string>(Object.values(Role));

/** Refuses a description whose policy is missing or cannot be enforced, so the server never starts with it. */
function assertPolicy(def: ResourceDef): void {
  const { policy } = def;
  if (!policy || !Array.isArray(policy.write)) throw new Error(`resource ${def.name} declares no policy (who reads and writes it)`);
  for (const role of [...policy.write, ...(policy.read ?? [])]) {
    if (!ROLES.has(role)) throw new Error(`resource ${def.name}: unknown role ${role} in its policy`);
  }
  // School staff see only their school's rows: a row with a city but no school is not theirs to read or write.
  if (policy.self && !policy.read) throw new Error(`resource ${def.name} has a self path but no readers: every role would read every row`);
  const staffReads = !policy.read || policy.read.includes(Role.SCHOOL_STAFF);
  if (policy.city && !policy.school && !policy.readEverywhere && staffReads) {
    throw new Error(`resource ${def.name} has a city but no school path: leave SCHOOL_STAFF out of its readers`);
  }
  if (policy.city && !policy.school && policy.write.includes(Role.SCHOOL_STAFF)) {
    throw new Error(`resource ${def.name} has a city but no school path: leave SCHOOL_STAFF out of its writers`);
  }
}

export function defineResource<T extends BaseEntity>(def: ResourceDef<T>): ResourceDef<T> {
  assertPolicy(def as unknown as ResourceDef);
  byEntity.set(def.entity, def as unknown as ResourceDef);
  return def;
}

/** Whether a role reads a resource at all (perhaps only its own rows: see `readPlaceOf`). */
export const mayRead = (def: ResourceDef, role: Role): boolean => !def.policy.read || def.policy.read.includes(role) || Boolean(def.policy.self);

/** Whether a role writes a resource at all. */
export const mayWrite = (def: ResourceDef, role: Role): boolean => def.policy.write.includes(role);

/** Where a role's rows of a resource lie: the whole province, its city, its school, or its own (its account). */
export type Place = 'province' | 'city' | 'school' | 'self';

export function placeOf(def: ResourceDef, role: Role): Place {
  const { city, school } = def.policy;
  if (role === Role.SCHOOL_STAFF && school) return 'school';
  if ((role === Role.CITY_ADMIN || role === Role.SCHOOL_STAFF) && city) return 'city';
  return 'province';
}

/** The place a role reads in: a public register is read everywhere; a role outside the readers reads its own rows, if the resource has a self path. */
export function readPlaceOf(def: ResourceDef, role: Role): Place {
  const { read, self, readEverywhere } = def.policy;
  if (self && read && !read.includes(role)) return 'self';
  return readEverywhere ? 'province' : placeOf(def, role);
}

/** Most rows of a child collection for one parent, given the arguments that narrow it. */
export function childBound(child: ChildSpec, args: Record<string, unknown>): number {
  let bound = child.maxRows;
  for (const [argument, rows] of Object.entries(child.maxRowsBy ?? {})) {
    if (args[argument] !== undefined && args[argument] !== null) bound = Math.min(bound, rows);
  }
  return bound;
}

/** The row bound of a child collection by its schema coordinate (`School.plans`), if it is one; without arguments the widest. */
export function childRowBound(coordinate: string, args: Record<string, unknown> = {}): number | undefined {
  for (const def of byEntity.values()) {
    const child = def.children?.find((c) => `${def.name}.${c.name}` === coordinate);
    if (child) return childBound(child, args);
  }
  return undefined;
}

/** The resource of an entity (the target of a reference), if it is one. */
export const resourceOf = (entity: EntityClass): ResourceDef | undefined => byEntity.get(entity);
