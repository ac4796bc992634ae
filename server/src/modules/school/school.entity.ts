import { Entity, Enum, Index, ManyToOne, Property, type Opt } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';
import { City } from '../city/city.entity.js';
import { Institution } from '../institution/institution.type.js';

export enum SchoolType {
  TECHNICIAN_COLLEGE = 'TECHNICIAN_COLLEGE',
  SENIOR_TECHNICAL_SCHOOL = 'SENIOR_TECHNICAL_SCHOOL',
  TECHNICAL_SCHOOL = 'TECHNICAL_SCHOOL',
}
registerEnumType(SchoolType, {
  name: 'SchoolType',
  valuesConfig: {
    TECHNICIAN_COLLEGE: { description: '技师学院' },
    SENIOR_TECHNICAL_SCHOOL: { description: '高级技工学校' },
    TECHNICAL_SCHOOL: { description: '技工学校' },
  },
});

export enum Ownership {
  PUBLIC = 'PUBLIC',
  PRIVATE = 'PRIVATE',
  ENTERPRISE = 'ENTERPRISE',
}
registerEnumType(Ownership, {
  name: 'Ownership',
  valuesConfig: { PUBLIC: { description: '公办' }, PRIVATE: { description: '民办' }, ENTERPRISE: { description: '企业办' } },
});

/** 技工院校 */
@ObjectType({ description: '技工院校 (technical school)', implements: Institution })
@Entity({ tableName: 'school' })
export class School extends BaseEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 100, unique: true })
  name!: string;

  @Field(() => SchoolType)
  @Enum({ items: () => SchoolType, type: 'string', length: 30 })
  type!: SchoolType;

  @Index()
  @ManyToOne(() => City)
  city!: City;

  @Field(() => Boolean, { description: '省属: plans issued by the province (R4)' })
  @Property({ type: 'boolean' })
  provincial: Opt<boolean> = false;

  @Field(() => Ownership)
  @Enum({ items: () => Ownership, type: 'string', length: 20 })
  ownership: Opt<Ownership> = Ownership.PUBLIC;
}
