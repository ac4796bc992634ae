import { Entity, Enum, Index, ManyToOne, Property, Unique, type Opt } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';
import { School } from '../school/school.entity.js';
import { Program } from '../program/program.entity.js';
import { PlanStatus, Season } from './plan.enums.js';

/** 招生计划: seats of one program for one year and season. */
@ObjectType({ description: '招生计划 (plan line)' })
@Entity({ tableName: 'enrollment_plan' })
@Unique({ properties: ['program', 'year', 'season'] })
export class EnrollmentPlan extends BaseEntity {
  @Index()
  @ManyToOne(() => School)
  school!: School;

  @ManyToOne(() => Program)
  program!: Program;

  @Field(() => Int)
  @Index()
  @Property({ type: 'integer' })
  year!: number;

  @Field(() => Season)
  @Enum({ items: () => Season, type: 'string', length: 10 })
  season!: Season;

  @Field(() => Int)
  @Property({ type: 'integer' })
  seats!: number;

  @Field(() => PlanStatus)
  @Enum({ items: () => PlanStatus, type: 'string', length: 10 })
  status: Opt<PlanStatus> = PlanStatus.DRAFT;
}
