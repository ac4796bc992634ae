import { registerEnumType } from 'type-graphql';

export enum AdjustmentDecision {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(AdjustmentDecision, {
  name: 'AdjustmentDecision',
  valuesConfig: { PENDING: { description: '待审批' }, APPROVED: { description: '已批准' }, REJECTED: { description: '已驳回' } },
});
