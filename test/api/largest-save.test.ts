import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { cityId } from '../helpers/fixtures.js';
import { MAX_SAVE_ROWS } from '../../server/src/common/resource.js';

/** The largest save there is, MAX_SAVE_ROWS rows, creates, updates and deletes in one request each. */

let t: TestApp;
let city: string;
beforeAll(async () => {
  t = await createTestApp();
  city = await cityId(t, '330100');
});
afterAll(async () => t?.close());

const SAVE = 'mutation($rows: [OutreachVisitSaveRow!]!) { saveOutreachVisits(rows: $rows) { id version agreementsSigned } }';
const count = async () => (await t.ok('{ _allOutreachVisitsMeta { count } }'))._allOutreachVisitsMeta.count as number;

test(`${MAX_SAVE_ROWS} rows are created, updated and deleted in one save each`, async () => {
  const before = await count();
  const rows = Array.from({ length: MAX_SAVE_ROWS }, (_, i) => ({ cityId: city, visitedOn: '2026-05-01', provinceCode: '510000', delegationLead: `带队${i}` }));
  const created = (await t.ok(SAVE, { rows })).saveOutreachVisits as Array<{ id: string; version: number }>;
  expect(created).toHaveLength(MAX_SAVE_ROWS);
  const updated = (await t.ok(SAVE, { rows: created.map((r, i) => ({ id: r.id, version: r.version, agreementsSigned: (i % 7) + 1 })) })).saveOutreachVisits;
  expect(updated.map((r: { version: number; agreementsSigned: number }) => [r.version, r.agreementsSigned])).toEqual(
    created.map((r, i) => [r.version + 1, (i % 7) + 1]),
  );
  // one row read at its old version: the whole save is refused, nothing deleted
  const stale = updated.map((r: { id: string; version: number }, i: number) => ({ id: r.id, version: i === 500 ? r.version - 1 : r.version, delete: true }));
  const refused = await t.gql(SAVE, { rows: stale });
  expect(refused.errors?.[0]?.extensions.rows).toEqual([expect.objectContaining({ index: 500, code: 'CONFLICT' })]);
  expect(await count()).toBe(before + MAX_SAVE_ROWS);
  await t.ok(SAVE, { rows: updated.map((r: { id: string; version: number }) => ({ id: r.id, version: r.version, delete: true })) });
  expect(await count()).toBe(before);
}, 120000);
