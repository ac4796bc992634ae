import { Entity, Enum, Index, ManyToOne, Property, type Opt } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';
import { CalendarDate } from '../../common/scalars.js';
import { EnrollmentPlan } from '../plan/enrollment-plan.entity.js';
import { AdjustmentDecision } from './adjustment.enums.js';

/** 计划调整: the only way seats of an approved or filed plan line change (R8); rows are kept as history. */
@ObjectType({ description: '计划调整 (seat change of a locked plan line, R8)' })
@Entity({ tableName: 'plan_adjustment' })
export class PlanAdjustment extends BaseEntity {
  @Index()
  @ManyToOne(() => EnrollmentPlan)
  plan!: EnrollmentPlan;

  @Field(() => Int, { description: 'Seats of the line when the change was requested' })
  @Property({ type: 'integer' })
  oldSeats!: number;

  @Field(() => Int)
  @Property({ type: 'integer' })
  newSeats!: number;

  @Field(() => String)
  @Property({ type: 'string', length: 500 })
  reason!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  requestedBy!: string;

  @Field(() => CalendarDate)
  @Property({ type: 'date' })
  requestedOn!: string;

  @Field(() => AdjustmentDecision)
  @Enum({ items: () => AdjustmentDecision, type: 'string', length: 10 })
  decision: Opt<AdjustmentDecision> = AdjustmentDecision.PENDING;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  decidedBy: Opt<string> | null = null;

  @Field(() => CalendarDate, { nullable: true })
  @Property({ type: 'date', nullable: true })
  decidedOn: Opt<string> | null = null;

  @Field(() => String, { nullable: true, description: 'The decider’s remark' })
  @Property({ type: 'string', length: 500, nullable: true })
  decisionNote: Opt<string> | null = null;
}
