import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { apiToken, gql, openBrowser, signIn } from './browser';
import { gridCell, openSheet, startGeneratedProvince } from './sheet-page';

/**
 * Reference names of a resource larger than one server page: a generated province of 11,000 plan lines
 * (the server's list page holds 10,000) with one intake per line, on a server of its own.
 */
const ADMIN = { username: 'admin', password: 'E2e-names-2024' };
const SIZE = { schools: 110, programsPerSchool: 20, intakesPerLine: 1 };
const SEASONS: Record<string, string> = { SPRING: '春季', AUTUMN: '秋季' };
const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let server: Awaited<ReturnType<typeof startGeneratedProvince>>;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;

beforeAll(async () => {
  server = await startGeneratedProvince('zj-e2e-names-', SIZE, ADMIN);
  browser = await openBrowser();
  page = browser.page;
  page.on('pageerror', (error) => console.error('[browser]', error.message));
}, 300000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

type Plan = { id: string; year: number; season: string; program: { school: { name: string }; major: { name: string } } };

describe('reference names', () => {
  test("name plan lines beyond the first server page of them, with no request after the names' one", async () => {
    const token = await apiToken(server.base, ADMIN.username, ADMIN.password);
    const { allEnrollmentPlans, _allEnrollmentPlansMeta } = await gql<{ allEnrollmentPlans: Plan[]; _allEnrollmentPlansMeta: { count: number } }>(
      server.base,
      '{ allEnrollmentPlans(sortField: "id", sortOrder: "DESC", perPage: 1) { id year season program { school { name } major { name } } } _allEnrollmentPlansMeta { count } }',
      {},
      token,
    );
    expect(_allEnrollmentPlansMeta.count).toBeGreaterThan(10000);
    const last = allEnrollmentPlans[0]!;
    await signIn(page, server.base, ADMIN.username, ADMIN.password);
    const requests: string[] = [];
    page.on('request', (request) => {
      const body = request.postDataJSON() as { operationName?: string } | null;
      if (body?.operationName) requests.push(body.operationName);
    });
    // the intakes of the plan line read last (the highest id): its name comes from the second page
    await openSheet(page, server.base, 'Intake', 'count', { planId: last.id });
    const name = await gridCell(page, 0, 'planId').textContent();
    expect(name).toMatch(new RegExp(`^${literally(`${last.program.school.name}·${last.program.major.name}·`)}.+·${last.year}${SEASONS[last.season]}$`));
    // the second page of plan lines came in the names' request, not in a request after it
    expect(requests).toContain('Lookups');
    expect(requests).not.toContain('MoreLookups');
  });
});
