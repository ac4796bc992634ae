import { Entity, Enum, Index, ManyToOne, Property, type Opt } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';
import { CalendarDate } from '../../common/scalars.js';
import { School } from '../school/school.entity.js';
import { Company } from '../company/company.entity.js';
import { PartnershipKind, PartnershipStatus } from './partnership.enums.js';

/** 校企合作: an agreement between a school and a company. */
@ObjectType({ description: '校企合作 (school–company partnership)' })
@Entity({ tableName: 'partnership' })
export class Partnership extends BaseEntity {
  @Index()
  @ManyToOne(() => School)
  school!: School;

  @Index()
  @ManyToOne(() => Company)
  company!: Company;

  @Field(() => PartnershipKind)
  @Enum({ items: () => PartnershipKind, type: 'string', length: 20 })
  kind!: PartnershipKind;

  @Field(() => CalendarDate, { description: 'Agreement start' })
  @Property({ type: 'date' })
  startsOn!: string;

  @Field(() => CalendarDate, { nullable: true, description: 'Agreement end; after startsOn; null while open-ended' })
  @Property({ type: 'date', nullable: true })
  endsOn: Opt<string> | null = null;

  @Field(() => PartnershipStatus)
  @Enum({ items: () => PartnershipStatus, type: 'string', length: 20 })
  status: Opt<PartnershipStatus> = PartnershipStatus.ACTIVE;

  @Field(() => Int, { nullable: true, description: 'Positions the company offers to graduates' })
  @Property({ type: 'integer', nullable: true })
  positionsOffered: Opt<number> | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 500, nullable: true })
  notes: Opt<string> | null = null;
}
