import { Entity, Enum, Index, ManyToOne, Property, type Opt } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';
import { Partnership } from '../partnership/partnership.entity.js';
import { Program } from '../program/program.entity.js';
import { Season } from '../plan/plan.enums.js';

/** 订单班 / 冠名班: a class run for a company under a partnership, drawing its seats from the plan (R11). */
@ObjectType({ description: '订单班/冠名班 (order or named class)' })
@Entity({ tableName: 'order_class' })
@Index({ properties: ['program', 'year', 'season'] })
export class OrderClass extends BaseEntity {
  @Index()
  @ManyToOne(() => Partnership)
  partnership!: Partnership;

  @ManyToOne(() => Program)
  program!: Program;

  @Field(() => Int)
  @Property({ type: 'integer' })
  year!: number;

  @Field(() => Season)
  @Enum({ items: () => Season, type: 'string', length: 10 })
  season!: Season;

  @Field(() => String, { description: 'Class name; a named class carries the company name' })
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  seats!: number;

  @Field(() => Int)
  @Property({ type: 'integer' })
  enrolled: Opt<number> = 0;

  @Field(() => Int, { nullable: true, description: 'Share of graduates the company commits to hire, in percent (0–100)' })
  @Property({ type: 'integer', nullable: true })
  employmentCommitment: Opt<number> | null = null;

  @Field(() => Int, { nullable: true, description: 'Stipend per student per year, in yuan' })
  @Property({ type: 'integer', nullable: true })
  stipendPerYear: Opt<number> | null = null;
}
