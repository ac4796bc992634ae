import { Entity, Enum, Index, ManyToOne, Property, type Opt } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';
import { City } from '../city/city.entity.js';
import { Institution } from '../institution/institution.type.js';
import { Industry } from './industry.js';

/** 企业: a company that trains or hires students together with schools. */
@ObjectType({ description: '企业 (company)', implements: Institution })
@Entity({ tableName: 'company' })
export class Company extends BaseEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Field(() => String, { nullable: true, description: '简称, e.g. for a named class (冠名班)' })
  @Property({ type: 'string', length: 30, nullable: true })
  shortName: Opt<string> | null = null;

  @Field(() => String, { description: '统一社会信用代码 (GB 32100-2015, 18 characters with check character)' })
  @Property({ type: 'string', length: 18, unique: true })
  creditCode!: string;

  @Field(() => Industry)
  @Index()
  @Enum({ items: () => Industry, type: 'string', length: 40 })
  industry!: Industry;

  @Index()
  @ManyToOne(() => City)
  city!: City;
}
