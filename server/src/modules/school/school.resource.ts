import { BUREAUS } from '../../auth/role.js';
import { defineResource } from '../../common/resource.js';
import { City } from '../city/city.entity.js';
import { Ownership, School, SchoolType } from './school.entity.js';
import { programResource } from '../program/program.resource.js';
import { enrollmentPlanResource } from '../plan/enrollment-plan.resource.js';
import { schoolTargetResource } from '../target/school-target.resource.js';
import { schoolHooks } from './school-hooks.js';
import { planLineBounds } from '../plan/plan-line-bounds.js';

/** Most programs one school runs: what its child lists are priced and bounded at. */
const PROGRAMS_PER_SCHOOL = 60;

export const schoolResource = defineResource({
  entity: School,
  name: 'School',
  plural: 'Schools',
  labelZh: '技工院校',
  policy: { write: BUREAUS, city: 'city', school: 'id' },
  keys: ['id'],
  search: ['name'],
  defaultSort: 'name',
  unique: [['name']],
  fields: [
    { name: 'name', kind: 'string', labelZh: '学校名称', required: true, maxLength: 100 },
    { name: 'type', kind: 'enum', enum: SchoolType, labelZh: '学校类型', required: true },
    { name: 'cityId', prop: 'city', kind: 'ref', target: () => City, labelZh: '所在设区市', required: true },
    { name: 'provincial', kind: 'boolean', labelZh: '省属' },
    { name: 'ownership', kind: 'enum', enum: Ownership, labelZh: '办学性质' },
  ],
  children: [
    { name: 'programs', resource: () => programResource, foreignKey: 'school', maxRows: PROGRAMS_PER_SCHOOL },
    { name: 'plans', resource: () => enrollmentPlanResource, foreignKey: 'school', ...planLineBounds(PROGRAMS_PER_SCHOOL) },
    { name: 'targets', resource: () => schoolTargetResource, foreignKey: 'school', maxRows: 10 },
  ],
  hooks: schoolHooks,
});
