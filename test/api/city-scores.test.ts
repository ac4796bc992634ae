import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../helpers/test-app.js';
import { cityId, createIntake, createPlan, createProgram, createSchool, firstError } from '../helpers/fixtures.js';
import { cityAdmin } from '../helpers/authorities.js';
import { FixedClock } from '../../server/src/common/clock.js';
import { advance } from '../rules/rule-fixtures.js';

/** 10 December 2026: the 2026 summaries were due on 30 November. */
const clock = new FixedClock('2026-12-10T04:00:00Z');
let t: TestApp;
let bureau: Client;
const ids: Record<string, string> = {};

/**
 * 衢州 (target 6,370): 3,000 intermediate + 1,000 advanced students in 2026, after 1,000 + 100 in 2025;
 * its summary submitted late, one outreach visit, two cases still open.
 * 丽水 (target 8,840): 800 advanced students only, no summary, three visits, no open case.
 */
beforeAll(async () => {
  t = await createTestApp({ clock });
  ids.quzhou = await cityId(t, '330800');
  ids.lishui = await cityId(t, '331100');
  const quzhouSchool = await createSchool(t, { name: '衢州考核技师学院', cityCode: '330800', type: 'TECHNICIAN_COLLEGE' });
  const lishuiSchool = await createSchool(t, { name: '丽水考核技师学院', cityCode: '331100', type: 'TECHNICIAN_COLLEGE' });
  const intermediate = await createProgram(t, { schoolId: quzhouSchool, majorCode: '0101' });
  const advanced = await createProgram(t, { schoolId: quzhouSchool, majorCode: '0102', level: 'ADVANCED', entryBasis: 'SENIOR_HIGH' });
  const lishuiAdvanced = await createProgram(t, { schoolId: lishuiSchool, majorCode: '0102', level: 'ADVANCED', entryBasis: 'SENIOR_HIGH' });
  const lines: Array<[string, number, number, number]> = [
    [intermediate, 2026, 4000, 3000],
    [advanced, 2026, 2000, 1000],
    [intermediate, 2025, 1200, 1000],
    [advanced, 2025, 200, 100],
    [lishuiAdvanced, 2026, 1000, 800],
  ];
  const planIds = await Promise.all(lines.map(([programId, year, seats]) => createPlan(t, { programId, year, seats })));
  // R9: the lines were filed before their students registered
  clock.set('2025-03-01T04:00:00Z');
  await advance(t, planIds, 'FILED');
  clock.set('2026-12-10T04:00:00Z');
  for (const [i, [programId, year, , students]] of lines.entries()) {
    const originCode = programId === lishuiAdvanced ? '331100' : '330800';
    await createIntake(t, { planId: planIds[i]!, count: students, originCode, registeredOn: `${year}-10-10` });
  }
  bureau = await cityAdmin(t, ids.quzhou);
  const summary = await bureau.ok(
    `mutation($cityId: ID!) { createAnnualSummary(cityId: $cityId, year: 2026, problems: "报名偏少", nextYearMeasures: "加强宣传") { id } }`,
    { cityId: ids.quzhou },
  );
  await bureau.ok(`mutation($id: ID!) { submitAnnualSummary(id: $id) { id } }`, { id: summary.createAnnualSummary.id });
  const visit = (cityId: string, visitedOn: string) =>
    t.ok(
      `mutation($cityId: ID!, $visitedOn: LocalDate!) { createOutreachVisit(cityId: $cityId, visitedOn: $visitedOn, provinceCode: "520000", delegationLead: "副局长") { id } }`,
      { cityId, visitedOn },
    );
  await visit(ids.quzhou, '2026-04-02');
  await visit(ids.quzhou, '2025-04-02');
  for (const day of ['03-01', '05-01', '09-01']) await visit(ids.lishui, `2026-${day}`);
  for (const reportedOn of ['2026-05-01', '2026-11-01']) {
    await t.ok(
      `mutation($cityId: ID!, $reportedOn: LocalDate!) { createDisciplineCase(cityId: $cityId, kind: ILLEGAL_RECRUITMENT, source: COMPLAINT, reportedOn: $reportedOn, summary: "跨市招生") { id } }`,
      { cityId: ids.quzhou, reportedOn },
    );
  }
}, 180000);
afterAll(async () => {
  await t?.close();
});

const SCORES = '{ cityScores(year: 2026) { rank cityCode score breakdown { criterion weight attainment points } } }';
type Score = { rank: number; cityCode: string; score: number; breakdown: Array<{ criterion: string; weight: number; attainment: number; points: number }> };
const scores = async () => (await t.ok<{ cityScores: Score[] }>(SCORES)).cityScores;
const pointsOf = (score: Score) => Object.fromEntries(score.breakdown.map((p) => [p.criterion, p.points]));

