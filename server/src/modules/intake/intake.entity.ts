import { Entity, Enum, Index, ManyToOne, Property, type Opt } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';
import { CalendarDate } from '../../common/scalars.js';
import { EnrollmentPlan } from '../plan/enrollment-plan.entity.js';
import { IntakeSource, TargetGroup } from './intake.enums.js';

/** 招生实绩: new students registered on a plan line, by target group and origin. */
@ObjectType({ description: '招生实绩 (actual intake on a plan line)' })
@Entity({ tableName: 'intake' })
// Covering indexes for students still to register (the analyst queries read all other sums from
// IntakeTally): per plan line, which also serves the foreign key, and, for the whole province on
// PostgreSQL, all lines' from a date on (`withPending`).
@Index({ name: 'intake_plan_registered_on_count_index', properties: ['plan', 'registeredOn', 'count'] })
@Index({ name: 'intake_registered_on_plan_count_index', properties: ['registeredOn', 'plan', 'count'] })
export class Intake extends BaseEntity {
  @ManyToOne(() => EnrollmentPlan)
  plan!: EnrollmentPlan;

  @Field(() => Int)
  @Property({ type: 'integer' })
  count!: number;

  @Field(() => TargetGroup)
  @Enum({ items: () => TargetGroup, type: 'string', length: 30 })
  targetGroup!: TargetGroup;

  @Field(() => String, { description: 'GB/T 2260 code: a Zhejiang city (33xx00) or another province (xx0000)' })
  @Index()
  @Property({ type: 'string', length: 6 })
  originCode!: string;

  @Field(() => CalendarDate, { description: '学籍注册 date' })
  @Property({ type: 'date' })
  registeredOn!: string;

  @Field(() => IntakeSource, { description: 'ROSTER: the count of the line’s students (kept by their writes); REPORTED: typed, unverified' })
  @Enum({ items: () => IntakeSource, type: 'string', length: 10 })
  source: Opt<IntakeSource> = IntakeSource.REPORTED;
}
