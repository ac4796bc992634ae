import { Entity, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';

/** 设区市: one of Zhejiang's 11 prefecture-level cities. */
@ObjectType({ description: '设区市 (prefecture-level city)' })
@Entity({ tableName: 'city' })
export class City extends BaseEntity {
  @Field(() => String, { description: 'GB/T 2260 code, e.g. 330100' })
  @Property({ type: 'string', length: 6, unique: true })
  code!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 50 })
  nameZh!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 50 })
  nameEn!: string;

  @Field(() => Int, { description: 'Position in the notice task table (湖州 before 嘉兴)' })
  @Property({ type: 'integer' })
  displayOrder!: number;
}
