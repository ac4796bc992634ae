import { Entity, Enum, Index, ManyToOne, Property, type Opt } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';
import { CalendarDate } from '../../common/scalars.js';
import { City } from '../city/city.entity.js';
import { School } from '../school/school.entity.js';
import { DisciplineKind, DisciplineSource, DisciplineStatus } from './discipline.enums.js';

/** 招生秩序登记: a complaint or inspection finding about enrollment conduct in a city, at a school or not. */
@ObjectType({ description: '招生秩序登记 (a complaint or inspection of enrollment conduct: 违规招生、虚假宣传、欺骗误导学生 …)' })
@Entity({ tableName: 'discipline_case' })
export class DisciplineCase extends BaseEntity {
  @Index()
  @ManyToOne(() => City)
  city!: City;

  @Index()
  @ManyToOne(() => School, { nullable: true })
  school: Opt<School> | null = null;

  @Field(() => DisciplineKind)
  @Enum({ items: () => DisciplineKind, type: 'string', length: 30 })
  kind!: DisciplineKind;

  @Field(() => DisciplineSource)
  @Enum({ items: () => DisciplineSource, type: 'string', length: 20 })
  source!: DisciplineSource;

  @Field(() => CalendarDate, { description: '受理日期' })
  @Property({ type: 'date' })
  reportedOn!: string;

  @Field(() => String, { description: '反映的问题' })
  @Property({ type: 'string', length: 2000 })
  summary!: string;

  @Field(() => String, { nullable: true, description: '调查核实情况' })
  @Property({ type: 'string', length: 5000, nullable: true })
  findings: Opt<string> | null = null;

  @Field(() => String, { nullable: true, description: '处理措施' })
  @Property({ type: 'string', length: 5000, nullable: true })
  measures: Opt<string> | null = null;

  @Field(() => DisciplineStatus)
  @Enum({ items: () => DisciplineStatus, type: 'string', length: 20 })
  status: Opt<DisciplineStatus> = DisciplineStatus.OPEN;

  @Field(() => CalendarDate, { nullable: true, description: '查实、不予认定或移交的最近日期' })
  @Property({ type: 'date', nullable: true })
  statusChangedOn: Opt<string> | null = null;

  @Field(() => CalendarDate, { nullable: true, description: '移交纪检监察日期' })
  @Property({ type: 'date', nullable: true })
  referredOn: Opt<string> | null = null;

  @Field(() => [String], { description: 'Links to the documents of the case (scans, photos, reports): http(s) URLs' })
  @Property({ type: 'json' })
  attachments: Opt<string[]> = [];
}
