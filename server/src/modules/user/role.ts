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
