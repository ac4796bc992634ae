import { registerEnumType } from 'type-graphql';

/** 招生对象 ("等各类群体"): extend by adding a value here and its labels in the admin's i18n files. */
export enum TargetGroup {
  JUNIOR_HIGH_GRADUATE = 'JUNIOR_HIGH_GRADUATE',
  JUNIOR_HIGH_PAST = 'JUNIOR_HIGH_PAST',
  SENIOR_HIGH_GRADUATE = 'SENIOR_HIGH_GRADUATE',
  SENIOR_HIGH_PAST = 'SENIOR_HIGH_PAST',
  ENTERPRISE_EMPLOYEE = 'ENTERPRISE_EMPLOYEE',
  UNEMPLOYED = 'UNEMPLOYED',
  FLEXIBLE_EMPLOYMENT = 'FLEXIBLE_EMPLOYMENT',
  MIGRANT_WORKER = 'MIGRANT_WORKER',
  NEW_FARMER = 'NEW_FARMER',
  OTHER = 'OTHER',
}
registerEnumType(TargetGroup, {
  name: 'TargetGroup',
  valuesConfig: {
    JUNIOR_HIGH_GRADUATE: { description: '应届初中毕业生' },
    JUNIOR_HIGH_PAST: { description: '往届初中毕业生' },
    SENIOR_HIGH_GRADUATE: { description: '应届高中毕业生' },
    SENIOR_HIGH_PAST: { description: '往届高中毕业生' },
    ENTERPRISE_EMPLOYEE: { description: '企业职工' },
    UNEMPLOYED: { description: '失业人员' },
    FLEXIBLE_EMPLOYMENT: { description: '灵活就业人员' },
    MIGRANT_WORKER: { description: '农民工' },
    NEW_FARMER: { description: '新型职业农民' },
    OTHER: { description: '其他群体' },
  },
});
