import { Entity, Index, ManyToOne, Property, type Opt } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';
import { CalendarDate } from '../../common/scalars.js';
import { City } from '../city/city.entity.js';
import { School } from '../school/school.entity.js';
import { Program } from '../program/program.entity.js';
import { TrainingStage, type Stage } from './stages.js';

/** 跨区域联合培养协议: a Zhejiang school's program trained jointly with an institution of another province. */
@ObjectType({ description: '跨区域联合培养协议 (cross-region joint training agreement)' })
@Entity({ tableName: 'cross_region_agreement' })
export class CrossRegionAgreement extends BaseEntity {
  @Index()
  @ManyToOne(() => City)
  city!: City;

  @Index()
  @ManyToOne(() => School)
  school!: School;

  @Index()
  @ManyToOne(() => Program)
  program!: Program;

  @Field(() => String, { description: 'GB/T 2260 province code of the partner, e.g. 510000 四川' })
  @Index()
  @Property({ type: 'string', length: 6 })
  partnerProvinceCode!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  partnerInstitution!: string;

  @Field(() => [TrainingStage], { description: 'Stages in order; their years sum to the program duration (R12)' })
  @Property({ type: 'json' })
  stages!: Stage[];

  @Field(() => Int)
  @Property({ type: 'integer' })
  seats!: number;

  @Field(() => CalendarDate)
  @Property({ type: 'date' })
  signedOn!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  enrolled: Opt<number> = 0;
}
