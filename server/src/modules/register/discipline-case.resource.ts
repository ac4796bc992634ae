import { BUREAUS } from '../../auth/role.js';
import type { EntityManager } from '@mikro-orm/core';
import { defineResource } from '../../common/resource.js';
import { badInput, ruleViolation } from '../../common/errors.js';
import { City } from '../city/city.entity.js';
import { School } from '../school/school.entity.js';
import { DisciplineCase } from './discipline-case.entity.js';
import { DisciplineKind, DisciplineSource, DisciplineStatus } from './discipline.enums.js';
import { DISCIPLINE_MOVES, validateAttachments } from './discipline-rules.js';

/** A case about a school lies in the school's city. */
async function alignCity(em: EntityManager, row: DisciplineCase): Promise<void> {
  if (!row.school) return;
  const school = await em.findOneOrFail(School, row.school.id);
  if (row.city && row.city.id !== school.city.id)
    throw badInput('cityId', '所选设区市与学校所在设区市不一致', `school ${school.id} is not in city ${row.city.id}`);
  row.city = school.city;
}

const CONTENT = ['city', 'school', 'kind', 'source', 'reportedOn', 'summary', 'findings', 'measures', 'attachments'] as const;
const isClosed = (status: DisciplineStatus | undefined) => status !== undefined && DISCIPLINE_MOVES[status].length === 0;

export const disciplineCaseResource = defineResource({
  entity: DisciplineCase,
  name: 'DisciplineCase',
  plural: 'DisciplineCases',
  labelZh: '招生秩序登记',
  policy: { write: BUREAUS, read: BUREAUS, city: 'city' },
  search: ['summary', 'findings', 'measures', 'school.name'],
  defaultSort: 'reportedOn',
  fields: [
    { name: 'cityId', prop: 'city', kind: 'ref', target: () => City, labelZh: '设区市' },
    { name: 'schoolId', prop: 'school', kind: 'ref', target: () => School, labelZh: '学校' },
    { name: 'kind', kind: 'enum', enum: DisciplineKind, labelZh: '类别', required: true },
    { name: 'source', kind: 'enum', enum: DisciplineSource, labelZh: '来源', required: true },
    { name: 'reportedOn', kind: 'date', labelZh: '受理日期', required: true },
    { name: 'summary', kind: 'string', labelZh: '反映的问题', required: true, maxLength: 2000 },
    { name: 'findings', kind: 'string', labelZh: '调查核实情况', maxLength: 5000 },
    { name: 'measures', kind: 'string', labelZh: '处理措施', maxLength: 5000 },
    { name: 'status', kind: 'enum', enum: DisciplineStatus, labelZh: '状态', readOnly: true },
    { name: 'statusChangedOn', kind: 'date', labelZh: '办结日期', readOnly: true },
    { name: 'referredOn', kind: 'date', labelZh: '移交日期', readOnly: true },
    { name: 'attachments', kind: 'json', labelZh: '附件链接', json: { input: () => [String], validate: validateAttachments } },
  ],
  hooks: {
    async beforeSave(em, row, isNew, before) {
      if (!isNew && isClosed(before?.status) && CONTENT.some((prop) => JSON.stringify(before?.[prop]) !== JSON.stringify(row[prop]))) {
        throw ruleViolation('DISCIPLINE', `招生秩序登记 ${row.id} 已办结，不能再修改`, `case ${row.id} is closed and can no longer change`);
      }
      if (!row.city && !row.school) throw badInput('cityId', '请选择设区市或学校', 'give a cityId or a schoolId');
      await alignCity(em, row);
    },
    async beforeDelete(_em, row) {
      if (row.status !== DisciplineStatus.OPEN)
        throw ruleViolation('DISCIPLINE', `招生秩序登记 ${row.id} 已有办理结果，不能删除`, `case ${row.id} has an outcome and cannot be deleted`);
    },
  },
});
