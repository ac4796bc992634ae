import { OFFICES } from '../../auth/role.js';
import { defineResource } from '../../common/resource.js';
import { badInput } from '../../common/errors.js';
import { School } from '../school/school.entity.js';
import { Company } from '../company/company.entity.js';
import { Industry } from '../company/industry.js';
import { Partnership } from './partnership.entity.js';
import { PartnershipKind, PartnershipStatus } from './partnership.enums.js';
import { orderClassResource } from '../order-class/order-class.resource.js';

export const partnershipResource = defineResource({
  entity: Partnership,
  name: 'Partnership',
  plural: 'Partnerships',
  labelZh: '校企合作',
  policy: { write: OFFICES, city: 'school.city', school: 'school' },
  keys: ['id'],
  search: ['school.name', 'company.name', 'company.shortName', 'notes'],
  defaultSort: 'startsOn',
  fields: [
    { name: 'schoolId', prop: 'school', kind: 'ref', target: () => School, labelZh: '学校', required: true },
    { name: 'companyId', prop: 'company', kind: 'ref', target: () => Company, labelZh: '企业', required: true },
    { name: 'kind', kind: 'enum', enum: PartnershipKind, labelZh: '合作形式', required: true },
    { name: 'startsOn', kind: 'date', labelZh: '协议开始日期', required: true },
    { name: 'endsOn', kind: 'date', labelZh: '协议结束日期' },
    { name: 'status', kind: 'enum', enum: PartnershipStatus, labelZh: '状态' },
    { name: 'positionsOffered', kind: 'int', labelZh: '提供就业岗位数', min: 0, max: 100000 },
    { name: 'notes', kind: 'string', labelZh: '备注', maxLength: 500 },
  ],
  pathFilters: [
    { name: 'cityId', path: 'school.city', kind: 'ref' },
    { name: 'companyCityId', path: 'company.city', kind: 'ref' },
    { name: 'industry', path: 'company.industry', kind: 'enum', enum: Industry },
  ],
  children: [{ name: 'orderClasses', resource: () => orderClassResource, foreignKey: 'partnership', maxRows: 50 }],
  hooks: {
    async beforeSave(_em, partnership) {
      if (partnership.endsOn !== null && partnership.endsOn <= partnership.startsOn) {
        throw badInput(
          'endsOn',
          `协议结束日期 ${partnership.endsOn} 须晚于开始日期 ${partnership.startsOn}`,
          `endsOn ${partnership.endsOn} must be after startsOn ${partnership.startsOn}`,
        );
      }
    },
  },
});
