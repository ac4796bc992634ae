import { registerEnumType } from 'type-graphql';

export enum Season {
  SPRING = 'SPRING',
  AUTUMN = 'AUTUMN',
}
registerEnumType(Season, { name: 'Season', valuesConfig: { SPRING: { description: '春季' }, AUTUMN: { description: '秋季' } } });

/** DRAFT → SUBMITTED (school) → APPROVED (issuing authority, R4) → FILED (province, R6). */
export enum PlanStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  FILED = 'FILED',
}
registerEnumType(PlanStatus, {
  name: 'PlanStatus',
  valuesConfig: {
    DRAFT: { description: '草稿' },
    SUBMITTED: { description: '已提交' },
    APPROVED: { description: '已下达' },
    FILED: { description: '已备案' },
  },
});

/** A workflow step; RETURN sends a submitted line back to the school. */
export enum PlanStep {
  SUBMIT = 'SUBMIT',
  APPROVE = 'APPROVE',
  FILE = 'FILE',
  RETURN = 'RETURN',
}
registerEnumType(PlanStep, {
  name: 'PlanStep',
  valuesConfig: { SUBMIT: { description: '提交' }, APPROVE: { description: '下达' }, FILE: { description: '备案' }, RETURN: { description: '退回' } },
});
