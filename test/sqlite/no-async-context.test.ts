import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { AsyncLocalStorage } from 'node:async_hooks';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { cityId, createSchool } from '../helpers/fixtures.js';
import { migrate } from '../../server/src/orm.js';
import { ensureFirstAdmin } from '../../server/src/modules/user/first-admin.js';

/**
 * On Node 20 an AsyncLocalStorage, once entered (`run`, `enterWith`), keeps promise hooks on for every
 * promise of the process until every such storage is disabled: a cost each request pays (ADR 0011).
 * The server enters none, nor does MikroORM for it (transactions go through common/transaction.ts, the
 * actor through the EntityManager, flushes through the patched unit of work).
 */

// Every entry into any storage, from here on: storages are instances, their methods the prototype's.
const entered: string[] = [];
for (const method of ['run', 'enterWith'] as const) {
  const original = AsyncLocalStorage.prototype[method] as (...args: unknown[]) => unknown;
  vi.spyOn(AsyncLocalStorage.prototype, method).mockImplementation(function (this: AsyncLocalStorage<unknown>, ...args: unknown[]) {
    entered.push(`${method}\n${new Error().stack?.split('\n').slice(2, 8).join('\n')}`);
    return original.apply(this, args);
  } as never);
}

/**
 * Whether async hooks track promises in this process: with any of them on (an entered storage's among
 * them), Node stamps each new promise with its async ids (symbol-keyed own properties).
 */
const promisesTracked = (): boolean => Object.getOwnPropertySymbols(Promise.resolve()).length > 0;

describe('the server and AsyncLocalStorage', () => {
  let t: TestApp;
  const trackedAtStart = promisesTracked();

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  test('startup, a signed-in query, an anonymous one and mutations enter no storage and leave promises untracked', async () => {
    expect(trackedAtStart).toBe(false);
    // what main.ts does before serving (nothing to migrate, the admin exists: both still open a transaction)
    await migrate(t.orm);
    expect(await ensureFirstAdmin(t.orm, 'admin-again', undefined)).toBeNull();

    const read = await t.ok<{ allCities: Array<{ id: string }> }>('{ allCities(perPage: 2) { id code schools { id name } } }');
    expect(read.allCities).toHaveLength(2);
    expect((await (await t.as(null)).gql('{ allCities { id } }')).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');

    // a CRUD write (set-based, in a transaction that flushes on commit), then the record by id
    const schoolId = await createSchool(t, { name: '无上下文技师学院', cityCode: '330100' });
    const { School } = await t.ok<{ School: { id: string; city: { id: string } } }>(`{ School(id: "${schoolId}") { id city { id } } }`);
    expect(School.city.id).toBe(await cityId(t, '330100'));
    // a write through a flush
    expect(await t.ok('mutation { markAlertsRead(keys: ["NO-SUCH-ALERT"]) }')).toEqual({ markAlertsRead: 1 });

    expect(entered).toEqual([]);
    expect(promisesTracked()).toBe(false);
  });

  test('the checks see a storage once one is entered', () => {
    const before = entered.length;
    new AsyncLocalStorage<number>().run(1, () => undefined);
    expect(entered).toHaveLength(before + 1);
    expect(promisesTracked()).toBe(true);
  });
});
