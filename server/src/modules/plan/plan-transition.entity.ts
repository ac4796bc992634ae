import { Entity, Enum, Index, ManyToOne, Property, type Opt } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';
import { CalendarDate } from '../../common/scalars.js';
import { EnrollmentPlan } from './enrollment-plan.entity.js';
import { PlanStatus, PlanStep } from './plan.enums.js';

/** One workflow step taken by a plan line: the line's history from draft to filing, with return reasons. */
@ObjectType({ description: '计划流转记录 (one workflow step of a plan line)' })
@Entity({ tableName: 'plan_transition' })
export class PlanTransition extends BaseEntity {
  @Index()
  @ManyToOne(() => EnrollmentPlan)
  plan!: EnrollmentPlan;

  @Field(() => PlanStep)
  @Enum({ items: () => PlanStep, type: 'string', length: 10 })
  step!: PlanStep;

  @Field(() => PlanStatus)
  @Enum({ items: () => PlanStatus, type: 'string', length: 10 })
  fromStatus!: PlanStatus;

  @Field(() => PlanStatus)
  @Enum({ items: () => PlanStatus, type: 'string', length: 10 })
  toStatus!: PlanStatus;

  @Field(() => String, { nullable: true, description: 'Why a line was returned to the school' })
  @Property({ type: 'string', length: 500, nullable: true })
  reason: Opt<string> | null = null;

  @Field(() => CalendarDate)
  @Property({ type: 'date' })
  occurredOn!: string;
}
