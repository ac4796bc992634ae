import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FixedClock } from '../../server/src/common/clock.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildDataset, clockAfterRegistration, counted, facts, plannedSeats, sum, SCHOOLS, type Built } from './analytics-dataset.js';

let t: TestApp;
let built: Built;
let clock: FixedClock;
let cities: Array<{ code: string; nameZh: string; displayOrder: number }>;
let targets: Array<{ year: number; seats: number; city: { code: string } }>;

beforeAll(async () => {
  clock = clockAfterRegistration();
  t = await createTestApp({ clock });
  built = await buildDataset(t);
  const data = await t.ok(`{
    allCities(perPage: 100, sortField: "displayOrder") { code nameZh displayOrder }
    allCampaignTargets(perPage: 100) { year seats city { code } }
  }`);
  cities = data.allCities;
  targets = data.allCampaignTargets;
});
afterAll(async () => {
  await t.close();
});

const YEARS = [2023, 2024, 2025, 2026, 2027];
const targetOf = (code: string, year: number) => targets.find((x) => x.city.code === code && x.year === year)!.seats;
const enrolledOf = (code: string, year: number) => sum(facts().filter((f) => counted(f) && f.cityCode === code && f.year === year));

const PROGRESS = `query($year: Int, $cityCode: String) {
  campaignProgress(year: $year, cityCode: $cityCode) {
    rows { year cityCode cityName target planned enrolled registered completionRate gap }
    cumulative { cityCode target enrolled completionRate }
  }
}`;

describe('campaignProgress', () => {
  test('every city and year against the task table, SKILLS_TRAINING left out (R1)', async () => {
    const { campaignProgress } = await t.ok(PROGRESS, { year: 2025 });
    const expected = cities.map((c) => {
      const target = targetOf(c.code, 2025);
      const enrolled = enrolledOf(c.code, 2025);
      return {
        year: 2025,
        cityCode: c.code,
        cityName: c.nameZh,
        target,
        planned: plannedSeats(c.code, 2025),
        enrolled,
        registered: enrolled,
        completionRate: enrolled / target,
        gap: target - enrolled,
      };
    });
    expect(campaignProgress.rows.slice(0, 11)).toEqual(expected);
    const hangzhou = campaignProgress.rows.find((r: any) => r.cityCode === '330100');
    // 30 + 8 intermediate and 12 advanced; the 90 SKILLS_TRAINING students and their 100 seats do not count.
    expect(hangzhou).toMatchObject({ planned: 80, enrolled: 50 });
    // The provincial college in Wenzhou counts toward Wenzhou.
    expect(campaignProgress.rows.find((r: any) => r.cityCode === '330300')).toMatchObject({ planned: 25, enrolled: 16 });
  });

  test('the province row (330000) is the sum of the cities, for every year', async () => {
    const { campaignProgress } = await t.ok(PROGRESS);
    expect(campaignProgress.rows).toHaveLength(5 * 12);
    for (const year of YEARS) {
      const rows = campaignProgress.rows.filter((r: any) => r.year === year);
      const province = rows.find((r: any) => r.cityCode === '330000');
      const cityRows = rows.filter((r: any) => r.cityCode !== '330000');
      expect(cityRows).toHaveLength(11);
      for (const key of ['target', 'planned', 'enrolled', 'registered', 'gap']) {
        expect(province[key]).toBe(cityRows.reduce((total: number, r: any) => total + r[key], 0));
      }
      expect(province.cityName).toBe('浙江省');
      expect(province.completionRate).toBeCloseTo(province.enrolled / province.target, 12);
    }
  });

  test("the notice's totals: 100,000 … 140,000 a year and 600,000 over the campaign", async () => {
    const { campaignProgress } = await t.ok(PROGRESS);
    const provinceTargets = campaignProgress.rows.filter((r: any) => r.cityCode === '330000').map((r: any) => r.target);
    expect(provinceTargets).toEqual([100000, 110000, 120000, 130000, 140000]);
    const enrolled = sum(facts().filter(counted));
    expect(campaignProgress.cumulative).toEqual({ cityCode: '330000', target: 600000, enrolled, completionRate: enrolled / 600000 });
  });

  test('one city: its rows only, and its own five-year target as the cumulative', async () => {
    const { campaignProgress } = await t.ok(PROGRESS, { cityCode: '330200' });
    expect(campaignProgress.rows.map((r: any) => [r.year, r.cityCode])).toEqual(YEARS.map((y) => [y, '330200']));
    const target = YEARS.reduce((total, y) => total + targetOf('330200', y), 0);
    const enrolled = enrolledOf('330200', 2025);
    expect(campaignProgress.cumulative).toEqual({ cityCode: '330200', target, enrolled, completionRate: enrolled / target });
  });

  test('330000 asks for the province rows alone', async () => {
    const { campaignProgress } = await t.ok(PROGRESS, { cityCode: '330000', year: 2025 });
    expect(campaignProgress.rows).toEqual([
      expect.objectContaining({ year: 2025, cityCode: '330000', target: 120000, enrolled: sum(facts().filter((f) => counted(f) && f.year === 2025)) }),
    ]);
  });

  test('registered counts students whose registration date has come', async () => {
    clock.set('2025-09-05T04:00:00Z');
    try {
      const { campaignProgress } = await t.ok(PROGRESS, { year: 2025, cityCode: '330100' });
      const pending = sum(facts().filter((f) => counted(f) && f.cityCode === '330100' && f.year === 2025 && f.registeredOn > '2025-09-05'));
      expect(pending).toBe(20);
      expect(campaignProgress.rows[0]).toMatchObject({ enrolled: 50, registered: 50 - pending });
    } finally {
      clock.set('2025-12-01T02:00:00Z');
    }
  });

  test('registered over the whole province and every year counts, city by city, the students whose registration date has come', async () => {
    clock.set('2025-09-05T04:00:00Z');
    try {
      const { campaignProgress } = await t.ok(PROGRESS, {});
      const ahead = (f: ReturnType<typeof facts>[number]) => counted(f) && f.registeredOn > '2025-09-05';
      expect(sum(facts().filter(ahead))).toBeGreaterThan(0);
      const rows = campaignProgress.rows as Array<{ year: number; cityCode: string; enrolled: number; registered: number }>;
      expect(new Set(rows.map((r) => r.year)).size).toBe(5);
      for (const row of rows) {
        const pending = sum(facts().filter((f) => ahead(f) && f.year === row.year && (row.cityCode === '330000' || f.cityCode === row.cityCode)));
        expect(row.registered, `${row.cityCode} ${row.year}`).toBe(row.enrolled - pending);
      }
    } finally {
      clock.set('2025-12-01T02:00:00Z');
    }
  });

  test('an unknown city or a year outside the campaign is refused', async () => {
    const city = await t.gql(PROGRESS, { cityCode: '339900' });
    expect(city.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'cityCode' });
    const year = await t.gql(PROGRESS, { year: 2022 });
    expect(year.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
  });
});

