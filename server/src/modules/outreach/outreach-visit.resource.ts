import { BUREAUS, CITY_READERS } from '../../auth/role.js';
import { defineResource } from '../../common/resource.js';
import { City } from '../city/city.entity.js';
import { OutreachVisit } from './outreach-visit.entity.js';
import { assertPartnerProvince, PROVINCE_CODE_PATTERN } from '../cross-region/partner-province.js';

export const outreachVisitResource = defineResource({
  entity: OutreachVisit,
  name: 'OutreachVisit',
  plural: 'OutreachVisits',
  labelZh: '赴外省对接活动',
  policy: { write: BUREAUS, read: CITY_READERS, city: 'city' },
  search: ['delegationLead', 'notes'],
  defaultSort: 'visitedOn',
  fields: [
    { name: 'cityId', prop: 'city', kind: 'ref', target: () => City, labelZh: '设区市', required: true },
    { name: 'visitedOn', kind: 'date', labelZh: '对接日期', required: true },
    { name: 'provinceCode', kind: 'string', labelZh: '对接省份代码', required: true, pattern: PROVINCE_CODE_PATTERN },
    { name: 'delegationLead', kind: 'string', labelZh: '带队领导', personal: true, required: true, maxLength: 50 },
    { name: 'agreementsSigned', kind: 'int', labelZh: '签订协议数', min: 0, max: 1000 },
    { name: 'notes', kind: 'string', labelZh: '备注', maxLength: 500 },
  ],
  hooks: {
    async beforeSave(_em, visit) {
      assertPartnerProvince('provinceCode', visit.provinceCode);
    },
  },
});
