import { Entity, Index, ManyToOne, Property, Unique, type Opt } from '@mikro-orm/core';
import { BaseEntity } from '../../common/base.entity.js';
import { User } from '../user/user.entity.js';

/** What one user has done with one alert: read it, and whether the outbound channel delivered it. */
@Entity({ tableName: 'alert_receipt' })
@Unique({ properties: ['user', 'alertKey'] })
export class AlertReceipt extends BaseEntity {
  @Index()
  @ManyToOne(() => User, { deleteRule: 'cascade' })
  user!: User;

  @Property({ type: 'string', length: 200 })
  alertKey!: string;

  @Property({ type: 'date', nullable: true })
  readOn: Opt<string> | null = null;

  @Property({ type: 'datetime', nullable: true })
  deliveredAt: Opt<Date> | null = null;

  /** Failed deliveries so far; the dispatcher stops after its retries. */
  @Property({ type: 'integer' })
  attempts: Opt<number> = 0;
}
