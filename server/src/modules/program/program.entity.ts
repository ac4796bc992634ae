import { Entity, Enum, Index, ManyToOne, Property, Unique, type Opt } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';
import { CalendarDate } from '../../common/scalars.js';
import { School } from '../school/school.entity.js';
import { Major } from '../major/major.entity.js';
import { Level } from '../major/level.js';
import { EntryBasis, StudyMode } from './program.enums.js';

/** 开设专业: a school's offering of a catalogue major at one level, entry basis and study mode. */
@ObjectType({ description: '开设专业 (a school offering of a major)' })
@Entity({ tableName: 'program' })
@Unique({ properties: ['school', 'major', 'level', 'entryBasis', 'studyMode'] })
export class Program extends BaseEntity {
  @ManyToOne(() => School)
  school!: School;

  @Index()
  @ManyToOne(() => Major)
  major!: Major;

  @Field(() => Level)
  @Enum({ items: () => Level, type: 'string', length: 30 })
  level!: Level;

  @Field(() => EntryBasis)
  @Enum({ items: () => EntryBasis, type: 'string', length: 20 })
  entryBasis!: EntryBasis;

  @Field(() => Int)
  @Property({ type: 'integer' })
  durationYears!: number;

  @Field(() => StudyMode)
  @Enum({ items: () => StudyMode, type: 'string', length: 20 })
  studyMode: Opt<StudyMode> = StudyMode.FULL_TIME;

  @Field(() => CalendarDate, { nullable: true, description: '备案 date; null while not filed' })
  @Property({ type: 'date', nullable: true })
  filedOn: Opt<string> | null = null;
}
