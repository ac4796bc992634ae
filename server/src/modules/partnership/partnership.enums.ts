import { registerEnumType } from 'type-graphql';

/** 校企合作形式 from the notice: "订单班""冠名班"、企业新型学徒制、工学一体化. */
export enum PartnershipKind {
  ORDER_CLASS = 'ORDER_CLASS',
  NAMED_CLASS = 'NAMED_CLASS',
  APPRENTICESHIP = 'APPRENTICESHIP',
  WORK_STUDY = 'WORK_STUDY',
}
registerEnumType(PartnershipKind, {
  name: 'PartnershipKind',
  valuesConfig: {
    ORDER_CLASS: { description: '订单班' },
    NAMED_CLASS: { description: '冠名班' },
    APPRENTICESHIP: { description: '企业新型学徒制' },
    WORK_STUDY: { description: '工学一体化' },
  },
});

export enum PartnershipStatus {
  ACTIVE = 'ACTIVE',
  ENDED = 'ENDED',
  SUSPENDED = 'SUSPENDED',
}
registerEnumType(PartnershipStatus, {
  name: 'PartnershipStatus',
  valuesConfig: { ACTIVE: { description: '执行中' }, ENDED: { description: '已结束' }, SUSPENDED: { description: '已暂停' } },
});
