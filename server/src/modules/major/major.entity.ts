import { Entity, Enum, Property, type Opt } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';
import { Level } from './level.js';

/** 专业目录: a catalogue entry and the levels it may be taught at. */
@ObjectType({ description: '专业目录 (major catalogue entry)' })
@Entity({ tableName: 'major' })
export class Major extends BaseEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 10, unique: true })
  code!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Field(() => String, { description: '专业类别, e.g. 机械类' })
  @Property({ type: 'string', length: 50 })
  category!: string;

  @Field(() => [Level], { description: 'Levels this major may be taught at (R5)' })
  @Enum({ items: () => Level, array: true })
  levels: Opt<Level[]> = [Level.INTERMEDIATE];
}
