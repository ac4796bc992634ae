import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createPlan, createProgram, createSchool } from '../helpers/fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

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

test('saving a row leaves the rows it merely read untouched (no false conflicts for other editors)', async () => {
  const school = await createSchool(t, { name: '只读技师学院', cityCode: '330100' });
  const program = await createProgram(t, { schoolId: school, majorCode: '0102' });
  const plan = await createPlan(t, { programId: program, year: 2026, seats: 30 });
  await t.ok(`mutation($id: ID!) { updateEnrollmentPlan(id: $id, version: 1, seats: 31) { version } }`, { id: plan });
  const data = await t.ok(
    `query($s: ID!, $p: ID!, $l: ID!) { School(id: $s) { version } Program(id: $p) { version } EnrollmentPlan(id: $l) { version seats } }`,
    { s: school, p: program, l: plan },
  );
  expect(data).toEqual({ School: { version: 1 }, Program: { version: 1 }, EnrollmentPlan: { version: 2, seats: 31 } });
});
