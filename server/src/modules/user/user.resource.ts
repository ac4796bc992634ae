import type { EntityManager } from '@mikro-orm/core';
import { defineResource } from '../../common/resource.js';
import { badInput, ruleViolation } from '../../common/errors.js';
import { City } from '../city/city.entity.js';
import { School } from '../school/school.entity.js';
import { assertStrongPassword, hashPassword, NO_PASSWORD } from '../../auth/passwords.js';
import { User } from './user.entity.js';
import { PROVINCE_ONLY, Role } from '../../auth/role.js';

/** A city admin is bound to a city, school staff to a school (and so to its city); nobody else is bound. */
async function checkBinding(em: EntityManager, user: User): Promise<void> {
  if (user.role === Role.CITY_ADMIN && !user.city) throw badInput('cityId', '设区市管理员必须指定设区市', 'a city admin needs a cityId');
  if (user.role === Role.SCHOOL_STAFF) {
    if (!user.school) throw badInput('schoolId', '院校工作人员必须指定学校', 'school staff need a schoolId');
    user.city = (await em.findOneOrFail(School, user.school.id)).city;
  }
  if (user.role !== Role.SCHOOL_STAFF) user.school = null;
  if (user.role !== Role.CITY_ADMIN && user.role !== Role.SCHOOL_STAFF) user.city = null;
}

/** The province's active admin accounts as the rows of a batch leave them: by id, or the row itself while it has none. */
type ProvinceAdmins = Set<number | User>;

/** Refuses a row that would leave the province without an active admin account (nobody could manage accounts then). */
function keepAnAdmin(admins: ProvinceAdmins, user: User, staysAdmin: boolean, field: string): void {
  const key = user.id ?? user;
  if (staysAdmin) admins.add(key);
  else admins.delete(key);
  if (admins.size === 0) {
    throw ruleViolation('LAST_ADMIN', '须保留至少一个启用的省厅管理员账号', 'the province must keep at least one active PROVINCE_ADMIN account', field);
  }
}

export const userResource = defineResource({
  entity: User,
  name: 'User',
  plural: 'Users',
  labelZh: '用户',
  policy: { write: PROVINCE_ONLY, read: PROVINCE_ONLY, self: 'id' },
  search: ['username', 'displayName'],
  defaultSort: 'username',
  unique: [['username']],
  fields: [
    {
      name: 'username',
      kind: 'string',
      labelZh: '用户名',
      required: true,
      pattern: {
        regex: /^[a-z][a-z0-9_.-]{2,49}$/,
        zh: '小写字母开头，3–50 位小写字母、数字、_ . -',
        en: '3–50 lowercase letters, digits, _ . - starting with a letter',
      },
    },
    { name: 'displayName', kind: 'string', labelZh: '姓名', maxLength: 100 },
    { name: 'role', kind: 'enum', enum: Role, labelZh: '角色', required: true },
    { name: 'cityId', prop: 'city', kind: 'ref', target: () => City, labelZh: '设区市' },
    { name: 'schoolId', prop: 'school', kind: 'ref', target: () => School, labelZh: '学校' },
    { name: 'active', kind: 'boolean', labelZh: '启用' },
    { name: 'password', kind: 'string', labelZh: '密码', writeOnly: true },
  ],
  hooks: {
    async prepare(em): Promise<ProvinceAdmins> {
      const admins = await em.find(User, { role: Role.PROVINCE_ADMIN, active: true }, { fields: ['id'], disableIdentityMap: true });
      return new Set(admins.map((admin) => admin.id));
    },
    async beforeDelete(_em, user, admins) {
      keepAnAdmin(admins, user, false, 'id');
    },
    async beforeSave(em, user, isNew, before, admins) {
      await checkBinding(em, user);
      keepAnAdmin(admins, user, user.role === Role.PROVINCE_ADMIN && user.active, before?.active && !user.active ? 'active' : 'role');
      if (user.password && user.role === Role.SERVICE) {
        throw badInput('password', '对接系统账号不用密码登录，请勿设置密码', 'a SERVICE account never signs in with a password; give none');
      }
      if (user.password) {
        assertStrongPassword(user.password);
        user.passwordHash = await hashPassword(user.password);
        if (!isNew) user.tokenVersion += 1;
        user.password = null;
      } else if (isNew && user.role === Role.SERVICE) {
        // A service account signs in only with a token from issueServiceToken: no password can match this.
        user.passwordHash = NO_PASSWORD;
      } else if (isNew) {
        throw badInput('password', '新用户必须设置密码', 'a new user needs a password');
      }
    },
  },
});
