import { registerEnumType } from 'type-graphql';

/** 招生起点 */
export enum EntryBasis {
  JUNIOR_HIGH = 'JUNIOR_HIGH',
  SENIOR_HIGH = 'SENIOR_HIGH',
  CERTIFICATE = 'CERTIFICATE',
}
registerEnumType(EntryBasis, {
  name: 'EntryBasis',
  valuesConfig: {
    JUNIOR_HIGH: { description: '初中起点' },
    SENIOR_HIGH: { description: '高中起点' },
    CERTIFICATE: { description: '持职业资格（技能等级）证书' },
  },
});

/** 学习形式; SKILLS_TRAINING is reported but never counted toward targets (R1). */
export enum StudyMode {
  FULL_TIME = 'FULL_TIME',
  PART_TIME = 'PART_TIME',
  SKILLS_TRAINING = 'SKILLS_TRAINING',
}
registerEnumType(StudyMode, {
  name: 'StudyMode',
  valuesConfig: {
    FULL_TIME: { description: '全日制' },
    PART_TIME: { description: '非全日制' },
    SKILLS_TRAINING: { description: '技能培训（不计入学制教育）' },
  },
});
