import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { getIntrospectionQuery } from 'graphql';
import { readEnv } from '../../server/src/env.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const ANALYST_QUERIES = `{
  campaignProgress { rows { year cityCode cityName target planned enrolled registered completionRate gap } cumulative { cityCode target enrolled completionRate } }
  levelMix { year cityCode cityName schoolId schoolName enrolled intermediate advanced preparatoryTechnician advancedShare previousAdvancedShare falling }
  sourceMix { year cityCode cityName enrolled skillsTraining outOfProvince outOfProvinceShare byTargetGroup { targetGroup students } byStudyMode { studyMode students countsTowardTarget } byOrigin { origin provinceCode provinceName students } }
  partnershipStats { year cityCode byCity { cityCode cityName kind partnerships classes seats enrolled } byIndustry { industry kind partnerships classes seats enrolled } byPartnerProvince { provinceCode provinceName agreements seats students } }
  cityRanking { rank year cityCode cityName target enrolled completionRate advancedShare }
}`;

describe('queries within the limits', () => {
  test('a full admin page of 10,000 intakes with nested references', async () => {
    const result = await t.gql(`{
      allIntakes(page: 0, perPage: 10000, sortField: "id", sortOrder: "ASC") {
        id version createdAt updatedAt count targetGroup originCode registeredOn planId
        plan { id year season seats status schoolId programId school { id name type cityId city { id code nameZh } } }
      }
      _allIntakesMeta { count }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.allIntakes).toEqual([]);
  });

  test('cities, their schools, programs and plan lines: cities are 11 rows', async () => {
    // 11 cities × (1 + 60 schools × (1 + 60 programs × (1 + 10 lines × (1 + 1)))) = 832,271 (each child list at its bound)
    const result = await t.gql(`{ allCities { schools { programs { plans(year: 2025) { seats } } } } }`);
    expect(result.errors).toBeUndefined();
  });

  test('all five analyst queries in one operation', async () => {
    const result = await t.gql(ANALYST_QUERIES);
    expect(result.errors).toBeUndefined();
    expect(result.data!.campaignProgress.cumulative.target).toBe(600000);
  });

  test("GraphiQL's introspection query", async () => {
    const result = await t.gql(getIntrospectionQuery());
    expect(result.errors).toBeUndefined();
  });
});

/** SQL run since the log was reset, apart from signing the caller in. */
const businessQueries = () => t.queries.filter((sql) => !sql.includes('app_user'));

describe('queries over the limits are refused before any resolver runs', () => {
  test('cost: 10,000 schools × 20 plan lines × 20 intakes each', async () => {
    t.resetQueryLog();
    const result = await t.gql(`{ allSchools(perPage: 10000) { id plans { id intakes { id } } } }`);
    // Each field costs 1 plus its selection; a list multiplies by perPage or its bound (600 lines a school, 500 intakes a line):
    // 10000 × (1 + 1 + 600 × (1 + 1 + 500 × (1 + 1))) = 6,012,020,000.
    expect(result.data).toBeUndefined();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions).toEqual({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'COST',
      actual: 6012020000,
      maximum: 1000000,
      messageZh: '查询过于复杂：估算成本 6012020000 超过上限 1000000，请减少每页行数或嵌套字段',
      messageEn: 'query too complex: its estimated cost 6012020000 exceeds the limit of 1000000; request fewer rows or nested fields',
    });
    expect(result.errors![0]!.message).toContain('6012020000');
    expect(businessQueries()).toEqual([]);
  });

  test('cost: two hundred analyst queries under aliases', async () => {
    const aliases = Array.from({ length: 200 }, (_, i) => `q${i}: cityRanking { rank }`).join('\n');
    const result = await t.gql(`{ ${aliases} }`);
    // Each: 5000 for the aggregation + 60 rows × (1 + 1).
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'COST', actual: 200 * (5000 + 60 * 2) });
  });

  test('depth: eleven levels of nesting', async () => {
    t.resetQueryLog();
    const result = await t.gql(
      `{ allSchools(perPage: 1) { plans { intakes { plan { school { plans { intakes { plan { school { plans { id } } } } } } } } } } }`,
    );
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'DEPTH', actual: 11, maximum: 10 });
    expect(result.errors![0]!.message).toBe('查询嵌套过深：深度 11 超过上限 10 (query too deep: depth 11 exceeds the limit of 10)');
    expect(businessQueries()).toEqual([]);
  });
});

test('the limits come from QUERY_MAX_DEPTH and QUERY_MAX_COST', () => {
  expect(readEnv({}).queryLimits).toEqual({ maxDepth: 10, maxCost: 1000000 });
  expect(readEnv({ QUERY_MAX_DEPTH: '6', QUERY_MAX_COST: '250000' }).queryLimits).toEqual({ maxDepth: 6, maxCost: 250000 });
  expect(() => readEnv({ QUERY_MAX_COST: 'lots' })).toThrow(/QUERY_MAX_COST/);
});
