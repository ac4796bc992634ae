import { BUREAUS, CITY_READERS } from '../../auth/role.js';
import { CAMPAIGN_FIRST_YEAR, CAMPAIGN_LAST_YEAR } from '../target/campaign.js';
import { defineResource } from '../../common/resource.js';
import { badInput } from '../../common/errors.js';
import { City } from '../city/city.entity.js';
import { TargetGroup } from '../intake/intake.enums.js';
import { Incentive, IncentiveKind } from './incentive.entity.js';

export const incentiveResource = defineResource({
  entity: Incentive,
  name: 'Incentive',
  plural: 'Incentives',
  labelZh: '招生优惠政策',
  policy: { write: BUREAUS, read: CITY_READERS, city: 'city' },
  search: ['eligibility'],
  defaultSort: 'year',
  fields: [
    { name: 'cityId', prop: 'city', kind: 'ref', target: () => City, labelZh: '设区市', required: true },
    { name: 'year', kind: 'int', labelZh: '年度', required: true, min: CAMPAIGN_FIRST_YEAR, max: CAMPAIGN_LAST_YEAR },
    { name: 'kind', kind: 'enum', enum: IncentiveKind, labelZh: '优惠类型', required: true },
    { name: 'amountPerStudent', kind: 'int', labelZh: '每生金额（元）', required: true, min: 0, max: 1000000 },
    { name: 'eligibility', kind: 'string', labelZh: '享受对象', maxLength: 500 },
    { name: 'targetGroups', kind: 'enumList', enum: TargetGroup, labelZh: '享受对象群体' },
  ],
  hooks: {
    async beforeSave(_em, incentive) {
      incentive.targetGroups ??= [];
      if (!incentive.eligibility && incentive.targetGroups.length === 0) {
        throw badInput('eligibility', '请填写享受对象或选择享受对象群体', 'say who is eligible: in words or as target groups');
      }
    },
  },
});
