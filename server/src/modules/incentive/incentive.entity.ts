import { Entity, Enum, Index, ManyToOne, Property, type Opt } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';
import { City } from '../city/city.entity.js';
import { TargetGroup } from '../intake/intake.enums.js';

/** 招生优惠政策 kinds, as the notice lists them. */
export enum IncentiveKind {
  TUITION_WAIVER = 'TUITION_WAIVER',
  LIVING_COST_WAIVER = 'LIVING_COST_WAIVER',
  SCHOLARSHIP = 'SCHOLARSHIP',
  GRANT = 'GRANT',
  PARTNER_CITY_SUBSIDY = 'PARTNER_CITY_SUBSIDY',
}
registerEnumType(IncentiveKind, {
  name: 'IncentiveKind',
  valuesConfig: {
    TUITION_WAIVER: { description: '学费减免' },
    LIVING_COST_WAIVER: { description: '生活费减免' },
    SCHOLARSHIP: { description: '奖学金' },
    GRANT: { description: '助学金' },
    PARTNER_CITY_SUBSIDY: { description: '对口城市合作办学补助' },
  },
});

/** 招生优惠政策: what a city offers students of one year. */
@ObjectType({ description: '招生优惠政策 (enrollment incentive)' })
@Entity({ tableName: 'incentive' })
export class Incentive extends BaseEntity {
  @Index()
  @ManyToOne(() => City)
  city!: City;

  @Field(() => Int)
  @Index()
  @Property({ type: 'integer' })
  year!: number;

  @Field(() => IncentiveKind)
  @Enum({ items: () => IncentiveKind, type: 'string', length: 30 })
  kind!: IncentiveKind;

  @Field(() => Int, { description: 'Yuan per student (per year)' })
  @Property({ type: 'integer' })
  amountPerStudent!: number;

  @Field(() => String, { nullable: true, description: 'Who is eligible, in words' })
  @Property({ type: 'string', length: 500, nullable: true })
  eligibility: Opt<string> | null = null;

  @Field(() => [TargetGroup], { description: 'Eligible target groups; empty when described in words only' })
  @Enum({ items: () => TargetGroup, array: true })
  targetGroups: Opt<TargetGroup[]> = [];
}
