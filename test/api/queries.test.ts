import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { cityId, createPlan, createProgram, createSchool, firstError } from '../helpers/fixtures.js';

let t: TestApp;
const ids: Record<string, string> = {};

/** Two cities, three schools, four programs, plan lines in 2024–2025 in both seasons. */
beforeAll(async () => {
  t = await createTestApp();
  ids.hangzhou = await cityId(t, '330100');
  ids.ningbo = await cityId(t, '330200');
  ids.hzCollege = await createSchool(t, { name: '杭州甲技师学院', cityCode: '330100' });
  ids.hzSchool = await createSchool(t, { name: '杭州乙技工学校', cityCode: '330100', type: 'TECHNICAL_SCHOOL' });
  ids.nbCollege = await createSchool(t, { name: '宁波丙技师学院', cityCode: '330200', provincial: true });
  ids.p1 = await createProgram(t, { schoolId: ids.hzCollege, majorCode: '0102' });
  ids.p2 = await createProgram(t, { schoolId: ids.hzCollege, majorCode: '0115', level: 'ADVANCED', entryBasis: 'SENIOR_HIGH' });
  ids.p3 = await createProgram(t, { schoolId: ids.hzSchool, majorCode: '0401' });
  ids.p4 = await createProgram(t, { schoolId: ids.nbCollege, majorCode: '0301', studyMode: 'PART_TIME' });
  for (const [program, seats] of [
    [ids.p1, 40],
    [ids.p2, 30],
    [ids.p3, 50],
    [ids.p4, 20],
  ] as const) {
    await createPlan(t, { programId: program, year: 2024, seats });
    await createPlan(t, { programId: program, year: 2025, seats: seats + 5 });
  }
  await createPlan(t, { programId: ids.p4, year: 2025, season: 'SPRING', seats: 10 });
});
afterAll(async () => {
  await t.close();
});

describe('filters', () => {
  test('equality on scalars and ids, ranges, id lists', async () => {
    const data = await t.ok(
      `query($nb: ID!) {
      y2025: _allEnrollmentPlansMeta(filter: { year: 2025 }) { count }
      spring: allEnrollmentPlans(filter: { season: SPRING }) { seats }
      big: allEnrollmentPlans(filter: { seats_gte: 45, seats_lte: 55 }, sortField: "seats") { seats }
      targets: _allCampaignTargetsMeta(filter: { year_gte: 2026, seats_lte: 5000 }) { count }
      nbSchools: allSchools(filter: { cityId: $nb }) { name }
      provincial: allSchools(filter: { provincial: true }) { name }
    }`,
      { nb: ids.ningbo },
    );
    expect(data.y2025.count).toBe(5);
    expect(data.spring).toEqual([{ seats: 10 }]);
    expect(data.big).toEqual([{ seats: 45 }, { seats: 50 }, { seats: 55 }]);
    // 2026–2027 targets at most 5,000: 舟山 (2210, 2380) only.
    expect(data.targets.count).toBe(2);
    expect(data.nbSchools).toEqual([{ name: '宁波丙技师学院' }]);
    expect(data.provincial).toEqual([{ name: '宁波丙技师学院' }]);
  });

  test('q searches names, also through relations', async () => {
    const data = await t.ok(`{
      schools: allSchools(filter: { q: "技师学院" }) { name }
      cities: allCities(filter: { q: "ningbo" }) { code }
      majors: _allMajorsMeta(filter: { q: "数控" }) { count }
      plans: _allEnrollmentPlansMeta(filter: { q: "宁波丙" }) { count }
    }`);
    expect(data.schools).toEqual([{ name: '宁波丙技师学院' }, { name: '杭州甲技师学院' }]);
    expect(data.cities).toEqual([{ code: '330200' }]);
    expect(data.majors.count).toBe(3);
    expect(data.plans.count).toBe(3);
  });

  test('plans through relations: by city, by level, by study mode, by major', async () => {
    const data = await t.ok(
      `query($hz: ID!, $nb: ID!) {
      hz: _allEnrollmentPlansMeta(filter: { cityId: $hz }) { count }
      nb: allEnrollmentPlans(filter: { cityId: $nb }, sortField: "seats") { seats school { name } }
      advanced: _allEnrollmentPlansMeta(filter: { level: ADVANCED }) { count }
      partTime: _allEnrollmentPlansMeta(filter: { studyMode: PART_TIME, year: 2025 }) { count }
      hzPrograms: _allProgramsMeta(filter: { cityId: $hz }) { count }
    }`,
      { hz: ids.hangzhou, nb: ids.ningbo },
    );
    expect(data.hz.count).toBe(6);
    expect(data.nb).toEqual([
      { seats: 10, school: { name: '宁波丙技师学院' } },
      { seats: 20, school: { name: '宁波丙技师学院' } },
      { seats: 25, school: { name: '宁波丙技师学院' } },
    ]);
    expect(data.advanced.count).toBe(2);
    expect(data.partTime.count).toBe(2);
    expect(data.hzPrograms.count).toBe(3);
  });
});

