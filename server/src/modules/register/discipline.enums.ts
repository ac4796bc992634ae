import { registerEnumType } from 'type-graphql';

/** What a case of the enrollment-order register (招生秩序) is about: the misconduct the notice orders inspected. */
export enum DisciplineKind {
  ILLEGAL_RECRUITMENT = 'ILLEGAL_RECRUITMENT',
  FALSE_ADVERTISING = 'FALSE_ADVERTISING',
  MISLEADING_STUDENTS = 'MISLEADING_STUDENTS',
  FALSE_REGISTRATION = 'FALSE_REGISTRATION',
  OTHER = 'OTHER',
}
registerEnumType(DisciplineKind, {
  name: 'DisciplineKind',
  valuesConfig: {
    ILLEGAL_RECRUITMENT: { description: '违规招生' },
    FALSE_ADVERTISING: { description: '虚假宣传' },
    MISLEADING_STUDENTS: { description: '欺骗误导学生' },
    FALSE_REGISTRATION: { description: '虚假学籍' },
    OTHER: { description: '其他' },
  },
});

/** How a case reached the bureau. */
export enum DisciplineSource {
  COMPLAINT = 'COMPLAINT',
  INSPECTION = 'INSPECTION',
  MEDIA = 'MEDIA',
  ASSIGNED = 'ASSIGNED',
  OTHER = 'OTHER',
}
registerEnumType(DisciplineSource, {
  name: 'DisciplineSource',
  valuesConfig: {
    COMPLAINT: { description: '群众投诉举报' },
    INSPECTION: { description: '督查检查' },
    MEDIA: { description: '媒体反映' },
    ASSIGNED: { description: '上级交办' },
    OTHER: { description: '其他' },
  },
});

/** OPEN → VERIFIED (查实) or DISMISSED (不予立案/查无实据); VERIFIED → REFERRED (移交纪检监察). */
export enum DisciplineStatus {
  OPEN = 'OPEN',
  VERIFIED = 'VERIFIED',
  DISMISSED = 'DISMISSED',
  REFERRED = 'REFERRED',
}
registerEnumType(DisciplineStatus, {
  name: 'DisciplineStatus',
  valuesConfig: {
    OPEN: { description: '办理中' },
    VERIFIED: { description: '已查实' },
    DISMISSED: { description: '查无实据' },
    REFERRED: { description: '已移交纪检监察' },
  },
});
