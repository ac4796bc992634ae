import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TargetGroup } from '../intake/intake.enums.js';
import { StudyMode } from '../program/program.enums.js';
import { UNVERIFIED } from './analytics.types.js';

export enum OriginKind {
  IN_CITY = 'IN_CITY',
  OTHER_ZHEJIANG_CITY = 'OTHER_ZHEJIANG_CITY',
  OTHER_PROVINCE = 'OTHER_PROVINCE',
}
registerEnumType(OriginKind, {
  name: 'OriginKind',
  valuesConfig: {
    IN_CITY: { description: '本市生源' },
    OTHER_ZHEJIANG_CITY: { description: '省内其他设区市生源' },
    OTHER_PROVINCE: { description: '省外生源' },
  },
});

@ObjectType()
export class TargetGroupCount {
  @Field(() => TargetGroup) targetGroup!: TargetGroup;
  @Field(() => Int) students!: number;
}

@ObjectType()
export class StudyModeCount {
  @Field(() => StudyMode) studyMode!: StudyMode;
  @Field(() => Int) students!: number;
  @Field(() => Boolean, { description: 'false for SKILLS_TRAINING (R1)' }) countsTowardTarget!: boolean;
}

@ObjectType()
export class OriginCount {
  @Field(() => OriginKind) origin!: OriginKind;
  @Field(() => String, { nullable: true, description: 'The other province (GB/T 2260) for OTHER_PROVINCE' }) provinceCode!: string | null;
  @Field(() => String, { nullable: true }) provinceName!: string | null;
  @Field(() => Int) students!: number;
}

@ObjectType({ description: "生源结构: where one year's students of a city (or the province, 330000, or one school) come from" })
export class SourceMixRow {
  @Field(() => Int) year!: number;
  @Field(() => String, { description: 'City code (the school’s city on a school row), or 330000 for the province row' }) cityCode!: string;
  @Field(() => String) cityName!: string;
  @Field(() => ID, { nullable: true, description: 'Set on a school row' }) schoolId!: string | null;
  @Field(() => String, { nullable: true }) schoolName!: string | null;
  @Field(() => Int, { description: '学制教育 students (R1); the target-group and origin breakdowns add up to it' }) enrolled!: number;
  @Field(() => Int, { description: UNVERIFIED }) unverified!: number;
  @Field(() => Int, { description: 'SKILLS_TRAINING students: reported, never counted (R1)' }) skillsTraining!: number;
  @Field(() => Int, { description: 'Of `skillsTraining`, students of REPORTED intakes (typed counts with no roster behind them): unverified' })
  skillsTrainingUnverified!: number;
  @Field(() => [TargetGroupCount]) byTargetGroup!: TargetGroupCount[];
  @Field(() => [StudyModeCount], { description: 'Every study mode, SKILLS_TRAINING included' }) byStudyMode!: StudyModeCount[];
  @Field(() => [OriginCount]) byOrigin!: OriginCount[];
  @Field(() => Int) outOfProvince!: number;
  @Field(() => Float, { nullable: true, description: 'outOfProvince / enrolled' }) outOfProvinceShare!: number | null;
}
