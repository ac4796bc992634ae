import type { Role } from './role.js';
import type { Actor } from './actor.js';
import type { TokenService } from './tokens.js';
import type { TableCache } from '../read/table-cache.js';

/** What a request needs of the account its token names (the user module reads it: modules/user/account.ts). */
export interface Account {
  id: number;
  username: string;
  role: Role;
  cityId: number | null;
  schoolId: number | null;
  tokenVersion: number;
}

/**
 * The user behind a request's `Authorization` header, if the token is valid and the user active and not logged out since.
 * The account comes from the table cache: every instance forgets it as soon as any instance writes it.
 */
export async function actorFor(
  readAccount: (id: number) => Promise<Account | null>,
  cache: TableCache,
  tokens: TokenService,
  header: string | undefined,
): Promise<Actor | null> {
  const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token) return null;
  const subject = await tokens.verify(token);
  if (!subject) return null;
  const user = await cache.read('app_user', subject.userId, () => readAccount(subject.userId));
  if (!user || user.tokenVersion !== subject.tokenVersion) return null;
  return { userId: user.id, username: user.username, role: user.role, cityId: user.cityId, schoolId: user.schoolId };
}
