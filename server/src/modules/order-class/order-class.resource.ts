import type { EntityManager } from '@mikro-orm/core';
import { OFFICES } from '../../auth/role.js';
import { CAMPAIGN_FIRST_YEAR, CAMPAIGN_LAST_YEAR } from '../target/campaign.js';
import { defineResource } from '../../common/resource.js';
import { badInput } from '../../common/errors.js';
import { Partnership } from '../partnership/partnership.entity.js';
import { PartnershipKind } from '../partnership/partnership.enums.js';
import { Company } from '../company/company.entity.js';
import { Program } from '../program/program.entity.js';
import { Season } from '../plan/plan.enums.js';
import { OrderClass } from './order-class.entity.js';
import { assertOrderClassFits, loadSeatTally, releaseSeats, type SeatTally } from './order-class-seats.js';
import { findByIds } from '../../common/batch-lookups.js';

async function assertNamedAfterCompany(em: EntityManager, partnership: Partnership, name: string): Promise<void> {
  if (partnership.kind !== PartnershipKind.NAMED_CLASS) return;
  const company = await em.findOneOrFail(Company, partnership.company.id);
  const names = [company.name, company.shortName].filter((n): n is string => !!n);
  if (!names.some((n) => name.includes(n))) {
    throw badInput('name', `冠名班的班级名称须包含企业名称“${names.join('”或“')}”`, `a named class must carry the company name "${names.join('" or "')}"`);
  }
}

export const orderClassResource = defineResource({
  entity: OrderClass,
  name: 'OrderClass',
  plural: 'OrderClasses',
  labelZh: '订单班',
  policy: { write: OFFICES, city: 'partnership.school.city', school: 'partnership.school' },
  keys: ['id'],
  search: ['name', 'partnership.company.name', 'partnership.school.name'],
  defaultSort: 'year',
  fields: [
    { name: 'partnershipId', prop: 'partnership', kind: 'ref', target: () => Partnership, labelZh: '校企合作', required: true },
    { name: 'programId', prop: 'program', kind: 'ref', target: () => Program, labelZh: '专业', required: true },
    { name: 'year', kind: 'int', labelZh: '年度', required: true, min: CAMPAIGN_FIRST_YEAR, max: CAMPAIGN_LAST_YEAR },
    { name: 'season', kind: 'enum', enum: Season, labelZh: '季节', required: true },
    { name: 'name', kind: 'string', labelZh: '班级名称', required: true, maxLength: 100 },
    { name: 'seats', kind: 'int', labelZh: '班级人数', required: true, min: 1, max: 10000 },
    { name: 'enrolled', kind: 'int', labelZh: '已招人数', min: 0, max: 10000 },
    { name: 'employmentCommitment', kind: 'int', labelZh: '承诺录用比例（%）', min: 0, max: 100 },
    { name: 'stipendPerYear', kind: 'int', labelZh: '每生每年补贴（元）', min: 0, max: 1000000 },
  ],
  pathFilters: [
    { name: 'schoolId', path: 'partnership.school', kind: 'ref' },
    { name: 'companyId', path: 'partnership.company', kind: 'ref' },
    { name: 'cityId', path: 'partnership.school.city', kind: 'ref' },
    { name: 'kind', path: 'partnership.kind', kind: 'enum', enum: PartnershipKind },
  ],
  hooks: {
    /** Partnerships with their companies and programs into the unit of work once; R11's seat figures per pool. */
    async prepare(em, rows): Promise<SeatTally> {
      const saved = rows.filter((r) => !r.deleted);
      const partnerships = await findByIds(
        em,
        Partnership,
        saved.map((r) => r.entity.partnership.id),
      );
      await findByIds(
        em,
        Company,
        [...partnerships.values()].map((p) => p.company.id),
      );
      await findByIds(
        em,
        Program,
        saved.map((r) => r.entity.program.id),
      );
      return loadSeatTally(
        em,
        rows.flatMap((r) => [r.entity.program.id, ...(r.before?.program ? [r.before.program.id] : [])]),
      );
    },
    async beforeSave(em, orderClass, _isNew, before, tally?: SeatTally) {
      const partnership = await em.findOneOrFail(Partnership, orderClass.partnership.id);
      const program = await em.findOneOrFail(Program, orderClass.program.id);
      if (program.school.id !== partnership.school.id) {
        throw badInput(
          'programId',
          '该专业不属于校企合作的学校',
          `program ${program.id} does not belong to school ${partnership.school.id} of the partnership`,
        );
      }
      if (orderClass.enrolled > orderClass.seats) {
        throw badInput(
          'enrolled',
          `已招人数 ${orderClass.enrolled} 不能超过班级人数 ${orderClass.seats}`,
          `enrolled ${orderClass.enrolled} exceeds seats ${orderClass.seats}`,
        );
      }
      await assertNamedAfterCompany(em, partnership, orderClass.name);
      await assertOrderClassFits(em, orderClass, tally, before);
    },
    async beforeDelete(_em, orderClass, tally?: SeatTally) {
      releaseSeats(tally, orderClass);
    },
  },
});
