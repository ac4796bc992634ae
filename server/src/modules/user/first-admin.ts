import type { MikroORM } from '@mikro-orm/core';
import { withSetupLock } from '../../orm.js';
import { User } from './user.entity.js';
import { Role } from '../../auth/role.js';
import { assertStrongPassword, generatePassword, hashPassword } from '../../auth/passwords.js';

/**
 * On a database without users, creates the first province admin: ADMIN_USERNAME / ADMIN_PASSWORD
 * when given, else a generated password that is printed once and works only until changed.
 */
export async function ensureFirstAdmin(orm: MikroORM, username: string, password: string | undefined): Promise<string | null> {
  return withSetupLock(orm, async (em) => {
    if ((await em.count(User)) > 0) return null;
    const secret = password ?? generatePassword();
    assertStrongPassword(secret);
    em.create(User, { username, role: Role.PROVINCE_ADMIN, displayName: '省厅管理员', passwordHash: await hashPassword(secret) });
    await em.flush();
    return password
      ? `Created province admin "${username}" with ADMIN_PASSWORD`
      : `Created province admin "${username}" with password: ${secret}  (shown once; change it after signing in)`;
  });
}
