import { Utils, wrap, type FilterQuery } from '@mikro-orm/core';
import { AppError } from '../common/errors.js';
import type { ResourceDef } from '../common/resource.js';
import { nest } from '../common/filters.js';
import type { BaseEntity } from '../common/base.entity.js';
import { Role } from '../modules/user/role.js';
import { currentActor, type Actor } from './actor.js';
import { policyOf } from './policies.js';

export const unauthenticated = () =>
  new AppError({ code: 'UNAUTHENTICATED', zh: '请先登录', en: 'sign in first', details: { http: { status: 401 } } });

export const forbidden = (labelZh: string, name: string) =>
  new AppError({ code: 'FORBIDDEN', zh: `无权访问或修改该${labelZh}记录`, en: `you may not access or change this ${name}` });

/** The actor of the request; undefined outside requests (seeding, scripts), which act with full rights. */
export function requestActor(): Actor | undefined {
  const actor = currentActor();
  if (actor === null) throw unauthenticated();
  return actor;
}

/** Where the actor's rows lie, as a condition on the resource; undefined when the actor sees every row. */
export function readScope(def: ResourceDef): FilterQuery<object> | undefined {
  const actor = requestActor();
  if (!actor) return undefined;
  const policy = policyOf(def.name);
  if (policy.read && !policy.read.includes(actor.role)) throw forbidden(def.labelZh, def.name);
  if (actor.role === Role.SCHOOL_STAFF && policy.school) return nest(policy.school, actor.schoolId);
  if ((actor.role === Role.CITY_ADMIN || actor.role === Role.SCHOOL_STAFF) && policy.city) return nest(policy.city, actor.cityId);
  return undefined;
}

/** `where` narrowed to the actor's rows. */
export function scoped(def: ResourceDef, where: FilterQuery<object>): FilterQuery<object> {
  const scope = readScope(def);
  return scope ? ({ $and: [where, scope] } as FilterQuery<object>) : where;
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
export async function inScope(def: ResourceDef, entity: BaseEntity): Promise<boolean> {
  const actor = requestActor();
  if (!actor) return true;
  const policy = policyOf(def.name);
  if (actor.role === Role.SCHOOL_STAFF && policy.school) return (await idAt(entity, policy.school)) === actor.schoolId;
  if ((actor.role === Role.CITY_ADMIN || actor.role === Role.SCHOOL_STAFF) && policy.city) return (await idAt(entity, policy.city)) === actor.cityId;
  return true;
}

/** Refuses, before anything is looked at, a write the actor's role never allows on this resource. */
export function assertRoleMayWrite(def: ResourceDef): void {
  const actor = requestActor();
  if (actor && !policyOf(def.name).write.includes(actor.role)) throw forbidden(def.labelZh, def.name);
}

/** Refuses a write the actor's role or place does not allow; checked on a row before and after a change. */
export async function assertMayWrite(def: ResourceDef, entity: BaseEntity): Promise<void> {
  const actor = requestActor();
  if (!actor) return;
  const policy = policyOf(def.name);
  if (!policy.write.includes(actor.role)) throw forbidden(def.labelZh, def.name);
  if (!(await inScope(def, entity))) throw forbidden(def.labelZh, def.name);
  if (actor.role === Role.SCHOOL_STAFF && policy.staffMayWrite && !policy.staffMayWrite(entity as unknown as Record<string, unknown>)) {
    throw forbidden(def.labelZh, def.name);
  }
}
