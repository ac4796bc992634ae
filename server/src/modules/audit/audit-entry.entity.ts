import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { JSONObjectResolver } from 'graphql-scalars';
import { BaseEntity } from '../../common/base.entity.js';

export enum AuditAction {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
}
registerEnumType(AuditAction, {
  name: 'AuditAction',
  valuesConfig: { CREATE: { description: '新增' }, UPDATE: { description: '修改' }, DELETE: { description: '删除' } },
});

/** One write, recorded in the same transaction: who, when, which row, each changed field before and after. */
@ObjectType({ description: '操作记录 (audit trail entry)' })
@Entity({ tableName: 'audit_entry' })
@Index({ properties: ['entityName', 'entityId'] })
export class AuditEntry extends BaseEntity {
  @Field(() => AuditAction)
  @Enum({ items: () => AuditAction, type: 'string', length: 10 })
  action!: AuditAction;

  @Field(() => String, { description: 'GraphQL type of the row, e.g. School' })
  @Property({ type: 'string', length: 50 })
  entityName!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  entityId!: number;

  @Field(() => Int, { nullable: true, description: 'The user who wrote; null for the system (seeding)' })
  @Property({ type: 'integer', nullable: true })
  actorId: number | null = null;

  @Field(() => String)
  @Property({ type: 'string', length: 50 })
  actorName!: string;

  @Field(() => Int, { nullable: true, description: 'City the row belongs to, for city bureaus reading their history' })
  @Index()
  @Property({ type: 'integer', nullable: true })
  cityId: number | null = null;

  @Field(() => JSONObjectResolver, { description: '{ field: [before, after] }' })
  @Property({ type: 'json' })
  changes!: Record<string, [unknown, unknown]>;
}
