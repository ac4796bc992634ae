import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { apiToken, gql, openBrowser, signIn } from './browser';
import { gridCell, openSheet, startGeneratedProvince } from './sheet-page';

/**
 * Reference names of a resource larger than the server pages the names' request asks: a generated
 * province of 21,000 plan lines (the server's list page holds 10,000, the names' request asks two pages of
 * plan lines) with one intake per line, on a server of its own.
 */
const ADMIN = { username: 'admin', password: 'E2e-names-2024' };
const SIZE = { schools: 210, programsPerSchool: 20, intakesPerLine: 1 };
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

/** The plan line at a position of the id order, and how many there are. */
async function planAt(token: string, index: number) {
  const { allEnrollmentPlans, _allEnrollmentPlansMeta } = await gql<{ allEnrollmentPlans: Plan[]; _allEnrollmentPlansMeta: { count: number } }>(
    server.base,
    'query($p: Int) { allEnrollmentPlans(sortField: "id", sortOrder: "ASC", page: $p, perPage: 1) { id year season program { school { name } major { name } } } _allEnrollmentPlansMeta { count } }',
    { p: index },
    token,
  );
  return { plan: allEnrollmentPlans[0]!, count: _allEnrollmentPlansMeta.count };
}

/** A plan line's name as the sheet shows it: school·major·level·entry·year season. */
const planName = (plan: Plan) => new RegExp(`^${literally(`${plan.program.school.name}·${plan.program.major.name}·`)}.+·${plan.year}${SEASONS[plan.season]}$`);

describe('reference names', () => {
  test("name plan lines of the first two server pages from the names' request, and the rest from one more request", async () => {
    const token = await apiToken(server.base, ADMIN.username, ADMIN.password);
    const { count } = await planAt(token, 0);
    expect(count).toBeGreaterThan(20000);
    // one on the second server page of plan lines, the one read last (the highest id) on the third
    const second = (await planAt(token, 15000)).plan;
    const last = (await planAt(token, count - 1)).plan;
    await signIn(page, server.base, ADMIN.username, ADMIN.password);
    // the intakes of the plan line read last; the requests of the page loaded afresh
    await openSheet(page, server.base, 'Intake', 'count', { planId: last.id });
    const requests: { operationName: string; query: string }[] = [];
    page.on('request', (request) => {
      const body = request.postDataJSON() as { operationName?: string; query: string } | null;
      if (body?.operationName) requests.push({ operationName: body.operationName, query: body.query });
    });
    await page.reload();
    await expect.poll(() => gridCell(page, 0, 'planId').textContent(), { timeout: 60000 }).toMatch(planName(last));
    // plan lines are asked in one names' request (the first two pages) and the rest in one more request
    const pagesOfPlans = (query: string) => [...query.matchAll(/allEnrollmentPlans\(\s*page:\s*(\d+)/g)].map((m) => Number(m[1]));
    const names = requests.filter((r) => r.operationName === 'Lookups' && pagesOfPlans(r.query).length > 0);
    const more = requests.filter((r) => r.operationName === 'MoreLookups');
    expect(names.map((r) => pagesOfPlans(r.query))).toEqual([[0, 1]]);
    expect(more.map((r) => pagesOfPlans(r.query))).toEqual([[2]]);

    // a line of the second page is named as well
    await openSheet(page, server.base, 'Intake', 'count', { planId: second.id });
    expect(await gridCell(page, 0, 'planId').textContent()).toMatch(planName(second));
  });
});