const LEVELS = `query($year: Int, $cityCode: String, $schoolId: ID) {
  levelMix(year: $year, cityCode: $cityCode, schoolId: $schoolId) {
    year cityCode schoolId schoolName enrolled intermediate advanced preparatoryTechnician advancedShare previousAdvancedShare falling
  }
}`;

function levelCounts(rows: ReturnType<typeof facts>) {
  const of = (level: string) => sum(rows.filter((f) => counted(f) && f.level === level));
  const intermediate = of('INTERMEDIATE');
  const advanced = of('ADVANCED');
  const preparatoryTechnician = of('PREPARATORY_TECHNICIAN');
  const enrolled = intermediate + advanced + preparatoryTechnician;
  return { enrolled, intermediate, advanced, preparatoryTechnician, share: enrolled ? (advanced + preparatoryTechnician) / enrolled : null };
}

describe('levelMix (R2)', () => {
  test("a city and its schools; Hangzhou's advanced share fell from 2024", async () => {
    const { levelMix } = await t.ok(LEVELS, { year: 2025, cityCode: '330100' });
    const now = levelCounts(facts().filter((f) => f.cityCode === '330100' && f.year === 2025));
    const before = levelCounts(facts().filter((f) => f.cityCode === '330100' && f.year === 2024));
    expect(now.share).toBe(12 / 50);
    expect(before.share).toBe(25 / 60);
    const cityRow = {
      year: 2025,
      cityCode: '330100',
      schoolId: null,
      schoolName: null,
      enrolled: now.enrolled,
      intermediate: now.intermediate,
      advanced: now.advanced,
      preparatoryTechnician: now.preparatoryTechnician,
      advancedShare: now.share,
      previousAdvancedShare: before.share,
      falling: true,
    };
    expect(levelMix).toEqual([cityRow, { ...cityRow, schoolId: built.schoolIds.A, schoolName: SCHOOLS.A.name }]);
  });

  test('every city and the province per year; a school with no year before is not falling', async () => {
    const { levelMix } = await t.ok(LEVELS, { year: 2025 });
    expect(levelMix.map((r: any) => r.cityCode)).toEqual([...cities.map((c) => c.code), '330000']);
    const province = levelCounts(facts().filter((f) => f.year === 2025));
    expect(levelMix[11]).toMatchObject({ enrolled: province.enrolled, advanced: province.advanced, advancedShare: province.share });
    const wenzhou = levelMix.find((r: any) => r.cityCode === '330300');
    expect(wenzhou).toMatchObject({ enrolled: 16, advanced: 16, advancedShare: 1, previousAdvancedShare: null, falling: false });
    const school = await t.ok(LEVELS, { schoolId: built.schoolIds.P });
    expect(school.levelMix.map((r: any) => [r.year, r.schoolId, r.advanced, r.falling])).toEqual(
      YEARS.map((y) => [y, built.schoolIds.P, y === 2025 ? 16 : 0, false]),
    );
  });
});

