import { registerEnumType } from 'type-graphql';

/** Who may do what (the notice's division of authority). */
export enum Role {
  PROVINCE_ADMIN = 'PROVINCE_ADMIN',
  CITY_ADMIN = 'CITY_ADMIN',
  SCHOOL_STAFF = 'SCHOOL_STAFF',
  ANALYST = 'ANALYST',
  SERVICE = 'SERVICE',
}
registerEnumType(Role, {
  name: 'Role',
  valuesConfig: {
    PROVINCE_ADMIN: { description: '省人力社保厅管理员：全省，下达省属院校计划并接收备案' },
    CITY_ADMIN: { description: '设区市人力社保局管理员：本市院校' },
    SCHOOL_STAFF: { description: '院校工作人员：本校草稿计划与招生实绩' },
    ANALYST: { description: '分析人员：全省只读' },
    SERVICE: { description: '对接系统（联邦网关等）：全省只读，长期令牌' },
  },
});

/** Role groups the resources' policies are written with (each resource's `policy`). */
export const PROVINCE_ONLY: Role[] = [Role.PROVINCE_ADMIN];
export const BUREAUS: Role[] = [Role.PROVINCE_ADMIN, Role.CITY_ADMIN];
export const OFFICES: Role[] = [Role.PROVINCE_ADMIN, Role.CITY_ADMIN, Role.SCHOOL_STAFF];
export const NOBODY: Role[] = [];
/** Readers of rows that belong to a city as a whole, not to one school: everyone but school staff. */
export const CITY_READERS: Role[] = [Role.PROVINCE_ADMIN, Role.CITY_ADMIN, Role.ANALYST, Role.SERVICE];
/** Roles that see the whole province. */
export const PROVINCE_WIDE: Role[] = [Role.PROVINCE_ADMIN, Role.ANALYST, Role.SERVICE];
