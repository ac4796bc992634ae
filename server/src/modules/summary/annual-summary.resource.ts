import { BUREAUS, CITY_READERS } from '../../auth/role.js';
import { defineResource } from '../../common/resource.js';
import { ruleViolation } from '../../common/errors.js';
import { City } from '../city/city.entity.js';
import { CAMPAIGN_FIRST_YEAR, CAMPAIGN_LAST_YEAR } from '../target/campaign.js';
import { AnnualSummary } from './annual-summary.entity.js';

const NARRATIVE = ['city', 'year', 'problems', 'nextYearMeasures'] as const;

const submittedLocked = (summary: AnnualSummary) =>
  ruleViolation(
    'R10',
    `${summary.year}年度招生工作总结已于 ${summary.submittedOn} 报送省厅，不能再修改或删除`,
    `the ${summary.year} summary was submitted on ${summary.submittedOn} and can no longer change`,
  );

export const annualSummaryResource = defineResource({
  entity: AnnualSummary,
  name: 'AnnualSummary',
  plural: 'AnnualSummaries',
  labelZh: '招生工作总结',
  policy: { write: BUREAUS, read: CITY_READERS, city: 'city' },
  search: ['city.nameZh', 'problems', 'nextYearMeasures'],
  defaultSort: 'year',
  unique: [['city', 'year']],
  fields: [
    { name: 'cityId', prop: 'city', kind: 'ref', target: () => City, labelZh: '设区市', required: true },
    { name: 'year', kind: 'int', labelZh: '年度', required: true, min: CAMPAIGN_FIRST_YEAR, max: CAMPAIGN_LAST_YEAR },
    { name: 'problems', kind: 'string', labelZh: '存在的问题', maxLength: 5000 },
    { name: 'nextYearMeasures', kind: 'string', labelZh: '下一年度工作举措', maxLength: 5000 },
    { name: 'submittedOn', kind: 'date', labelZh: '报送日期', readOnly: true },
  ],
  hooks: {
    async beforeSave(_em, summary, isNew, before) {
      if (isNew || !before?.submittedOn) return;
      if (NARRATIVE.some((prop) => before[prop] !== summary[prop])) throw submittedLocked(summary);
    },
    async beforeDelete(_em, summary) {
      if (summary.submittedOn) throw submittedLocked(summary);
    },
  },
});
