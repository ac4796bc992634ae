import { createHmac } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { Actor } from '../../auth/actor.js';
import { User } from '../user/user.entity.js';
import { Role } from '../../auth/role.js';
import { AlertReceipt } from './alert-receipt.entity.js';
import { alertsFor } from './alerts.service.js';

/** Waits between the tries of one delivery; after the last, the alerts wait for the next round. */
export const RETRY_DELAYS_MS = [1000, 5000, 30000];
/** Rounds after which an alert that never got through is given up (kept unread in the app). */
export const MAX_ROUNDS = 5;
export const SIGNATURE_HEADER = 'x-alert-signature';

export interface Webhook {
  url: string;
  secret: string;
}

/** How the dispatcher reaches the outside; tests pass their own sleep so retries take no time. */
export interface Transport {
  fetch: typeof fetch;
  sleep(ms: number): Promise<void>;
}

export const realTransport: Transport = { fetch: (...args) => fetch(...args), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

/** `sha256=` and the hex HMAC-SHA256 of the exact body with the shared secret; the receiver recomputes it. */
export const signatureOf = (secret: string, body: string): string => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

async function post(webhook: Webhook, body: string, transport: Transport): Promise<boolean> {
  for (let attempt = 0; attempt <= RETRY_DELAYS_MS.length; attempt++) {
    if (attempt > 0) await transport.sleep(RETRY_DELAYS_MS[attempt - 1]!);
    try {
      const response = await transport.fetch(webhook.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signatureOf(webhook.secret, body) },
        body,
        signal: AbortSignal.timeout(10000),
      });
      if (response.ok) return true;
    } catch {
      // Unreachable or timed out: try again.
    }
  }
  return false;
}

const OFFICES = [Role.PROVINCE_ADMIN, Role.CITY_ADMIN, Role.SCHOOL_STAFF];

/**
 * One round of the outbound channel: for every active office user, the alerts not yet delivered go
 * in one signed POST; delivered ones are marked, failed ones counted and tried next round.
 */
export async function deliverAlerts(
  em: EntityManager,
  webhook: Webhook,
  today: string,
  reminderDays: readonly number[],
  transport: Transport,
): Promise<{ delivered: number; failed: number }> {
  let delivered = 0;
  let failed = 0;
  for (const user of await em.find(User, { active: true, role: { $in: OFFICES } }, { orderBy: { id: 'ASC' } })) {
    const actor: Actor = { userId: user.id, username: user.username, role: user.role, cityId: user.city?.id ?? null, schoolId: user.school?.id ?? null };
    const alerts = await alertsFor(em, actor, today, reminderDays);
    const receipts = new Map((await em.find(AlertReceipt, { user: user.id, alertKey: { $in: alerts.map((a) => a.key) } })).map((r) => [r.alertKey, r]));
    const pending = alerts.filter((a) => !receipts.get(a.key)?.deliveredAt && (receipts.get(a.key)?.attempts ?? 0) < MAX_ROUNDS);
    if (pending.length === 0) continue;
    const body = JSON.stringify({ user: user.username, role: user.role, sentOn: today, alerts: pending });
    const ok = await post(webhook, body, transport);
    for (const alert of pending) {
      const receipt = receipts.get(alert.key) ?? em.create(AlertReceipt, { user, alertKey: alert.key });
      if (ok) receipt.deliveredAt = new Date();
      else receipt.attempts += 1;
    }
    await em.flush();
    if (ok) delivered += pending.length;
    else failed += pending.length;
  }
  return { delivered, failed };
}
