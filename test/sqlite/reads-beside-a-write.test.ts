import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const COUNT = '{ _allOutreachVisitsMeta { count } }';

/**
 * On a SQLite file, reads outside a transaction go through a connection of their own (orm.ts,
 * ADR 0004 addendum): a long write transaction — an import's — must not hold other users' requests.
 */
describe('reads while another request’s write transaction is open', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  test('a signed-in request counts rows while the write is open, without its uncommitted row, and with it after the commit', async () => {
    const em = app.orm.em.fork();
    const [city] = await em.getConnection().execute<Array<{ id: number }>>(`select id from city where code = '330100'`);
    const [{ count: before }] = await em.getConnection().execute<Array<{ count: number }>>('select count(*) as count from outreach_visit');

    let opened!: () => void;
    let release!: () => void;
    const open = new Promise<void>((resolve) => (opened = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const write = em.transactional(async (tx) => {
      const now = Date.now();
      await tx
        .getConnection()
        .execute(
          `insert into outreach_visit (version, created_at, updated_at, city_id, visited_on, province_code, delegation_lead) values (1, ?, ?, ?, '2026-05-01', '510000', '读写并行')`,
          [now, now, city!.id],
          'run',
          tx.getTransactionContext(),
        );
      opened();
      await released;
    });
    await open;
    const heldFor = new Promise<'held'>((resolve) => setTimeout(() => resolve('held'), 10_000));
    // the server's first request: its user's account is read by key, then the rows are counted
    const during = await Promise.race([app.ok(COUNT), heldFor]);
    release();
    await write;

    expect(during).toEqual({ _allOutreachVisitsMeta: { count: before } });
    expect(await app.ok(COUNT)).toEqual({ _allOutreachVisitsMeta: { count: before + 1 } });
  });
});
