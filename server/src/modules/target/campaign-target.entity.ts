import { Entity, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';
import { City } from '../city/city.entity.js';

/** 分阶段任务: a city's enrollment target for one campaign year (the notice's annex). */
@ObjectType({ description: '分阶段任务 (city target for one campaign year)' })
@Entity({ tableName: 'campaign_target' })
@Unique({ properties: ['city', 'year'] })
export class CampaignTarget extends BaseEntity {
  @ManyToOne(() => City)
  city!: City;

  @Field(() => Int)
  @Property({ type: 'integer' })
  year!: number;

  @Field(() => Int)
  @Property({ type: 'integer' })
  seats!: number;
}
