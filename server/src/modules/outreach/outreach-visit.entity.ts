import { Entity, Index, ManyToOne, Property, type Opt } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';
import { CalendarDate } from '../../common/scalars.js';
import { City } from '../city/city.entity.js';

/** 赴外省对接活动: "定期赴外省开展跨区域联合培养对接活动". */
@ObjectType({ description: '赴外省跨区域联合培养对接活动 (outreach visit to another province)' })
@Entity({ tableName: 'outreach_visit' })
export class OutreachVisit extends BaseEntity {
  @Index()
  @ManyToOne(() => City)
  city!: City;

  @Field(() => CalendarDate)
  @Property({ type: 'date' })
  visitedOn!: string;

  @Field(() => String, { description: 'GB/T 2260 code of the province visited' })
  @Index()
  @Property({ type: 'string', length: 6 })
  provinceCode!: string;

  @Field(() => String, { description: '带队领导' })
  @Property({ type: 'string', length: 50 })
  delegationLead!: string;

  @Field(() => Int, { description: 'Agreements signed during the visit' })
  @Property({ type: 'integer' })
  agreementsSigned: Opt<number> = 0;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 500, nullable: true })
  notes: Opt<string> | null = null;
}
