import { OFFICES } from '../../auth/role.js';
import { defineResource } from '../../common/resource.js';
import { EnrollmentPlan } from '../plan/enrollment-plan.entity.js';
import { Season } from '../plan/plan.enums.js';
import { Intake } from './intake.entity.js';
import { IntakeTally } from './intake-tally.entity.js';
import { IntakeSource, TargetGroup } from './intake.enums.js';
import { intakeHooks } from './intake-hooks.js';

export const intakeResource = defineResource({
  entity: Intake,
  name: 'Intake',
  plural: 'Intakes',
  labelZh: '招生实绩',
  policy: { write: OFFICES, city: 'plan.school.city', school: 'plan.school' },
  search: ['plan.school.name', 'plan.program.major.name'],
  fields: [
    { name: 'planId', prop: 'plan', kind: 'ref', target: () => EnrollmentPlan, labelZh: '招生计划', required: true },
    { name: 'count', kind: 'int', labelZh: '人数', required: true, min: 1, max: 10000 },
    { name: 'targetGroup', kind: 'enum', enum: TargetGroup, labelZh: '招生对象', required: true },
    {
      name: 'originCode',
      kind: 'string',
      labelZh: '生源地代码',
      required: true,
      pattern: { regex: /^\d{6}$/, zh: '须为 6 位行政区划代码', en: 'must be a 6-digit GB/T 2260 code' },
    },
    { name: 'registeredOn', kind: 'date', labelZh: '学籍注册日期', required: true },
    { name: 'source', kind: 'enum', enum: IntakeSource, labelZh: '来源', readOnly: true },
  ],
  pathFilters: [
    { name: 'schoolId', path: 'plan.school', kind: 'ref' },
    { name: 'programId', path: 'plan.program', kind: 'ref' },
    { name: 'cityId', path: 'plan.school.city', kind: 'ref' },
    { name: 'year', path: 'plan.year', kind: 'int' },
    { name: 'season', path: 'plan.season', kind: 'enum', enum: Season },
  ],
  hooks: intakeHooks,
  subtotals: { entity: IntakeTally, rows: 'records', sums: { count: 'students' } },
});
