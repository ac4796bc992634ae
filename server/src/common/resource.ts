import type { EntityManager } from '@mikro-orm/core';
import type { BaseEntity } from './base.entity.js';

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
}

/** A filter that reaches through a relation (`EnrollmentPlan` by `cityId` via `school.city`). */
export interface PathFilter {
  name: string;
  path: string;
  kind: 'ref' | 'int' | 'enum' | 'boolean';
  enum?: Record<string, string>;
}

export interface WriteHooks<T extends BaseEntity = BaseEntity> {
  /**
   * Cross-field checks and derived values; throw AppError to refuse. Runs inside the write's transaction.
   * On update, `before` holds the row's properties as they were before this write (to tell what changed).
   */
  beforeSave?(em: EntityManager, entity: T, isNew: boolean, before?: Readonly<Partial<T>>): Promise<void>;
  beforeDelete?(em: EntityManager, entity: T): Promise<void>;
}

export interface ResourceDef<T extends BaseEntity = BaseEntity> {
  entity: EntityClass<T>;
  /** GraphQL type name (`School`); CRUD names derive from it. */
  name: string;
  plural: string;
  labelZh: string;
  fields: FieldSpec[];
  /** Properties searched by the `q` filter. */
  search: string[];
  pathFilters?: PathFilter[];
  children?: ChildSpec[];
  /** Column sets that must be unique, as entity property names. */
  unique?: string[][];
  hooks?: WriteHooks<T>;
  defaultSort?: string;
  /**
   * Federation entity keys, each one unique field (`['id', 'code']`): the type gets one `@key` per entry
   * and other subgraphs may reference or extend it by any of them. Without keys it is a plain type.
   */
  keys?: string[];
  /** `false`: no generic create/update/delete/save mutations; the module writes through its own service. */
  mutations?: false;
}

export const propOf = (field: FieldSpec): string => field.prop ?? field.name;

const byEntity = new Map<EntityClass, ResourceDef>();

export function defineResource<T extends BaseEntity>(def: ResourceDef<T>): ResourceDef<T> {
  byEntity.set(def.entity, def as unknown as ResourceDef);
  return def;
}

/** The resource of an entity (the target of a reference), if it is one. */
export const resourceOf = (entity: EntityClass): ResourceDef | undefined => byEntity.get(entity);
