import type { MikroORM } from '@mikro-orm/core';
import type { Role } from './role.js';
import type { Actor } from './actor.js';
import type { TokenService } from './tokens.js';
import { preparedRead } from '../common/prepared-reads.js';
import type { TableCache } from '../common/table-cache.js';

// Every request asks this: one prepared statement rather than a query builder or a managed User.
const ACTOR_SQL = 'select "id", "username", "role", "city_id", "school_id", "token_version" from "app_user" where "id" = ? and "active"';

interface ActorColumns {
  id: number;
  username: string;
  role: Role;
  city_id: number | null;
  school_id: number | null;
  token_version: number;
}

/**
 * The user behind a request's `Authorization` header, if the token is valid and the user active and not logged out since.
 * The user's row comes from the table cache: every instance forgets it as soon as any instance writes it.
 */
export async function actorFor(orm: MikroORM, cache: TableCache, tokens: TokenService, header: string | undefined): Promise<Actor | null> {
  const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token) return null;
  const subject = await tokens.verify(token);
  if (!subject) return null;
  // The global EntityManager is never inside a transaction, so the read always runs.
  const read = async () => ((await preparedRead(orm.em, ACTOR_SQL, [subject.userId]))![0] as unknown as ActorColumns | undefined) ?? null;
  const user = await cache.read('app_user', subject.userId, read);
  if (!user || user.token_version !== subject.tokenVersion) return null;
  return { userId: user.id, username: user.username, role: user.role, cityId: user.city_id, schoolId: user.school_id };
}
