import { BUREAUS } from '../../auth/role.js';
import { defineResource } from '../../common/resource.js';
import { AppError } from '../../common/errors.js';
import { City } from '../city/city.entity.js';
import { Company } from './company.entity.js';
import { Industry } from './industry.js';
import { CREDIT_CODE_SHAPE, creditCodeCheckChar } from './credit-code.js';
import { partnershipResource } from '../partnership/partnership.resource.js';

export const companyResource = defineResource({
  entity: Company,
  name: 'Company',
  plural: 'Companies',
  labelZh: '企业',
  policy: { write: BUREAUS, city: 'city', readEverywhere: true },
  keys: ['id', 'creditCode'],
  search: ['name', 'shortName', 'creditCode'],
  defaultSort: 'name',
  unique: [['creditCode']],
  fields: [
    { name: 'name', kind: 'string', labelZh: '企业名称', required: true, maxLength: 100 },
    { name: 'shortName', kind: 'string', labelZh: '企业简称', maxLength: 30 },
    {
      name: 'creditCode',
      kind: 'string',
      labelZh: '统一社会信用代码',
      required: true,
      pattern: {
        regex: CREDIT_CODE_SHAPE,
        zh: '须为 18 位数字或大写字母（不含 I、O、S、V、Z）',
        en: 'must be 18 digits or capital letters other than I, O, S, V, Z',
      },
    },
    { name: 'industry', kind: 'enum', enum: Industry, labelZh: '行业', required: true },
    { name: 'cityId', prop: 'city', kind: 'ref', target: () => City, labelZh: '所在设区市', required: true },
  ],
  children: [{ name: 'partnerships', resource: () => partnershipResource, foreignKey: 'company', maxRows: 200 }],
  hooks: {
    async beforeSave(_em, company) {
      const expected = creditCodeCheckChar(company.creditCode.slice(0, 17));
      if (expected !== company.creditCode[17]) {
        throw new AppError({
          code: 'BAD_USER_INPUT',
          rule: 'R11',
          field: 'creditCode',
          zh: `统一社会信用代码 ${company.creditCode} 校验码错误：第 18 位应为 ${expected}`,
          en: `credit code ${company.creditCode} fails the GB 32100 check: the 18th character should be ${expected}`,
          details: { expectedCheckCharacter: expected },
        });
      }
    },
  },
});
