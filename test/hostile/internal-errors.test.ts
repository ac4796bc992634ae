import { afterAll, afterEach, beforeAll, expect, test, vi } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { firstError, post, whileHealthy } from './support.js';

/**
 * An error nobody anticipated (here a real one: a table the server needs is gone) is logged once with
 * a request id; the client gets that id and nothing else: no SQL, no stack, no paths.
 */
let t: TestApp;
const logged: string[] = [];
beforeAll(async () => {
  t = await createTestApp();
  await t.orm.em.fork().getConnection().execute('drop table "incentive"');
});
afterAll(async () => t?.close());
afterEach(() => {
  vi.restoreAllMocks();
  logged.splice(0);
});

function captureLog(): void {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
}

test('a failing statement answers INTERNAL_SERVER_ERROR with a request id, logged once with the cause', async () => {
  captureLog();
  const result = await whileHealthy(t, () => post(t, { query: '{ allIncentives { id } }' }));
  const error = firstError(result.body);
  expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  const requestId = error.extensions.requestId as string;
  expect(error.message).toContain(requestId);
  expect(JSON.stringify(result.body)).not.toMatch(/no such table|select |\/work\/|\.ts:|\n\s+at /i);
  const lines = logged.filter((line) => line.includes(requestId));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/incentive/);
});

test('each request gets its own id, and other fields of the same answer still resolve', async () => {
  captureLog();
  const [a, b] = await Promise.all([
    post(t, { query: '{ allIncentives { id } }' }),
    post(t, { query: '{ allIncentives { id } allCities(perPage: 1) { code } }' }),
  ]);
  const [idA, idB] = [firstError(a.body).extensions.requestId, firstError(b.body).extensions.requestId];
  expect(idA).not.toBe(idB);
  expect(b.body.data).toBeNull();
  expect(logged.filter((line) => line.includes(idA) || line.includes(idB))).toHaveLength(2);
});
