import { Field, ID, ObjectType } from 'type-graphql';
import { CalendarDate } from '../../common/scalars.js';

@ObjectType({ description: '提醒 (an alert: a to-do item or a deadline reminder) with its dates and whether the user has read it' })
export class Alert {
  @Field(() => ID, { description: 'Stable key; markAlertsRead takes it' }) key!: string;
  @Field(() => String, { description: 'A TaskKind, or REMINDER for a deadline reminder' }) kind!: string;
  @Field(() => String) titleZh!: string;
  @Field(() => String) titleEn!: string;
  @Field(() => CalendarDate, {
    nullable: true,
    description: 'The day a reminder went out (its deadline less its offset); null for a to-do item, which stands while it waits',
  })
  raisedOn!: string | null;
  @Field(() => CalendarDate, { nullable: true }) dueOn!: string | null;
  @Field(() => String, { nullable: true, description: 'The sheet that handles it' }) resource!: string | null;
  @Field(() => String, { nullable: true, description: 'The sheet’s filter, as JSON' }) filter!: string | null;
  @Field(() => Boolean) read!: boolean;
}
