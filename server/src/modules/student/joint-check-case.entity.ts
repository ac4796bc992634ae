import { Entity, Enum, Index, ManyToOne, Property, type Opt } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';
import { CalendarDate } from '../../common/scalars.js';
import { School } from '../school/school.entity.js';
import { ExternalRoster } from './external-roster.entity.js';
import { Student } from './student.entity.js';

/** 联合核查: open until the school's explanation is accepted, or referred to the discipline bodies. */
export enum JointCheckStatus {
  OPEN = 'OPEN',
  EXPLAINED = 'EXPLAINED',
  REFERRED = 'REFERRED',
}
registerEnumType(JointCheckStatus, {
  name: 'JointCheckStatus',
  valuesConfig: { OPEN: { description: '待核查' }, EXPLAINED: { description: '已说明' }, REFERRED: { description: '已移交纪检监察' } },
});

/** A student on a technical school's roll whose ID number is also on an external roster. */
@ObjectType({ description: '联合核查: a student also on a 普通高中 / 中职 roll, per school, with its outcome' })
@Entity({ tableName: 'joint_check_case' })
export class JointCheckCase extends BaseEntity {
  @Index()
  @ManyToOne(() => Student, { deleteRule: 'cascade' })
  student!: Student;

  @Index()
  @ManyToOne(() => School)
  school!: School;

  @Index()
  @ManyToOne(() => ExternalRoster, { deleteRule: 'cascade' })
  roster!: ExternalRoster;

  @Field(() => CalendarDate)
  @Property({ type: 'date' })
  matchedOn!: string;

  @Field(() => JointCheckStatus)
  @Enum({ items: () => JointCheckStatus, type: 'string', length: 20 })
  status: Opt<JointCheckStatus> = JointCheckStatus.OPEN;

  @Field(() => String, { nullable: true, description: 'The school’s explanation or the bureau’s finding' })
  @Property({ type: 'string', length: 2000, nullable: true })
  note: Opt<string> | null = null;
}
