import { Entity, Enum, Index, ManyToOne, Property, type Opt } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';
import { CalendarDate } from '../../common/scalars.js';
import { EnrollmentPlan } from '../plan/enrollment-plan.entity.js';
import { IntakeSource, TargetGroup } from './intake.enums.js';

/**
 * On PostgreSQL only (added as the ORM opens, orm.ts): every line's intakes from a date on, covering, for
 * the whole province's students still to register (`withPending`). SQLite seeks per line instead, and
 * would pay for this index on every intake it writes (about a third more time per inserted intake).
 */
export const INTAKES_BY_DATE_INDEX = { name: 'intake_registered_on_plan_count_index', properties: ['registeredOn', 'plan', 'count'] };

/** 招生实绩: new students registered on a plan line, by target group and origin. */
@ObjectType({ description: '招生实绩 (actual intake on a plan line)' })
@Entity({ tableName: 'intake' })
// Covering index for students still to register per plan line (the analyst queries read all other
// sums from IntakeTally); it starts with the plan, so it also serves the foreign key.
@Index({ name: 'intake_plan_registered_on_count_index', properties: ['plan', 'registeredOn', 'count'] })
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
