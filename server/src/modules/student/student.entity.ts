import { Entity, Enum, Index, ManyToOne, Property, type Opt } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';
import { CalendarDate } from '../../common/scalars.js';
import { EnrollmentPlan } from '../plan/enrollment-plan.entity.js';
import { School } from '../school/school.entity.js';
import { TargetGroup } from '../intake/intake.enums.js';
import { OrderClass } from '../order-class/order-class.entity.js';
import { CrossRegionAgreement } from '../cross-region/cross-region.entity.js';
import { Sex, StudentStatus } from './student.enums.js';

@ObjectType({ description: 'A step of a student’s status' })
export class StudentStatusStep {
  @Field(() => StudentStatus) status!: StudentStatus;
  @Field(() => CalendarDate) on!: string;
}

/**
 * An index of the students that have the reference: most students are in no order class and no cross-region
 * class, and an index of every row would take a NULL entry for each of them on every insert (a roster import
 * writes 20,000). A lookup by a value (`= ?`, `in (…)`, the foreign keys' checks) implies `is not null`, so
 * SQLite and PostgreSQL both use it.
 */
function partialIndex(column: string) {
  const name = `student_${column}_index`;
  return { name, expression: `create index "${name}" on "student" ("${column}") where "${column}" is not null` };
}

/**
 * 学籍: one registered student on a plan line. The name, the ID number and the birth date are
 * personal data: the ID number is stored only encrypted (`idCipher`, under key `idKeyId`) and as a
 * keyed hash (`idHash`) for duplicates; the API shows them to readers by role (see the resolver).
 */
@ObjectType({ description: '学籍 (a registered student); name, ID number and birth date are masked for city bureaus' })
@Entity({ tableName: 'student' })
@Index({ properties: ['school', 'status'] })
@Index({ properties: ['registeredOn', 'leftOn'] })
@Index(partialIndex('order_class_id'))
@Index(partialIndex('cross_region_agreement_id'))
export class Student extends BaseEntity {
  @Index()
  @ManyToOne(() => EnrollmentPlan)
  plan!: EnrollmentPlan;

  /** The plan line's school, kept with the row so that scope and population read no join. */
  @ManyToOne(() => School, { index: false })
  school!: Opt<School>;

  @Property({ type: 'string', length: 50 })
  name!: string;

  @Property({ type: 'string', length: 120 })
  idCipher!: Opt<string>;

  @Property({ type: 'string', length: 20 })
  idKeyId!: Opt<string>;

  @Index()
  @Property({ type: 'string', length: 64 })
  idHash!: Opt<string>;

  @Property({ type: 'date' })
  birthDate!: Opt<string>;

  @Field(() => Sex)
  @Enum({ items: () => Sex, type: 'string', length: 10 })
  sex!: Opt<Sex>;

  @Field(() => TargetGroup)
  @Enum({ items: () => TargetGroup, type: 'string', length: 30 })
  targetGroup!: TargetGroup;

  @Field(() => String, { description: 'GB/T 2260 origin: a Zhejiang city (33xx00) or another province (xx0000); by default from the ID number' })
  @Property({ type: 'string', length: 6 })
  originCode!: Opt<string>;

  @Field(() => CalendarDate, { description: '学籍注册 date' })
  @Property({ type: 'date' })
  registeredOn!: string;

  @Field(() => StudentStatus)
  @Enum({ items: () => StudentStatus, type: 'string', length: 20 })
  status: Opt<StudentStatus> = StudentStatus.ENROLLED;

  @Field(() => CalendarDate, { description: 'Since when the status holds' })
  @Property({ type: 'date' })
  statusOn!: Opt<string>;

  /** The day the student left the roll (withdrawn, transferred or graduated); null while on it. The in-school population counts on it. */
  @Field(() => CalendarDate, { nullable: true, description: 'The day the student left the roll (withdrawn, transferred, graduated)' })
  @Property({ type: 'date', nullable: true })
  leftOn: Opt<string> | null = null;

  @Field(() => [StudentStatusStep], { description: 'Every status with its date, oldest first' })
  @Property({ type: 'json' })
  statusHistory: Opt<StudentStatusStep[]> = [];

  @ManyToOne(() => OrderClass, { nullable: true, index: false })
  orderClass: OrderClass | null = null;

  @ManyToOne(() => CrossRegionAgreement, { nullable: true, index: false })
  crossRegionAgreement: CrossRegionAgreement | null = null;

  /** Written through the API only; checked, encrypted and hashed before the row is stored. */
  @Property({ type: 'string', persist: false, nullable: true })
  idNumber?: string | null;
}
