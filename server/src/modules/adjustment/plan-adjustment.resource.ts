import { OFFICES } from '../../auth/role.js';
import { defineResource } from '../../common/resource.js';
import { EnrollmentPlan } from '../plan/enrollment-plan.entity.js';
import { PlanAdjustment } from './plan-adjustment.entity.js';
import { AdjustmentDecision } from './adjustment.enums.js';

/** Listed and filtered like any resource; written only by requestPlanAdjustment / decidePlanAdjustment. */
export const planAdjustmentResource = defineResource({
  entity: PlanAdjustment,
  name: 'PlanAdjustment',
  plural: 'PlanAdjustments',
  labelZh: '计划调整',
  policy: { write: OFFICES, city: 'plan.school.city', school: 'plan.school' },
  search: ['reason', 'requestedBy', 'plan.school.name'],
  mutations: false,
  fields: [
    { name: 'planId', prop: 'plan', kind: 'ref', target: () => EnrollmentPlan, labelZh: '招生计划', required: true, readOnly: true },
    { name: 'oldSeats', kind: 'int', labelZh: '原计划人数', readOnly: true },
    { name: 'newSeats', kind: 'int', labelZh: '调整后人数', readOnly: true },
    { name: 'reason', kind: 'string', labelZh: '调整理由', readOnly: true },
    { name: 'requestedBy', kind: 'string', labelZh: '申请人', personal: true, readOnly: true },
    { name: 'requestedOn', kind: 'date', labelZh: '申请日期', readOnly: true },
    { name: 'decision', kind: 'enum', enum: AdjustmentDecision, labelZh: '审批结果', readOnly: true },
    { name: 'decidedBy', kind: 'string', labelZh: '审批人', personal: true, readOnly: true },
    { name: 'decidedOn', kind: 'date', labelZh: '审批日期', readOnly: true },
  ],
  pathFilters: [
    { name: 'schoolId', path: 'plan.school', kind: 'ref' },
    { name: 'cityId', path: 'plan.school.city', kind: 'ref' },
    { name: 'year', path: 'plan.year', kind: 'int' },
  ],
});
