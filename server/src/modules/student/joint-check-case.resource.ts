import { defineResource } from '../../common/resource.js';
import { ruleViolation } from '../../common/errors.js';
import { forbidden, requestActor } from '../../auth/scope.js';
import { actorOf } from '../../auth/actor.js';
import { School } from '../school/school.entity.js';
import { OFFICES, Role } from '../../auth/role.js';
import { JointCheckCase, JointCheckStatus } from './joint-check-case.entity.js';
import { Student } from './student.entity.js';

/** A case is explained (the school's account accepted) or referred; an explained one may be reopened or referred after all. */
export const JOINT_CHECK_MOVES: Record<JointCheckStatus, JointCheckStatus[]> = {
  [JointCheckStatus.OPEN]: [JointCheckStatus.EXPLAINED, JointCheckStatus.REFERRED],
  [JointCheckStatus.EXPLAINED]: [JointCheckStatus.OPEN, JointCheckStatus.REFERRED],
  [JointCheckStatus.REFERRED]: [],
};

export const jointCheckCaseResource = defineResource({
  entity: JointCheckCase,
  name: 'JointCheckCase',
  plural: 'JointCheckCases',
  labelZh: '联合核查',
  // Schools read their cases and write their explanation while a case is open; bureaus decide.
  policy: { write: OFFICES, read: OFFICES, city: 'school.city', school: 'school', staffWritesWhere: { status: [JointCheckStatus.OPEN] } },
  search: ['school.name', 'note'],
  defaultSort: 'matchedOn',
  fields: [
    { name: 'studentId', prop: 'student', kind: 'ref', target: () => Student, labelZh: '学生', readOnly: true },
    { name: 'schoolId', prop: 'school', kind: 'ref', target: () => School, labelZh: '学校', readOnly: true },
    { name: 'matchedOn', kind: 'date', labelZh: '比对日期', readOnly: true },
    { name: 'status', kind: 'enum', enum: JointCheckStatus, labelZh: '核查状态' },
    { name: 'note', kind: 'string', labelZh: '说明', maxLength: 2000 },
  ],
  hooks: {
    async beforeSave(em, row, isNew, before) {
      if (isNew)
        throw ruleViolation('JOINT_CHECK', '联合核查记录由外部学籍名单比对生成，不能手工新增', 'joint-check cases come only from matching an external roster');
      const from = (before?.status ?? JointCheckStatus.OPEN) as JointCheckStatus;
      if (row.status === from) return;
      if (requestActor(actorOf(em))?.role === Role.SCHOOL_STAFF) throw forbidden('联合核查', 'JointCheckCase', 'status');
      if (!JOINT_CHECK_MOVES[from].includes(row.status)) {
        throw ruleViolation(
          'JOINT_CHECK',
          `联合核查记录 ${row.id} 当前为 ${from}，不能改为 ${row.status}`,
          `case ${row.id} is ${from}; it cannot become ${row.status}`,
          'status',
        );
      }
      if (!row.note?.trim()) throw ruleViolation('JOINT_CHECK', '改变核查状态前请填写说明', 'write a note before changing the status', 'note');
    },
    async beforeDelete(_em, row) {
      throw ruleViolation('JOINT_CHECK', `联合核查记录 ${row.id} 是核查档案，不能删除`, `case ${row.id} is part of the record and cannot be deleted`);
    },
  },
});
