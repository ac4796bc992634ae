import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

test('two simultaneous edits of one row from the same version: one wins, the other gets CONFLICT', async () => {
  const edit = (seats: number) => t.gql(`mutation($seats: Int!) { updateCampaignTarget(id: "1", version: 1, seats: $seats) { seats version } }`, { seats });
  const results = await Promise.all([edit(18700), edit(18800)]);
  const won = results.filter((r) => !r.errors);
  const lost = results.filter((r) => r.errors);
  expect(won).toHaveLength(1);
  expect(lost).toHaveLength(1);
  expect(lost[0]!.errors![0]!.extensions.code).toBe('CONFLICT');
  const { CampaignTarget } = await t.ok(`{ CampaignTarget(id: "1") { seats version } }`);
  expect(CampaignTarget).toEqual(won[0]!.data!.updateCampaignTarget);
  expect(CampaignTarget.version).toBe(2);
});
