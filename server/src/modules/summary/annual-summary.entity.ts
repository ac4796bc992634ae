import { Entity, ManyToOne, Property, Unique, type Opt } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';
import { CalendarDate } from '../../common/scalars.js';
import { City } from '../city/city.entity.js';

/** 招生工作总结: a city's yearly report; figures are generated from the data, the narrative is written by the city. */
@ObjectType({ description: '招生工作总结 (city yearly summary, due 30 November, R10)' })
@Entity({ tableName: 'annual_summary' })
@Unique({ properties: ['city', 'year'] })
export class AnnualSummary extends BaseEntity {
  @ManyToOne(() => City)
  city!: City;

  @Field(() => Int)
  @Property({ type: 'integer' })
  year!: number;

  @Field(() => String, { nullable: true, description: '存在的问题' })
  @Property({ type: 'text', nullable: true })
  problems: Opt<string> | null = null;

  @Field(() => String, { nullable: true, description: '下一年度工作举措' })
  @Property({ type: 'text', nullable: true })
  nextYearMeasures: Opt<string> | null = null;

  @Field(() => CalendarDate, { nullable: true, description: 'Date the summary was reported to the province' })
  @Property({ type: 'date', nullable: true })
  submittedOn: Opt<string> | null = null;
}
