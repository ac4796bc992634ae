import { expect } from 'vitest';
import type { Client, TestApp } from '../helpers/test-app.js';
import { createPlan, createProgram, createSchool } from '../helpers/fixtures.js';
import { authorityFor } from '../helpers/authorities.js';

export type Step = 'submitPlans' | 'approvePlans' | 'filePlans' | 'returnPlans';

/** Runs one workflow mutation as the authority for the step (R4); the raw response, so refusals can be asserted. */
export async function transition(t: TestApp, step: Step, ids: string[], reason?: string) {
  const withReason = step === 'returnPlans';
  const authority = await authorityFor(t, step, ids[0]!);
  return authority.gql<Record<string, Array<{ id: string; status: string }>>>(
    `mutation($ids: [ID!]!${withReason ? ', $reason: String!' : ''}) { ${step}(ids: $ids${withReason ? ', reason: $reason' : ''}) { id status } }`,
    withReason ? { ids, reason } : { ids },
  );
}

/** Takes lines through the real workflow up to `until`. */
export async function advance(t: TestApp, ids: string[], until: 'SUBMITTED' | 'APPROVED' | 'FILED'): Promise<void> {
  const steps: Step[] = ['submitPlans', 'approvePlans', 'filePlans'];
  const count = { SUBMITTED: 1, APPROVED: 2, FILED: 3 }[until];
  for (const step of steps.slice(0, count)) {
    // Lines of different issuing authorities (a city's, the province's) move in one call per authority.
    const byAuthority = new Map<Client, string[]>();
    for (const id of ids) {
      const authority = await authorityFor(t, step, id);
      byAuthority.set(authority, [...(byAuthority.get(authority) ?? []), id]);
    }
    for (const group of byAuthority.values()) {
      const result = await transition(t, step, group);
      expect(result.errors).toBeUndefined();
    }
  }
}

export async function planStatuses(t: TestApp, ids: string[]): Promise<Record<string, string>> {
  const data = await t.ok<{ allEnrollmentPlans: Array<{ id: string; status: string }> }>(
    `query($ids: [ID!]) { allEnrollmentPlans(filter: { ids: $ids }) { id status } }`,
    { ids },
  );
  return Object.fromEntries(data.allEnrollmentPlans.map((p) => [p.id, p.status]));
}

export async function planSeats(t: TestApp, id: string): Promise<number> {
  const data = await t.ok<{ EnrollmentPlan: { seats: number } }>(`query($id: ID!) { EnrollmentPlan(id: $id) { seats } }`, { id });
  return data.EnrollmentPlan.seats;
}

let serial = 0;

/** A school with one filed program and one plan line, taken through the workflow to `status`. */
export async function lineAt(
  t: TestApp,
  status: 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'FILED',
  options: { cityCode?: string; type?: string; provincial?: boolean; season?: string; year?: number; seats?: number; studyMode?: string } = {},
): Promise<{ schoolId: string; programId: string; planId: string }> {
  serial += 1;
  const schoolId = await createSchool(t, {
    name: `规则测试学校${serial}`,
    cityCode: options.cityCode ?? '330100',
    type: options.type,
    provincial: options.provincial,
  });
  const programId = await createProgram(t, { schoolId, majorCode: '0101', studyMode: options.studyMode });
  const planId = await createPlan(t, { programId, year: options.year ?? 2026, season: options.season, seats: options.seats ?? 10 });
  if (status !== 'DRAFT') await advance(t, [planId], status);
  return { schoolId, programId, planId };
}

/** Rows of a resource matching a filter, read back through the API. */
export async function count(t: TestApp, type: string, plural: string, filter: Record<string, unknown> = {}): Promise<number> {
  const data = await t.ok<Record<string, { count: number }>>(`query($filter: ${type}Filter) { _all${plural}Meta(filter: $filter) { count } }`, { filter });
  return data[`_all${plural}Meta`]!.count;
}
