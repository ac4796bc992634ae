import { Entity, Index, ManyToOne, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { EnrollmentPlan } from '../plan/enrollment-plan.entity.js';

/**
 * Students and intake records per plan line, target group, origin and source (ROSTER or REPORTED):
 * the sums of `intake.count` and the count of intake rows that the analyst queries and
 * `aggregateIntakes` group, so they read ~75,000 subtotals instead of 600,000 intakes, and tell the
 * unverified (REPORTED) part from them. Only database triggers on `intake` write it (see the
 * migrations), inside the writing transaction, whatever the write path; a subtotal whose last intake
 * goes is deleted. Not an API resource.
 */
@Entity({ tableName: 'intake_tally' })
// A plan line's students, and its REPORTED ones, without visiting the table (campaignProgress sums
// both per counted line); it also serves the foreign key, so the plan gets no index of its own. With
// the records it covers every column on SQLite, where the table is WITHOUT ROWID and an index entry
// carries the primary key: a scan of it never looks a subtotal up.
@Index({ properties: ['plan', 'source', 'students', 'records'] })
export class IntakeTally {
  @ManyToOne(() => EnrollmentPlan, { primary: true, deleteRule: 'cascade', index: false })
  plan!: EnrollmentPlan;

  @PrimaryKey({ type: 'string', length: 30 })
  targetGroup!: string;

  @PrimaryKey({ type: 'string', length: 6 })
  originCode!: string;

  /** IntakeSource: ROSTER (students on a roster) or REPORTED (typed counts, unverified). */
  @PrimaryKey({ type: 'string', length: 10 })
  source!: string;

  @Property({ type: 'integer' })
  students!: number;

  /** The intake rows summed into `students`. */
  @Property({ type: 'integer' })
  records!: number;

  [PrimaryKeyProp]?: ['plan', 'targetGroup', 'originCode', 'source'];
}