test('the scores under the published weights match a table worked out by hand', async () => {
  const all = await scores();
  expect(all).toHaveLength(11);
  const [first, second, third] = all;
  // 衢州: 40 × 4000/6370, 15 × 0.25/1.00, 10 × rising share, 10 × late summary ½, 10 × one visit of two, 15 × (1 − 2 × ¼).
  expect(first).toMatchObject({ rank: 1, cityCode: '330800', score: 56.37 });
  expect(pointsOf(first!)).toEqual({ COMPLETION: 25.12, ADVANCED_SHARE: 3.75, ADVANCED_TREND: 10, SUMMARY_ON_TIME: 5, OUTREACH_VISITS: 5, OPEN_CASES: 7.5 });
  // 丽水: 40 × 800/8840, the best share, no previous year, no summary after the deadline, three visits, no open case.
  expect(second).toMatchObject({ rank: 2, cityCode: '331100', score: 53.62 });
  expect(pointsOf(second!)).toEqual({ COMPLETION: 3.62, ADVANCED_SHARE: 15, ADVANCED_TREND: 10, SUMMARY_ON_TIME: 0, OUTREACH_VISITS: 10, OPEN_CASES: 15 });
  // A city with nothing: only the trend (no previous year) and no open cases count; ties keep the notice's order.
  expect(third).toMatchObject({ rank: 3, cityCode: '330100', score: 25 });
  expect(all.slice(2).every((s) => s.score === 25)).toBe(true);
});

test('the ranking shows the same breakdown beside each city', async () => {
  const { cityRanking } = await t.ok<{ cityRanking: Array<{ cityCode: string; score: { score: number } | null }> }>(
    '{ cityRanking(year: 2026) { cityCode score { score } } }',
  );
  expect(cityRanking.find((r) => r.cityCode === '330800')!.score).toEqual({ score: 56.37 });
  const { cityRanking: campaign } = await t.ok<{ cityRanking: Array<{ score: unknown }> }>('{ cityRanking { score { score } } }');
  expect(campaign.every((r) => r.score === null)).toBe(true);
});

test('the province edits a weight and every score follows; nobody else may', async () => {
  const { allScoringWeights } = await t.ok<{ allScoringWeights: Array<{ id: string; criterion: string; weight: number; version: number }> }>(
    '{ allScoringWeights { id criterion weight version } }',
  );
  expect(allScoringWeights.reduce((sum, w) => sum + w.weight, 0)).toBe(100);
  const completion = allScoringWeights.find((w) => w.criterion === 'COMPLETION')!;
  const update = `mutation($id: ID!, $v: Int!, $weight: Int!) { updateScoringWeight(id: $id, version: $v, weight: $weight) { weight } }`;
  expect(firstError(await bureau.gql(update, { id: completion.id, v: completion.version, weight: 0 })).extensions.code).toBe('FORBIDDEN');
  expect(firstError(await t.gql(update, { id: completion.id, v: completion.version, weight: 101 })).extensions.field).toBe('weight');
  expect(firstError(await t.gql(`mutation { createScoringWeight(criterion: COMPLETION, weight: 5) { id } }`)).extensions.code).toBeDefined();
  await t.ok(update, { id: completion.id, v: completion.version, weight: 0 });
  const [first, second] = await scores();
  // Without completion the weights sum to 60: 丽水 (15 + 10 + 0 + 10 + 15) / 60, 衢州 (3.75 + 10 + 5 + 5 + 7.5) / 60.
  expect([first!.cityCode, first!.score, second!.cityCode, second!.score]).toEqual(['331100', 83.33, '330800', 52.08]);
});

test('a city bureau sees its own score only; the province picks one city; bad input is refused', async () => {
  const own = (await bureau.ok<{ cityScores: Score[] }>(SCORES)).cityScores;
  const all = await scores();
  expect(own).toEqual([all.find((s) => s.cityCode === '330800')]);
  expect((await bureau.ok<{ cityScores: Score[] }>('{ cityScores(year: 2026, cityCode: "330800") { cityCode } }')).cityScores).toEqual([
    { cityCode: '330800' },
  ]);
  expect(firstError(await bureau.gql('{ cityScores(year: 2026, cityCode: "331100") { cityCode } }')).extensions.code).toBe('FORBIDDEN');
  expect(firstError(await bureau.gql('{ cityRanking(year: 2026) { cityCode } }')).extensions.code).toBe('FORBIDDEN');
  const lishui = (await t.ok<{ cityScores: Score[] }>('{ cityScores(year: 2026, cityCode: "331100") { cityCode score } }')).cityScores;
  expect(lishui).toEqual([{ cityCode: '331100', score: all.find((s) => s.cityCode === '331100')!.score }]);
  expect((await t.ok<{ cityScores: Score[] }>('{ cityScores(year: 2026, cityCode: "330000") { cityCode } }')).cityScores).toHaveLength(11);
  // An unknown or huge code is no city: nothing, like a missing row.
  expect((await t.ok<{ cityScores: Score[] }>('{ cityScores(year: 2026, cityCode: "999999") { cityCode } }')).cityScores).toEqual([]);
  expect(
    firstError(await bureau.gql('{ cityScores(year: 2026, cityCode: $c) { cityCode } }'.replace('$c', JSON.stringify('3'.repeat(5000))))).extensions.code,
  ).toBe('FORBIDDEN');
  expect(firstError(await t.gql('{ cityScores(year: 2031) { rank } }')).extensions.field).toBe('year');
});
