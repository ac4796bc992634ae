import type { EntityManager } from '@mikro-orm/core';
import type { Actor } from '../../auth/actor.js';
import { badInput } from '../../common/errors.js';
import { tasksFor } from '../tasks/tasks.service.js';
import { User } from '../user/user.entity.js';
import { AlertReceipt } from './alert-receipt.entity.js';
import type { Alert } from './alert.types.js';
import { remindersFor } from './reminders.js';

/** Keys one markAlertsRead call may take, and the longest key. */
export const MAX_KEYS_PER_CALL = 200;
export const MAX_KEY_LENGTH = 200;

/** Everything standing for a user on a day: their to-do items and the deadline reminders of their role, each read or not. */
export async function alertsFor(em: EntityManager, actor: Actor, today: string, reminderDays: readonly number[]): Promise<Alert[]> {
  const tasks = (await tasksFor(em, actor, today)).map((task): Alert => ({
    key: task.key,
    kind: task.kind,
    titleZh: task.titleZh,
    titleEn: task.titleEn,
    raisedOn: null,
    dueOn: task.dueOn,
    resource: task.resource,
    filter: task.filter,
    read: false,
  }));
  const alerts = [...remindersFor(actor, today, reminderDays), ...tasks];
  const read = new Set(
    (await em.find(AlertReceipt, { user: actor.userId, alertKey: { $in: alerts.map((a) => a.key) }, readOn: { $ne: null } })).map((r) => r.alertKey),
  );
  return alerts.map((alert) => ({ ...alert, read: read.has(alert.key) }));
}

/** Marks alerts read for the user (keys it has no alert under are kept too: harmless, and only its own). */
export async function markAlertsRead(em: EntityManager, userId: number, keys: readonly string[], today: string): Promise<number> {
  if (keys.length > MAX_KEYS_PER_CALL) throw badInput('keys', `一次最多标记 ${MAX_KEYS_PER_CALL} 条提醒`, `at most ${MAX_KEYS_PER_CALL} keys per call`);
  if (keys.some((key) => key.length === 0 || key.length > MAX_KEY_LENGTH))
    throw badInput('keys', `提醒标识须为 1 至 ${MAX_KEY_LENGTH} 个字符`, `keys are 1 to ${MAX_KEY_LENGTH} characters`);
  const unique = [...new Set(keys)];
  const existing = new Map((await em.find(AlertReceipt, { user: userId, alertKey: { $in: unique } })).map((r) => [r.alertKey, r]));
  const user = em.getReference(User, userId);
  for (const key of unique) {
    const receipt = existing.get(key) ?? em.create(AlertReceipt, { user, alertKey: key });
    receipt.readOn ??= today;
  }
  await em.flush();
  return unique.length;
}
