import { OFFICES } from '../../auth/role.js';
import { CAMPAIGN_FIRST_YEAR, CAMPAIGN_LAST_YEAR } from '../target/campaign.js';
import { defineResource } from '../../common/resource.js';
import { School } from '../school/school.entity.js';
import { Program } from '../program/program.entity.js';
import { Level } from '../major/level.js';
import { StudyMode } from '../program/program.enums.js';
import { EnrollmentPlan } from './enrollment-plan.entity.js';
import { PlanStatus, Season } from './plan.enums.js';
import { intakeResource } from '../intake/intake.resource.js';
import { enrollmentPlanHooks } from './plan-hooks.js';
import { planAdjustmentResource } from '../adjustment/plan-adjustment.resource.js';
import { planTransitionResource } from './plan-transition.resource.js';

export const enrollmentPlanResource = defineResource({
  entity: EnrollmentPlan,
  name: 'EnrollmentPlan',
  plural: 'EnrollmentPlans',
  labelZh: '招生计划',
  policy: { write: OFFICES, city: 'school.city', school: 'school', staffWritesWhere: { status: [PlanStatus.DRAFT] } },
  // a plan line's natural key: its program, year and season (unique together)
  keys: ['id', 'program { id } year season'],
  search: ['school.name', 'program.major.name'],
  unique: [['program', 'year', 'season']],
  fields: [
    { name: 'schoolId', prop: 'school', kind: 'ref', target: () => School, labelZh: '学校' },
    { name: 'programId', prop: 'program', kind: 'ref', target: () => Program, labelZh: '专业', required: true },
    { name: 'year', kind: 'int', labelZh: '年度', required: true, min: CAMPAIGN_FIRST_YEAR, max: CAMPAIGN_LAST_YEAR },
    { name: 'season', kind: 'enum', enum: Season, labelZh: '季节', required: true },
    { name: 'seats', kind: 'int', labelZh: '计划人数', required: true, min: 0, max: 100000 },
    { name: 'status', kind: 'enum', enum: PlanStatus, labelZh: '状态', readOnly: true },
  ],
  pathFilters: [
    { name: 'cityId', path: 'school.city', kind: 'ref' },
    { name: 'majorId', path: 'program.major', kind: 'ref' },
    { name: 'level', path: 'program.level', kind: 'enum', enum: Level },
    { name: 'studyMode', path: 'program.studyMode', kind: 'enum', enum: StudyMode },
    { name: 'provincial', path: 'school.provincial', kind: 'boolean' },
  ],
  children: [
    { name: 'intakes', resource: () => intakeResource, foreignKey: 'plan', maxRows: 500 },
    { name: 'adjustments', resource: () => planAdjustmentResource, foreignKey: 'plan', maxRows: 50 },
    { name: 'transitions', resource: () => planTransitionResource, foreignKey: 'plan', maxRows: 100 },
  ],
  hooks: enrollmentPlanHooks,
});
