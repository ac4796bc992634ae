import type { EntityManager } from '@mikro-orm/core';
import { School } from '../school/school.entity.js';
import { PROVINCE_CODE } from '../target/campaign.js';
import { PROVINCE_WIDE, Role } from '../../auth/role.js';
import { mayAsk, type QueryReach } from '../../common/query-reach.js';
import { AppError } from '../../common/errors.js';
import { parseId } from '../../common/ids.js';
import type { Actor } from '../../auth/actor.js';

const outsidePlace = () => new AppError({ code: 'FORBIDDEN', zh: '只能查询本市（本校）的统计', en: 'you may only query figures of your own city (school)' });

export const seesWholeProvince = (actor: Actor | null): boolean => !actor || PROVINCE_WIDE.includes(actor.role);

/** The city an aggregate may cover (by code, from the city list): any for province-wide roles, else only the actor's own. */
export function cityCodeInScope(cities: ReadonlyArray<{ id: number; code: string }>, actor: Actor | null, requested: string | null): string | null {
  if (seesWholeProvince(actor)) return requested;
  const own = cities.find((c) => c.id === actor!.cityId)?.code;
  if (!own || (requested && requested !== own && requested !== PROVINCE_CODE)) throw outsidePlace();
  return own;
}

export function cityIdInScope(actor: Actor | null, requested: number | undefined): number | undefined {
  if (seesWholeProvince(actor)) return requested;
  if (requested !== undefined && requested !== actor!.cityId) throw outsidePlace();
  return actor!.cityId!;
}

/** A school the actor may ask figures of (school staff: their own; a city bureau: a school of its city); null when none is asked. */
export async function schoolIdAllowed(em: EntityManager, actor: Actor | null, requested: string | null): Promise<string | null> {
  if (!requested || seesWholeProvince(actor)) return requested;
  if (actor!.role === Role.SCHOOL_STAFF) {
    if (parseId(requested, 'schoolId') !== actor!.schoolId) throw outsidePlace();
    return requested;
  }
  const school = await em.findOne(School, parseId(requested, 'schoolId'));
  if (!school || school.city.id !== actor!.cityId) throw outsidePlace();
  return requested;
}

/** A school a breakdown covers: as `schoolIdAllowed`, and school staff's own when they name none. */
export async function schoolIdInScope(em: EntityManager, actor: Actor | null, requested: string | null): Promise<string | null> {
  if (!requested && actor?.role === Role.SCHOOL_STAFF) return String(actor.schoolId);
  return schoolIdAllowed(em, actor, requested);
}

/** Refuses a query its declared reach does not open to the actor (figures comparing every city: province-wide roles). */
export function assertMayAsk(reach: QueryReach, actor: Actor | null): void {
  if (actor && !mayAsk(reach, actor.role)) throw outsidePlace();
}
