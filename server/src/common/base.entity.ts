import { PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';

/** Columns every record has: id, optimistic-concurrency version and timestamps. */
@ObjectType()
export abstract class BaseEntity {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => Int, { description: 'Optimistic-concurrency version; send it back with an update.' })
  @Property({ type: 'integer', version: true })
  version: Opt<number> = 1;

  @Field(() => Date)
  @Property({ type: Date, onCreate: () => new Date() })
  createdAt: Opt<Date> = new Date();

  @Field(() => Date)
  @Property({ type: Date, onCreate: () => new Date(), onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}
