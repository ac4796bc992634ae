import http from 'node:http';
import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../helpers/test-app.js';
import { cityId, createSchool, firstError } from '../helpers/fixtures.js';
import { cityAdmin, provinceAdmin } from '../helpers/authorities.js';
import { createUser } from '../helpers/users.js';
import { FixedClock } from '../../server/src/common/clock.js';
import { Role } from '../../server/src/auth/role.js';
import type { Actor } from '../../server/src/auth/actor.js';
import { remindersFor } from '../../server/src/modules/alerts/reminders.js';
import { deliverAlerts, MAX_ROUNDS, RETRY_DELAYS_MS, SIGNATURE_HEADER } from '../../server/src/modules/alerts/alert-webhook.js';

describe('deadline reminders at the configured offsets, on an injected day', () => {
  const bureau: Actor = { userId: 1, username: 'b', role: Role.CITY_ADMIN, cityId: 1, schoolId: null };
  const staff: Actor = { ...bureau, role: Role.SCHOOL_STAFF, schoolId: 1 };
  const keys = (actor: Actor, today: string, offsets = [14, 7, 1]) => remindersFor(actor, today, offsets).map((r) => `${r.key}@${r.raisedOn}`);

  test('each deadline reminds at 14, 7 and 1 days, and stops once it has passed', () => {
    expect(keys(bureau, '2026-10-16')).toEqual([]);
    expect(keys(bureau, '2026-10-17')).toEqual(['REMINDER:REGISTRATION:2026:AUTUMN:14@2026-10-17']);
    expect(keys(bureau, '2026-10-25')).toEqual(['REMINDER:REGISTRATION:2026:AUTUMN:7@2026-10-24']);
    expect(keys(bureau, '2026-10-30')).toEqual(['REMINDER:REGISTRATION:2026:AUTUMN:1@2026-10-30']);
    expect(keys(bureau, '2026-10-31')).toEqual(['REMINDER:REGISTRATION:2026:AUTUMN:1@2026-10-30']);
    expect(keys(bureau, '2026-11-01')).toEqual([]);
    expect(keys(bureau, '2026-11-16')).toEqual(['REMINDER:SUMMARY:2026:14@2026-11-16']);
    expect(keys(bureau, '2026-03-24')).toEqual(['REMINDER:REGISTRATION:2026:SPRING:7@2026-03-24']);
  });

  test('schools are not reminded of the cities’ summaries; other offsets are honoured', () => {
    expect(keys(staff, '2026-11-16')).toEqual([]);
    expect(keys(bureau, '2026-10-17', [3])).toEqual([]);
    expect(keys(bureau, '2026-10-28', [3])).toEqual(['REMINDER:REGISTRATION:2026:AUTUMN:3@2026-10-28']);
  });
});

