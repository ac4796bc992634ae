import { defineResource } from '../../common/resource.js';
import { EnrollmentPlan } from '../plan/enrollment-plan.entity.js';
import { Season } from '../plan/plan.enums.js';
import { TargetGroup } from '../intake/intake.enums.js';
import { OrderClass } from '../order-class/order-class.entity.js';
import { CrossRegionAgreement } from '../cross-region/cross-region.entity.js';
import { OFFICES } from '../../auth/role.js';
import { School } from '../school/school.entity.js';
import { Student } from './student.entity.js';
import { Sex, StudentStatus } from './student.enums.js';
import { studentHooks } from './student-hooks.js';

/**
 * 学籍. The name, ID number and birth date are written here but read only through the Student type's
 * own fields, which mask them by role; as write-only fields they cannot be filtered, sorted, searched
 * or grouped, so no reader learns them by asking.
 */
export const studentResource = defineResource({
  entity: Student,
  name: 'Student',
  plural: 'Students',
  labelZh: '学籍',
  // Analysts and outside systems read students only as counts (the intakes they roll up into, studentPopulation).
  policy: { write: OFFICES, read: OFFICES, city: 'school.city', school: 'school' },
  search: ['school.name', 'plan.program.major.name'],
  defaultSort: 'registeredOn',
  keys: ['id'],
  fields: [
    { name: 'planId', prop: 'plan', kind: 'ref', target: () => EnrollmentPlan, labelZh: '招生计划', required: true },
    { name: 'schoolId', prop: 'school', kind: 'ref', target: () => School, labelZh: '学校', readOnly: true },
    { name: 'name', kind: 'string', labelZh: '姓名', required: true, maxLength: 50, writeOnly: true, personal: true },
    { name: 'idNumber', kind: 'string', labelZh: '身份证号', maxLength: 18, writeOnly: true, personal: true },
    { name: 'birthDate', kind: 'date', labelZh: '出生日期', writeOnly: true, personal: true },
    { name: 'sex', kind: 'enum', enum: Sex, labelZh: '性别' },
    { name: 'targetGroup', kind: 'enum', enum: TargetGroup, labelZh: '招生对象', required: true },
    {
      name: 'originCode',
      kind: 'string',
      labelZh: '生源地代码',
      pattern: { regex: /^\d{6}$/, zh: '须为 6 位行政区划代码', en: 'must be a 6-digit GB/T 2260 code' },
    },
    { name: 'registeredOn', kind: 'date', labelZh: '学籍注册日期', required: true },
    { name: 'status', kind: 'enum', enum: StudentStatus, labelZh: '学籍状态', readOnly: true },
    { name: 'statusOn', kind: 'date', labelZh: '状态日期', readOnly: true },
    { name: 'orderClassId', prop: 'orderClass', kind: 'ref', target: () => OrderClass, labelZh: '订单班' },
    { name: 'crossRegionAgreementId', prop: 'crossRegionAgreement', kind: 'ref', target: () => CrossRegionAgreement, labelZh: '跨区域合作协议' },
  ],
  pathFilters: [
    { name: 'cityId', path: 'school.city', kind: 'ref' },
    { name: 'programId', path: 'plan.program', kind: 'ref' },
    { name: 'year', path: 'plan.year', kind: 'int' },
    { name: 'season', path: 'plan.season', kind: 'enum', enum: Season },
  ],
  hooks: studentHooks,
});
