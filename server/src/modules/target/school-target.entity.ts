import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';
import { School } from '../school/school.entity.js';

/** 任务分解: seats of the city's target assigned to one school for one year. */
@ObjectType({ description: '任务分解 (school share of a city target)' })
@Entity({ tableName: 'school_target' })
@Unique({ properties: ['school', 'year'] })
export class SchoolTarget extends BaseEntity {
  @ManyToOne(() => School)
  school!: School;

  @Field(() => Int)
  @Property({ type: 'integer' })
  year!: number;

  @Field(() => Int)
  @Property({ type: 'integer' })
  seats!: number;
}
