import { Entity, Enum, ManyToOne, Property, type Opt } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';
import { City } from '../city/city.entity.js';
import { School } from '../school/school.entity.js';
import { Role } from '../../auth/role.js';

/** A person or system that signs in; a city admin is bound to a city, school staff to a school. */
@ObjectType({ description: '用户 (user account)' })
@Entity({ tableName: 'app_user' })
export class User extends BaseEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 50, unique: true })
  username!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  displayName: Opt<string> | null = null;

  @Field(() => Role)
  @Enum({ items: () => Role, type: 'string', length: 20 })
  role!: Role;

  @ManyToOne(() => City, { nullable: true })
  city: City | null = null;

  @ManyToOne(() => School, { nullable: true })
  school: School | null = null;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  active: Opt<boolean> = true;

  @Property({ type: 'string', length: 100, hidden: true })
  passwordHash!: string;

  /** Raised on logout or password change: tokens carrying an older value stop working. */
  @Property({ type: 'integer' })
  tokenVersion: Opt<number> = 1;

  /** Set through the API only; hashed into passwordHash before the row is written. */
  @Property({ type: 'string', persist: false, nullable: true })
  password?: string | null;
}