describe('sorting and pagination', () => {
  test('pages are zero-based, counts ignore paging, sort both ways with a stable tie-break', async () => {
    const page = (n: number, order: string) =>
      t.ok(`{
      allCampaignTargets(page: ${n}, perPage: 4, sortField: "seats", sortOrder: "${order}", filter: { year: 2023 }) { seats city { code } }
      _allCampaignTargetsMeta(filter: { year: 2023 }) { count }
    }`);
    const first = await page(0, 'DESC');
    expect(first._allCampaignTargetsMeta.count).toBe(11);
    expect(first.allCampaignTargets.map((r: { seats: number }) => r.seats)).toEqual([18600, 15000, 11400, 11300]);
    const last = await page(2, 'DESC');
    expect(last.allCampaignTargets.map((r: { seats: number }) => r.seats)).toEqual([6300, 4900, 1700]);
    const asc = await page(0, 'ASC');
    expect(asc.allCampaignTargets[0]).toEqual({ seats: 1700, city: { code: '330900' } });
  });

  test('cities default to the notice order', async () => {
    const { allCities } = await t.ok(`{ allCities(perPage: 5) { nameZh } }`);
    expect(allCities.map((c: { nameZh: string }) => c.nameZh)).toEqual(['杭州市', '宁波市', '温州市', '湖州市', '嘉兴市']);
  });

  test('bad sort fields, orders and page sizes are refused with the field named', async () => {
    const result = await t.gql(`{
      a: allSchools(sortField: "password") { id }
    }`);
    expect(firstError(result).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sortField' });
    expect(firstError(await t.gql(`{ allSchools(sortOrder: "SIDEWAYS") { id } }`)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sortOrder' });
    expect(firstError(await t.gql(`{ allSchools(perPage: 20000) { id } }`)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'perPage' });
    expect(firstError(await t.gql(`{ allSchools(page: -1) { id } }`)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'page' });
  });
});

describe('collections', () => {
  test('one-to-many fields, narrowed by arguments', async () => {
    const data = await t.ok(
      `query($hz: ID!, $school: ID!, $program: ID!) {
      City(id: $hz) {
        schools { name }
        targets { year seats }
      }
      School(id: $school) {
        programs { major { code } level }
        plans(year: 2025, season: AUTUMN) { seats }
        all: plans { year }
      }
      Program(id: $program) { plans(season: SPRING) { year seats } }
    }`,
      { hz: ids.hangzhou, school: ids.hzCollege, program: ids.p4 },
    );
    expect(data.City.schools).toEqual([{ name: '杭州甲技师学院' }, { name: '杭州乙技工学校' }]);
    expect(data.City.targets).toEqual([
      { year: 2023, seats: 18600 },
      { year: 2024, seats: 20460 },
      { year: 2025, seats: 22320 },
      { year: 2026, seats: 24180 },
      { year: 2027, seats: 26040 },
    ]);
    expect(data.School.programs).toEqual([
      { major: { code: '0102' }, level: 'INTERMEDIATE' },
      { major: { code: '0115' }, level: 'ADVANCED' },
    ]);
    expect(data.School.plans).toEqual([{ seats: 45 }, { seats: 35 }]);
    expect(data.School.all).toHaveLength(4);
    expect(data.Program.plans).toEqual([{ year: 2025, seats: 10 }]);
  });
});

describe('batching', () => {
  const nested = `{ allEnrollmentPlans(perPage: 1000) { id seats school { name city { nameZh } } program { level major { name } } } }`;

  test('nested fields cost a bounded number of SQL queries whatever the row count', async () => {
    t.resetQueryLog();
    const small = await t.ok(nested);
    const smallQueries = t.selects().length;
    expect(small.allEnrollmentPlans).toHaveLength(9);

    // Ten times the plan lines, across more schools and programs.
    for (let i = 0; i < 9; i++) {
      const school = await createSchool(t, { name: `批量技师学院${i}`, cityCode: i % 2 ? '330100' : '330300' });
      for (const major of ['0101', '0103', '0104', '0106', '0108']) {
        const program = await createProgram(t, { schoolId: school, majorCode: major });
        await createPlan(t, { programId: program, year: 2025, seats: 10 });
      }
    }
    t.resetQueryLog();
    const large = await t.ok(nested);
    const largeQueries = t.selects().length;
    expect(large.allEnrollmentPlans).toHaveLength(54);
    expect(largeQueries).toBe(smallQueries);
    // plans, schools, cities, programs, majors
    expect(largeQueries).toBeLessThanOrEqual(5);
  });

  test('child collections of many parents are one query per level', async () => {
    t.resetQueryLog();
    const data = await t.ok(`{ allCities { schools { programs { plans(year: 2025) { seats } } } } }`);
    expect(data.allCities).toHaveLength(11);
    expect(t.selects().length).toBe(4);
  });
});
