import { NOBODY } from '../../auth/role.js';
import { defineResource } from '../../common/resource.js';
import { EnrollmentPlan } from './enrollment-plan.entity.js';
import { PlanTransition } from './plan-transition.entity.js';
import { PlanStatus, PlanStep } from './plan.enums.js';

/** The workflow's history; written only by the transition mutations. */
export const planTransitionResource = defineResource({
  entity: PlanTransition,
  name: 'PlanTransition',
  plural: 'PlanTransitions',
  labelZh: '计划流转记录',
  policy: { write: NOBODY, city: 'plan.school.city', school: 'plan.school' },
  search: ['reason'],
  mutations: false,
  fields: [
    { name: 'planId', prop: 'plan', kind: 'ref', target: () => EnrollmentPlan, labelZh: '招生计划', required: true, readOnly: true },
    { name: 'step', kind: 'enum', enum: PlanStep, labelZh: '操作', readOnly: true },
    { name: 'fromStatus', kind: 'enum', enum: PlanStatus, labelZh: '原状态', readOnly: true },
    { name: 'toStatus', kind: 'enum', enum: PlanStatus, labelZh: '新状态', readOnly: true },
    { name: 'reason', kind: 'string', labelZh: '理由', readOnly: true },
    { name: 'occurredOn', kind: 'date', labelZh: '日期', readOnly: true },
  ],
  pathFilters: [
    { name: 'schoolId', path: 'plan.school', kind: 'ref' },
    { name: 'cityId', path: 'plan.school.city', kind: 'ref' },
    { name: 'year', path: 'plan.year', kind: 'int' },
  ],
});
