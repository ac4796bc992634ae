import type { Client, TestApp } from './test-app.js';
import { createUser } from './users.js';

const clients = new WeakMap<TestApp, Map<string, Promise<Client>>>();

/** One client per role and place for a test app, so callers can group work by who does it. */
function cached(t: TestApp, key: string, make: () => Promise<Client>): Promise<Client> {
  let byKey = clients.get(t);
  if (!byKey) clients.set(t, (byKey = new Map()));
  let client = byKey.get(key);
  if (!client) byKey.set(key, (client = make()));
  return client;
}

export const provinceAdmin = (t: TestApp): Promise<Client> => cached(t, 'province', () => t.as(1));

/** A city bureau admin of the given city, created once per test app. */
export const cityAdmin = (t: TestApp, cityId: string): Promise<Client> =>
  cached(t, `city:${cityId}`, async () => t.as(await createUser(t, { username: `bureau.${cityId}`, role: 'CITY_ADMIN', cityId })));

/**
 * Who may take a plan line through a workflow step (R4, R6): the province submits for schools and
 * files; the issuing authority approves and returns (the city bureau, or the province for provincial schools).
 */
export async function authorityFor(t: TestApp, step: string, planId: string): Promise<Client> {
  if (step !== 'approvePlans' && step !== 'returnPlans') return provinceAdmin(t);
  const data = await t.ok<{ EnrollmentPlan: { issuerCode: string; school: { cityId: string } } | null }>(
    `query($id: ID!) { EnrollmentPlan(id: $id) { issuerCode school { cityId } } }`,
    { id: planId },
  );
  const plan = data.EnrollmentPlan;
  if (!plan || plan.issuerCode === '330000') return provinceAdmin(t);
  return cityAdmin(t, plan.school.cityId);
}
