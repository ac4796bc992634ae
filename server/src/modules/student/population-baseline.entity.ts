import { Entity, ManyToOne, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';
import { City } from '../city/city.entity.js';

/** 在校学生规模 of a city in 2020, the base of the campaign's 2025 goal "较2020年翻一番". */
@ObjectType({ description: 'A city’s technical-school students in school in 2020 (entered by the province): the base of the 翻一番 goal' })
@Entity({ tableName: 'population_baseline' })
export class PopulationBaseline extends BaseEntity {
  @ManyToOne(() => City, { unique: true })
  city!: City;

  @Field(() => Int, { description: 'Students in school in 2020' })
  @Property({ type: 'integer' })
  students!: number;
}