describe('alerts of a user', () => {
  const clock = new FixedClock('2026-10-25T04:00:00Z');
  let t: TestApp;
  let bureau: Client;
  let province: Client;
  let schoolStaffId: number;
  let receiver: http.Server;
  let url: string;
  const received: Array<{ body: string; signature: string | undefined }> = [];
  let failuresLeft = 0;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    const quzhou = await cityId(t, '330800');
    bureau = await cityAdmin(t, quzhou);
    province = await provinceAdmin(t);
    const school = await createSchool(t, { name: '衢州提醒技工学校', cityCode: '330800' });
    schoolStaffId = await createUser(t, { username: 'alerts.staff', role: 'SCHOOL_STAFF', cityId: quzhou, schoolId: school });
    receiver = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        received.push({ body, signature: request.headers[SIGNATURE_HEADER] as string | undefined });
        response.statusCode = failuresLeft-- > 0 ? 503 : 204;
        response.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  }, 120000);
  afterAll(async () => {
    receiver?.close();
    await t?.close();
  });

  const ALERTS = '{ myAlerts { key kind read raisedOn dueOn titleZh } }';
  type AlertRow = { key: string; kind: string; read: boolean; raisedOn: string | null; dueOn: string | null };
  const alertsOf = async (client: Client) => (await client.ok<{ myAlerts: AlertRow[] }>(ALERTS)).myAlerts;
  const REMINDER = 'REMINDER:REGISTRATION:2026:AUTUMN:7';

  test('carry their dates and are read or unread per user', async () => {
    expect((await alertsOf(bureau)).find((a) => a.key === REMINDER)).toMatchObject({
      kind: 'REMINDER',
      read: false,
      raisedOn: '2026-10-24',
      dueOn: '2026-10-31',
    });
    expect(await bureau.ok(`mutation($keys: [String!]!) { markAlertsRead(keys: $keys) }`, { keys: [REMINDER, REMINDER] })).toEqual({ markAlertsRead: 1 });
    expect((await alertsOf(bureau)).find((a) => a.key === REMINDER)!.read).toBe(true);
    expect((await alertsOf(province)).find((a) => a.key === REMINDER)!.read).toBe(false);
    // The next offset is a new reminder, unread again.
    clock.set('2026-10-30T04:00:00Z');
    expect((await alertsOf(bureau)).find((a) => a.key.startsWith('REMINDER:REGISTRATION'))).toMatchObject({
      key: 'REMINDER:REGISTRATION:2026:AUTUMN:1',
      read: false,
    });
    clock.set('2026-10-25T04:00:00Z');
  });

  test('marking is bounded and only ever touches the caller’s own receipts', async () => {
    const mark = (keys: string[]) => bureau.gql(`mutation($keys: [String!]!) { markAlertsRead(keys: $keys) }`, { keys });
    expect(firstError(await mark(Array.from({ length: 201 }, (_, i) => `k${i}`))).extensions.field).toBe('keys');
    expect(firstError(await mark(['x'.repeat(201)])).extensions.field).toBe('keys');
    expect(firstError(await mark([''])).extensions.field).toBe('keys');
    expect(firstError(await (await t.as(null)).gql('{ myAlerts { key } }')).extensions.code).toBe('UNAUTHENTICATED');
    const staff = await t.as(schoolStaffId);
    await staff.ok(`mutation($keys: [String!]!) { markAlertsRead(keys: $keys) }`, { keys: ['REMINDER:REGISTRATION:2026:AUTUMN:7'] });
    expect((await alertsOf(province)).find((a) => a.key === REMINDER)!.read).toBe(false);
  });

  test('go out through the webhook, signed, retried on failure, each once', async () => {
    const webhook = { url, secret: 'a-shared-secret-of-the-bureau' };
    const waits: number[] = [];
    const transport = {
      fetch: (...args: Parameters<typeof fetch>) => fetch(...args),
      sleep: async (ms: number) => {
        waits.push(ms);
      },
    };
    failuresLeft = 2;
    const first = await deliverAlerts(t.orm.em.fork(), webhook, '2026-10-25', [14, 7, 1], transport);
    expect(first.failed).toBe(0);
    expect(first.delivered).toBeGreaterThanOrEqual(3);
    expect(waits).toEqual(RETRY_DELAYS_MS.slice(0, 2));
    for (const { body, signature } of received) expect(signature).toBe(`sha256=${createHmac('sha256', webhook.secret).update(body).digest('hex')}`);
    const users = received.slice(2).map((r) => JSON.parse(r.body).user as string);
    expect(users).toContain('alerts.staff');
    const bureauPost = received
      .slice(2)
      .map((r) => JSON.parse(r.body))
      .find((b) => b.role === 'CITY_ADMIN');
    expect(bureauPost.alerts.map((a: { key: string }) => a.key)).toContain(REMINDER);

    const count = received.length;
    expect(await deliverAlerts(t.orm.em.fork(), webhook, '2026-10-25', [14, 7, 1], transport)).toEqual({ delivered: 0, failed: 0 });
    expect(received.length).toBe(count);
    // A new reminder the next week is delivered on its own.
    const later = await deliverAlerts(t.orm.em.fork(), webhook, '2026-10-30', [14, 7, 1], transport);
    expect(later.delivered).toBeGreaterThan(0);
    expect(received.slice(count).every((r) => JSON.parse(r.body).alerts.every((a: { key: string }) => !a.key.endsWith(':7')))).toBe(true);
  });

  test('a receiver that never answers is given up after a bounded number of rounds', async () => {
    const webhook = { url: 'http://127.0.0.1:9/unreachable', secret: 'a-shared-secret-of-the-bureau' };
    const transport = { fetch: (...args: Parameters<typeof fetch>) => fetch(...args), sleep: async () => {} };
    const rounds = [];
    for (let i = 0; i <= MAX_ROUNDS; i++) rounds.push(await deliverAlerts(t.orm.em.fork(), webhook, '2026-10-31', [0], transport));
    expect(rounds[0]!.failed).toBeGreaterThan(0);
    expect(rounds[MAX_ROUNDS]).toEqual({ delivered: 0, failed: 0 });
  });
});
