import { PROVINCE_ONLY } from '../../auth/role.js';
import { defineResource } from '../../common/resource.js';
import { City } from './city.entity.js';
import { schoolResource } from '../school/school.resource.js';
import { campaignTargetResource } from '../target/campaign-target.resource.js';

export const cityResource = defineResource({
  entity: City,
  name: 'City',
  plural: 'Cities',
  labelZh: '设区市',
  policy: { write: PROVINCE_ONLY },
  keys: ['id', 'code'],
  search: ['nameZh', 'nameEn', 'code'],
  defaultSort: 'displayOrder',
  unique: [['code']],
  fields: [
    {
      name: 'code',
      kind: 'string',
      labelZh: '行政区划代码',
      required: true,
      pattern: { regex: /^33\d{2}00$/, zh: '须为浙江设区市的 6 位代码（33xx00）', en: 'must be a 6-digit Zhejiang city code (33xx00)' },
    },
    { name: 'nameZh', kind: 'string', labelZh: '中文名称', required: true, maxLength: 50 },
    { name: 'nameEn', kind: 'string', labelZh: '英文名称', required: true, maxLength: 50 },
    { name: 'displayOrder', kind: 'int', labelZh: '排序', required: true, min: 1, max: 99 },
  ],
  children: [
    { name: 'schools', resource: () => schoolResource, foreignKey: 'city', maxRows: 60 },
    { name: 'targets', resource: () => campaignTargetResource, foreignKey: 'city', maxRows: 10 },
  ],
});
