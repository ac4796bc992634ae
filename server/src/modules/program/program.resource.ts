import { BUREAUS } from '../../auth/role.js';
import { defineResource } from '../../common/resource.js';
import { School } from '../school/school.entity.js';
import { Major } from '../major/major.entity.js';
import { Level } from '../major/level.js';
import { Program } from './program.entity.js';
import { EntryBasis, StudyMode } from './program.enums.js';
import { programHooks } from './program-hooks.js';
import { enrollmentPlanResource } from '../plan/enrollment-plan.resource.js';
import { planLineBounds } from '../plan/plan-line-bounds.js';

export const programResource = defineResource({
  entity: Program,
  name: 'Program',
  plural: 'Programs',
  labelZh: '开设专业',
  policy: { write: BUREAUS, city: 'school.city', school: 'school' },
  keys: ['id'],
  search: ['major.name', 'major.code', 'school.name'],
  unique: [['school', 'major', 'level', 'entryBasis', 'studyMode']],
  fields: [
    { name: 'schoolId', prop: 'school', kind: 'ref', target: () => School, labelZh: '学校', required: true },
    { name: 'majorId', prop: 'major', kind: 'ref', target: () => Major, labelZh: '专业', required: true },
    { name: 'level', kind: 'enum', enum: Level, labelZh: '培养层次', required: true },
    { name: 'entryBasis', kind: 'enum', enum: EntryBasis, labelZh: '招生起点', required: true },
    { name: 'durationYears', kind: 'int', labelZh: '学制（年）', min: 1, max: 6 },
    { name: 'studyMode', kind: 'enum', enum: StudyMode, labelZh: '学习形式' },
    { name: 'filedOn', kind: 'date', labelZh: '备案日期' },
  ],
  pathFilters: [
    { name: 'cityId', path: 'school.city', kind: 'ref' },
    { name: 'provincial', path: 'school.provincial', kind: 'boolean' },
  ],
  children: [{ name: 'plans', resource: () => enrollmentPlanResource, foreignKey: 'program', ...planLineBounds(1) }],
  hooks: programHooks,
});
