import { Entity, Enum, ManyToOne, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';
import { CalendarDate } from '../../common/scalars.js';

/** Whose 学籍 an external roster lists: a student on it must not be on a technical school's roll too. */
export enum ExternalRosterKind {
  GENERAL_HIGH_SCHOOL = 'GENERAL_HIGH_SCHOOL',
  SECONDARY_VOCATIONAL = 'SECONDARY_VOCATIONAL',
}
registerEnumType(ExternalRosterKind, {
  name: 'ExternalRosterKind',
  valuesConfig: { GENERAL_HIGH_SCHOOL: { description: '普通高中学籍' }, SECONDARY_VOCATIONAL: { description: '中职学校学籍' } },
});

/** An uploaded external roster (普通高中 / 中职 学籍 export): only its ID numbers' keyed hashes are kept. */
@ObjectType({ description: 'An external roster uploaded by the province for the joint check (联合核查); it keeps no ID number, only keyed hashes' })
@Entity({ tableName: 'external_roster' })
export class ExternalRoster extends BaseEntity {
  @Field(() => ExternalRosterKind)
  @Enum({ items: () => ExternalRosterKind, type: 'string', length: 30 })
  kind!: ExternalRosterKind;

  @Field(() => String, { description: 'Where the list came from (e.g. 2025 年秋季普通高中学籍)' })
  @Property({ type: 'string', length: 200 })
  label!: string;

  @Field(() => CalendarDate)
  @Property({ type: 'date' })
  uploadedOn!: string;

  @Field(() => Int, { description: 'Distinct ID numbers on the list' })
  @Property({ type: 'integer' })
  entries!: number;
}

/** One ID number of an external roster, as its keyed hash. */
@Entity({ tableName: 'external_roster_entry' })
export class ExternalRosterEntry {
  @ManyToOne(() => ExternalRoster, { primary: true, deleteRule: 'cascade' })
  roster!: ExternalRoster;

  @PrimaryKey({ type: 'string', length: 64 })
  idHash!: string;

  [PrimaryKeyProp]?: ['roster', 'idHash'];
}