const SOURCES = `query($year: Int, $cityCode: String) {
  sourceMix(year: $year, cityCode: $cityCode) {
    year cityCode enrolled skillsTraining outOfProvince outOfProvinceShare
    byTargetGroup { targetGroup students }
    byStudyMode { studyMode students countsTowardTarget }
    byOrigin { origin provinceCode provinceName students }
  }
}`;

describe('sourceMix', () => {
  test('Hangzhou 2025 by target group, study mode and origin', async () => {
    const { sourceMix } = await t.ok(SOURCES, { year: 2025, cityCode: '330100' });
    const rows = facts().filter((f) => f.cityCode === '330100' && f.year === 2025);
    const countedRows = rows.filter(counted);
    const byGroup = (g: string) => sum(countedRows.filter((f) => f.targetGroup === g));
    expect(sourceMix).toHaveLength(1);
    expect(sourceMix[0]).toMatchObject({ year: 2025, cityCode: '330100', enrolled: 50, skillsTraining: 90, outOfProvince: 8, outOfProvinceShare: 8 / 50 });
    expect(sourceMix[0].byTargetGroup.filter((g: any) => g.students > 0)).toEqual([
      { targetGroup: 'JUNIOR_HIGH_GRADUATE', students: byGroup('JUNIOR_HIGH_GRADUATE') },
      { targetGroup: 'JUNIOR_HIGH_PAST', students: byGroup('JUNIOR_HIGH_PAST') },
      { targetGroup: 'SENIOR_HIGH_GRADUATE', students: byGroup('SENIOR_HIGH_GRADUATE') },
    ]);
    expect(sourceMix[0].byStudyMode).toEqual([
      { studyMode: 'FULL_TIME', students: sum(rows.filter((f) => f.studyMode === 'FULL_TIME')), countsTowardTarget: true },
      { studyMode: 'PART_TIME', students: 0, countsTowardTarget: true },
      { studyMode: 'SKILLS_TRAINING', students: 90, countsTowardTarget: false },
    ]);
    expect(sourceMix[0].byOrigin).toEqual([
      { origin: 'IN_CITY', provinceCode: null, provinceName: null, students: sum(countedRows.filter((f) => f.originCode === '330100')) },
      { origin: 'OTHER_ZHEJIANG_CITY', provinceCode: null, provinceName: null, students: 0 },
      { origin: 'OTHER_PROVINCE', provinceCode: '510000', provinceName: '四川省', students: 8 },
    ]);
  });

  test('the provincial college recruits from another Zhejiang city; the province row adds every city up', async () => {
    const { sourceMix } = await t.ok(SOURCES, { year: 2025 });
    expect(sourceMix).toHaveLength(12);
    const wenzhou = sourceMix.find((r: any) => r.cityCode === '330300');
    expect(wenzhou.byOrigin.slice(0, 2).map((o: any) => o.students)).toEqual([10, 6]);
    const province = sourceMix[11];
    const countedRows = facts().filter((f) => counted(f) && f.year === 2025);
    const outside = countedRows.filter((f) => !f.originCode.startsWith('33'));
    expect(province).toMatchObject({
      cityCode: '330000',
      enrolled: sum(countedRows),
      skillsTraining: 90,
      outOfProvince: sum(outside),
      outOfProvinceShare: sum(outside) / sum(countedRows),
    });
    expect(province.byOrigin.filter((o: any) => o.origin === 'OTHER_PROVINCE').map((o: any) => [o.provinceCode, o.students])).toEqual([
      ['510000', 8],
      ['520000', 5],
    ]);
  });
});

describe('cityRanking', () => {
  test('cities by completion rate in 2025, the level share beside it, ties in the notice order', async () => {
    const { cityRanking } = await t.ok(`{ cityRanking(year: 2025) { rank year cityCode target enrolled completionRate advancedShare } }`);
    const expected = cities
      .map((c) => {
        const rows = facts().filter((f) => f.cityCode === c.code && f.year === 2025);
        const levels = levelCounts(rows);
        const target = targetOf(c.code, 2025);
        return { year: 2025, cityCode: c.code, target, enrolled: levels.enrolled, completionRate: levels.enrolled / target, advancedShare: levels.share };
      })
      .sort((a, b) => b.completionRate - a.completionRate)
      .map((row, i) => ({ rank: i + 1, ...row }));
    expect(cityRanking).toEqual(expected);
    expect(
      cityRanking
        .slice(0, 3)
        .map((r: any) => r.cityCode)
        .sort(),
    ).toEqual(['330100', '330200', '330300']);
  });

  test('without a year: the whole campaign against five-year targets', async () => {
    const { cityRanking } = await t.ok(`{ cityRanking { year cityCode target enrolled } }`);
    const hangzhou = cityRanking.find((r: any) => r.cityCode === '330100');
    expect(hangzhou).toEqual({
      year: null,
      cityCode: '330100',
      target: YEARS.reduce((total, y) => total + targetOf('330100', y), 0),
      enrolled: enrolledOf('330100', 2024) + enrolledOf('330100', 2025),
    });
  });
});
