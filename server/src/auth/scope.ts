import { Utils, wrap, type FilterQuery } from '@mikro-orm/core';
import { AppError, notFound } from '../common/errors.js';
import { mayRead, mayWrite, placeOf, readPlaceOf, type ResourceDef } from '../common/resource.js';
import { nest } from '../common/filters.js';
import type { BaseEntity } from '../common/base.entity.js';
import { Role } from './role.js';
import type { Actor } from './actor.js';

export const unauthenticated = () => new AppError({ code: 'UNAUTHENTICATED', zh: '请先登录', en: 'sign in first', details: { http: { status: 401 } } });

export const forbidden = (labelZh: string, name: string, field?: string) =>
  new AppError({ code: 'FORBIDDEN', field, zh: `无权访问或修改该${labelZh}记录`, en: `you may not access or change this ${name}` });

/**
 * The actor a request acts for (`ctx.actor`, or `actorOf(em)` below the resolvers); UNAUTHENTICATED for
 * an anonymous request. undefined outside requests (seeding, scripts), which act with full rights.
 */
export function requestActor(actor: Actor | null | undefined): Actor | undefined {
  if (actor === null) throw unauthenticated();
  return actor;
}

/** The actor's city or school id a row must carry, and the path from the row to it. */
function placeTest(def: ResourceDef, actor: Actor): { path: string; id: number | null } | undefined {
  const place = placeOf(def, actor.role);
  if (place === 'school') return { path: def.policy.school!, id: actor.schoolId };
  if (place === 'city') return { path: def.policy.city!, id: actor.cityId };
  return undefined;
}

/** The actor's place as a condition on the resource's rows; undefined for the whole province. */
function placeFilter(def: ResourceDef, actor: Actor): FilterQuery<object> | undefined {
  const test = placeTest(def, actor);
  return test && nest(test.path, test.id);
}

/** Where the actor's readable rows lie, as a condition on the resource; undefined when the actor sees every row. */
export function readScope(def: ResourceDef, given: Actor | null | undefined): FilterQuery<object> | undefined {
  const actor = requestActor(given);
  if (!actor) return undefined;
  if (!mayRead(def, actor.role)) throw forbidden(def.labelZh, def.name);
  if (readPlaceOf(def, actor.role) === 'self') return nest(def.policy.self!, actor.userId);
  return def.policy.readEverywhere ? undefined : placeFilter(def, actor);
}

/** Where the rows the actor may change lie; undefined when the actor's place is the whole province. */
export function writeScope(def: ResourceDef, given: Actor | null | undefined): FilterQuery<object> | undefined {
  const actor = requestActor(given);
  return actor ? placeFilter(def, actor) : undefined;
}

/** `where` narrowed to the actor's rows. */
export function scoped(def: ResourceDef, where: FilterQuery<object>, actor: Actor | null | undefined): FilterQuery<object> {
  const scope = readScope(def, actor);
  return scope ? ({ $and: [where, scope] } as FilterQuery<object>) : where;
}

/**
 * The answer for an id the actor cannot use: to a user bound to a city or school, a row elsewhere
 * and no row at all look the same (FORBIDDEN, naming nothing of the row); others learn it is missing.
 */
export function absent(def: ResourceDef, id: unknown, limited: boolean): AppError {
  return limited ? forbidden(def.labelZh, def.name) : notFound(def.labelZh, String(id));
}

/** The id at the end of a path from a row (`plan.school.city`), loading what is not loaded yet. */
export async function idAt(entity: BaseEntity, path: string): Promise<number | null> {
  let current: unknown = entity;
  for (const key of path.split('.')) {
    if (current === null || current === undefined) return null;
    if (Utils.isEntity(current) && !wrap(current).isInitialized()) await wrap(current).init();
    current = (current as Record<string, unknown>)[key];
  }
  if (typeof current === 'number') return current;
  return (current as BaseEntity | null | undefined)?.id ?? null;
}

/** Whether a row lies within the actor's city or school. */
export async function inScope(def: ResourceDef, entity: BaseEntity, given: Actor | null | undefined): Promise<boolean> {
  const actor = requestActor(given);
  const test = actor && placeTest(def, actor);
  return !test || (await idAt(entity, test.path)) === test.id;
}

/** Refuses, before anything is looked at, a write the actor's role never allows on this resource. */
export function assertRoleMayWrite(def: ResourceDef, given: Actor | null | undefined): void {
  const actor = requestActor(given);
  if (actor && !mayWrite(def, actor.role)) throw forbidden(def.labelZh, def.name);
}

/**
 * Refuses a row being written that already names a place other than the actor's (a school moved to
 * another city), before any rule or lookup runs on it; a place not known yet (derived by the
 * resource's hooks) is checked by `assertMayWrite` afterwards.
 */
export async function assertNotElsewhere(def: ResourceDef, entity: BaseEntity, given: Actor | null | undefined): Promise<void> {
  const actor = requestActor(given);
  const test = actor && placeTest(def, actor);
  if (!test) return;
  const id = await idAt(entity, test.path);
  if (id !== null && id !== test.id) throw forbidden(def.labelZh, def.name);
}

/** Refuses a write the actor's role or place does not allow; checked on a row before and after a change. */
export async function assertMayWrite(def: ResourceDef, entity: BaseEntity, given: Actor | null | undefined): Promise<void> {
  const actor = requestActor(given);
  if (!actor) return;
  const { staffWritesWhere } = def.policy;
  if (!mayWrite(def, actor.role)) throw forbidden(def.labelZh, def.name);
  if (!(await inScope(def, entity, actor))) throw forbidden(def.labelZh, def.name);
  const row = entity as unknown as Record<string, unknown>;
  if (
    actor.role === Role.SCHOOL_STAFF &&
    staffWritesWhere &&
    Object.entries(staffWritesWhere).some(([prop, allowed]) => !allowed.includes(row[prop] as string))
  ) {
    throw forbidden(def.labelZh, def.name);
  }
}
