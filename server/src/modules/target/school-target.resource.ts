import { BUREAUS } from '../../auth/role.js';
import { defineResource } from '../../common/resource.js';
import { School } from '../school/school.entity.js';
import { SchoolTarget } from './school-target.entity.js';
import { CAMPAIGN_FIRST_YEAR, CAMPAIGN_LAST_YEAR } from './campaign.js';

export const schoolTargetResource = defineResource({
  entity: SchoolTarget,
  name: 'SchoolTarget',
  plural: 'SchoolTargets',
  labelZh: '任务分解',
  policy: { write: BUREAUS, city: 'school.city', school: 'school' },
  search: ['school.name'],
  defaultSort: 'year',
  unique: [['school', 'year']],
  fields: [
    { name: 'schoolId', prop: 'school', kind: 'ref', target: () => School, labelZh: '学校', required: true },
    { name: 'year', kind: 'int', labelZh: '年度', required: true, min: CAMPAIGN_FIRST_YEAR, max: CAMPAIGN_LAST_YEAR },
    { name: 'seats', kind: 'int', labelZh: '分解人数', required: true, min: 0, max: 100000 },
  ],
  pathFilters: [{ name: 'cityId', path: 'school.city', kind: 'ref' }],
});
