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

/** Where an intake's count comes from: the sum of a school's roster, or a number typed where no roster exists yet (unverified). */
export enum IntakeSource {
  REPORTED = 'REPORTED',
  ROSTER = 'ROSTER',
}
registerEnumType(IntakeSource, {
  name: 'IntakeSource',
  valuesConfig: {
    REPORTED: { description: '填报人数（无学籍名册，未核实）' },
    ROSTER: { description: '学籍名册汇总' },
  },
});
