import type { EntityManager } from '@mikro-orm/core';
import { BUREAUS } from '../../auth/role.js';
import { defineResource } from '../../common/resource.js';
import { badInput, ruleViolation } from '../../common/errors.js';
import { City } from '../city/city.entity.js';
import { School } from '../school/school.entity.js';
import { Program } from '../program/program.entity.js';
import { assertPartnerProvince, PROVINCE_CODE_PATTERN } from './partner-province.js';
import { CrossRegionAgreement } from './cross-region.entity.js';
import { modelOf, TrainingStageInput, validateStages } from './stages.js';

/** The Zhejiang side follows the program: its school, and that school's city. */
async function alignZhejiangSide(em: EntityManager, agreement: CrossRegionAgreement): Promise<Program> {
  const program = await em.findOneOrFail(Program, agreement.program.id);
  const school = await em.findOneOrFail(School, program.school.id);
  if (agreement.school && agreement.school.id !== school.id) {
    throw badInput('schoolId', '该专业不属于所选学校', `program ${program.id} does not belong to school ${agreement.school.id}`);
  }
  if (agreement.city && agreement.city.id !== school.city.id) {
    throw badInput('cityId', '所选设区市与学校所在设区市不一致', `school ${school.id} is not in city ${agreement.city.id}`);
  }
  agreement.school = school;
  agreement.city = school.city;
  return program;
}

export const crossRegionAgreementResource = defineResource({
  entity: CrossRegionAgreement,
  name: 'CrossRegionAgreement',
  plural: 'CrossRegionAgreements',
  labelZh: '跨区域联合培养协议',
  policy: { write: BUREAUS, city: 'city', school: 'school' },
  search: ['partnerInstitution', 'school.name', 'program.major.name'],
  defaultSort: 'signedOn',
  fields: [
    { name: 'cityId', prop: 'city', kind: 'ref', target: () => City, labelZh: '设区市' },
    { name: 'schoolId', prop: 'school', kind: 'ref', target: () => School, labelZh: '学校' },
    { name: 'programId', prop: 'program', kind: 'ref', target: () => Program, labelZh: '专业', required: true },
    { name: 'partnerProvinceCode', kind: 'string', labelZh: '合作省份代码', required: true, pattern: PROVINCE_CODE_PATTERN },
    { name: 'partnerInstitution', kind: 'string', labelZh: '合作院校（机构）', required: true, maxLength: 100 },
    { name: 'stages', kind: 'json', labelZh: '培养阶段', required: true, json: { input: () => [TrainingStageInput], validate: validateStages } },
    { name: 'seats', kind: 'int', labelZh: '招生人数', required: true, min: 1, max: 10000 },
    { name: 'signedOn', kind: 'date', labelZh: '签订日期', required: true },
    { name: 'enrolled', kind: 'int', labelZh: '已招人数', min: 0, max: 10000 },
  ],
  pathFilters: [{ name: 'majorId', path: 'program.major', kind: 'ref' }],
  hooks: {
    async beforeSave(em, agreement) {
      assertPartnerProvince('partnerProvinceCode', agreement.partnerProvinceCode);
      const program = await alignZhejiangSide(em, agreement);
      const total = agreement.stages.reduce((sum, s) => sum + s.years, 0);
      if (total !== program.durationYears) {
        throw ruleViolation(
          'R12',
          `培养阶段合计 ${total} 年（${modelOf(agreement.stages)}），与该专业学制 ${program.durationYears} 年不符`,
          `the stages add up to ${total} years (${modelOf(agreement.stages)}) but the program lasts ${program.durationYears} years`,
          'stages',
        );
      }
      if (agreement.enrolled > agreement.seats) {
        throw badInput(
          'enrolled',
          `已招人数 ${agreement.enrolled} 不能超过招生人数 ${agreement.seats}`,
          `enrolled ${agreement.enrolled} exceeds seats ${agreement.seats}`,
        );
      }
    },
  },
});
