import { PROVINCE_ONLY } from '../../auth/role.js';
import { defineResource } from '../../common/resource.js';
import { City } from '../city/city.entity.js';
import { CampaignTarget } from './campaign-target.entity.js';
import { CAMPAIGN_FIRST_YEAR, CAMPAIGN_LAST_YEAR } from './campaign.js';

export const campaignTargetResource = defineResource({
  entity: CampaignTarget,
  name: 'CampaignTarget',
  plural: 'CampaignTargets',
  labelZh: '分阶段任务',
  policy: { write: PROVINCE_ONLY },
  search: ['city.nameZh', 'city.nameEn'],
  defaultSort: 'year',
  unique: [['city', 'year']],
  fields: [
    { name: 'cityId', prop: 'city', kind: 'ref', target: () => City, labelZh: '设区市', required: true },
    { name: 'year', kind: 'int', labelZh: '年度', required: true, min: CAMPAIGN_FIRST_YEAR, max: CAMPAIGN_LAST_YEAR },
    { name: 'seats', kind: 'int', labelZh: '目标人数', required: true, min: 0, max: 1000000 },
  ],
});
