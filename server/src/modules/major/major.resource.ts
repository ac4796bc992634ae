import { PROVINCE_ONLY } from '../../auth/role.js';
import { defineResource } from '../../common/resource.js';
import { badInput } from '../../common/errors.js';
import { Major } from './major.entity.js';
import { Level } from './level.js';
import { programResource } from '../program/program.resource.js';

export const majorResource = defineResource({
  entity: Major,
  name: 'Major',
  plural: 'Majors',
  labelZh: '专业目录',
  policy: { write: PROVINCE_ONLY },
  keys: ['id'],
  search: ['name', 'code', 'category'],
  defaultSort: 'code',
  unique: [['code']],
  fields: [
    {
      name: 'code',
      kind: 'string',
      labelZh: '专业代码',
      required: true,
      pattern: {
        regex: /^\d{4}(-\d{1,2})?$/,
        zh: '须为 4 位数字，可带 -序号（如 0104 或 0104-1）',
        en: 'must be 4 digits, optionally with -N (0104 or 0104-1)',
      },
    },
    { name: 'name', kind: 'string', labelZh: '专业名称', required: true, maxLength: 100 },
    { name: 'category', kind: 'string', labelZh: '专业类别', required: true, maxLength: 50 },
    { name: 'levels', kind: 'enumList', enum: Level, labelZh: '可开设层次', required: true },
  ],
  children: [{ name: 'programs', resource: () => programResource, foreignKey: 'major', maxRows: 500 }],
  hooks: {
    async beforeSave(_em, major) {
      if (major.levels.length === 0) throw badInput('levels', '至少选择一个可开设层次', 'choose at least one level');
      major.levels = [...new Set(major.levels)];
    },
  },
});
