import type { EntityManager } from '@mikro-orm/core';
import { readRowsByKey } from '../../read/rows.js';
import type { Account } from '../../auth/authenticate.js';
import type { Role } from '../../auth/role.js';
import { User } from './user.entity.js';

const ACCOUNT_PROPS = ['id', 'username', 'role', 'city', 'school', 'tokenVersion', 'active'];

const idOf = (reference: unknown): number | null => (reference as { id: number } | null)?.id ?? null;

/**
 * The active account a token names. Every request asks this, so it is the prepared lookup by key
 * (read/rows.ts), its table and columns taken from the User entity's metadata.
 */
export async function readAccount(em: EntityManager, id: number): Promise<Account | null> {
  const [row] = await readRowsByKey(em, User, 'id', [id], ACCOUNT_PROPS);
  if (!row?.active) return null;
  return {
    id: row.id,
    username: row.username as string,
    role: row.role as Role,
    cityId: idOf(row.city),
    schoolId: idOf(row.school),
    tokenVersion: row.tokenVersion as number,
  };
}
