import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context.js';
import { requestActor } from '../../auth/scope.js';
import { todayIn } from '../../common/clock.js';
import { Alert } from './alert.types.js';
import { alertsFor, markAlertsRead } from './alerts.service.js';
import { reminderDays } from './reminder-days.js';
import { defineQueries } from '../../common/query-reach.js';
import { inTransaction } from '../../common/transaction.js';

/** The signed-in user's own alerts (common/query-reach.ts). */
export const alertQueries = defineQueries({ myAlerts: 'self' });

@Resolver(() => Alert)
export class AlertsResolver {
  @Query(() => [Alert], {
    description: '提醒: the signed-in user’s to-do items and deadline reminders (ALERT_REMINDER_DAYS before each deadline), read or unread',
  })
  async myAlerts(@Ctx() ctx: Context): Promise<Alert[]> {
    const actor = requestActor(ctx.actor);
    if (!actor) return [];
    return alertsFor(ctx.em, actor, todayIn(ctx.clock), reminderDays());
  }

  @Mutation(() => Int, { description: 'Marks the signed-in user’s alerts read, by key; returns how many keys were marked' })
  async markAlertsRead(@Arg('keys', () => [String]) keys: string[], @Ctx() ctx: Context): Promise<number> {
    const actor = requestActor(ctx.actor);
    if (!actor) return 0;
    return inTransaction(ctx.em, (em) => markAlertsRead(em, actor.userId, keys, todayIn(ctx.clock)));
  }
}
