import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../helpers/test-app.js';
import { cityId, createIntake, createPlan, createProgram, createSchool, firstError, markFiled } from '../helpers/fixtures.js';
import { create, createCompany, createPartnership, creditCode } from '../helpers/company-fixtures.js';
import { createUser } from '../helpers/users.js';
import { FixedClock } from '../../server/src/common/clock.js';

/**
 * Reports for one school (campaignProgress, sourceMix, partnershipStats, levelMix with `schoolId`): two schools in
 * 杭州 and one in 宁波, so that a school's figures differ from its city's; school staff always get
 * their own school's, a city bureau any school of its city.
 */
let t: TestApp;
const SCHOOLS = {
  A: { name: '单校报表杭州甲校', cityCode: '330100' },
  H: { name: '单校报表杭州乙校', cityCode: '330100' },
  N: { name: '单校报表宁波丙校', cityCode: '330200' },
} as const;
type School = keyof typeof SCHOOLS;
const INTAKES: Array<{ school: School; count: number; targetGroup: string; originCode: string }> = [
  { school: 'A', count: 30, targetGroup: 'JUNIOR_HIGH_GRADUATE', originCode: '330100' },
  { school: 'A', count: 7, targetGroup: 'SENIOR_HIGH_GRADUATE', originCode: '510000' },
  { school: 'A', count: 4, targetGroup: 'JUNIOR_HIGH_PAST', originCode: '330100' },
  { school: 'H', count: 50, targetGroup: 'JUNIOR_HIGH_GRADUATE', originCode: '330100' },
  { school: 'H', count: 9, targetGroup: 'JUNIOR_HIGH_GRADUATE', originCode: '520000' },
  { school: 'N', count: 20, targetGroup: 'JUNIOR_HIGH_GRADUATE', originCode: '330200' },
];
const CLASSES: Array<{ school: School; seats: number; enrolled: number }> = [
  { school: 'A', seats: 40, enrolled: 35 },
  { school: 'H', seats: 30, enrolled: 30 },
  { school: 'H', seats: 20, enrolled: 18 },
  { school: 'N', seats: 25, enrolled: 25 },
];
const AGREEMENTS: Array<{ school: School; province: string; seats: number; enrolled: number }> = [
  { school: 'A', province: '510000', seats: 50, enrolled: 44 },
  { school: 'H', province: '520000', seats: 30, enrolled: 21 },
];
/** 任务分解 of 2025 (none for 丙校). */
const SCHOOL_TARGETS: Partial<Record<School, number>> = { A: 150, H: 60 };
/** Every school's one plan line: 200 filed seats in 2025. */
const PLANNED = 200;
const ids = {} as Record<School, string>;
const as = {} as Record<'admin' | 'hangzhou' | 'staffA', Client>;

beforeAll(async () => {
  t = await createTestApp({ clock: new FixedClock('2025-12-01T02:00:00Z') });
  const company = await createCompany(t, { name: '单校报表装备有限公司', creditCode: creditCode('330100', 931), cityId: await cityId(t, '330100') });
  for (const [key, school] of Object.entries(SCHOOLS) as Array<[School, (typeof SCHOOLS)[School]]>) {
    ids[key] = await createSchool(t, school);
    const programId = await createProgram(t, { schoolId: ids[key], majorCode: '0101' });
    const planId = await createPlan(t, { programId, year: 2025, seats: 200 });
    await markFiled(t, [planId]);
    for (const intake of INTAKES.filter((i) => i.school === key)) {
      await createIntake(t, { planId, count: intake.count, targetGroup: intake.targetGroup, originCode: intake.originCode, registeredOn: '2025-09-05' });
    }
    const partnershipId = await createPartnership(t, { schoolId: ids[key], companyId: company });
    for (const [i, c] of CLASSES.filter((x) => x.school === key).entries()) {
      await create(t, 'createOrderClass', {
        partnershipId,
        programId,
        year: 2025,
        season: 'AUTUMN',
        name: `单校报表${key}班${i}`,
        seats: c.seats,
        enrolled: c.enrolled,
      });
    }
    for (const [i, a] of AGREEMENTS.filter((x) => x.school === key).entries()) {
      await create(t, 'createCrossRegionAgreement', {
        programId,
        schoolId: ids[key],
        cityId: await cityId(t, school.cityCode),
        partnerProvinceCode: a.province,
        partnerInstitution: `单校报表合作院校${key}${i}`,
        stages: [
          { where: 'PARTNER', years: 1 },
          { where: 'ZHEJIANG', years: 2 },
        ],
        seats: a.seats,
        signedOn: '2025-05-20',
        enrolled: a.enrolled,
      });
    }
  }
  for (const [school, seats] of Object.entries(SCHOOL_TARGETS)) await create(t, 'createSchoolTarget', { schoolId: ids[school as School], year: 2025, seats });
  as.admin = await t.as(1);
  as.hangzhou = await t.as(await createUser(t, { username: 'hz.reports', role: 'CITY_ADMIN', cityId: await cityId(t, '330100') }));
  as.staffA = await t.as(await createUser(t, { username: 'a.reports', role: 'SCHOOL_STAFF', schoolId: ids.A }));
});
afterAll(async () => {
  await t.close();
});

const SOURCES = `query($cityCode: String, $schoolId: ID) {
  sourceMix(year: 2025, cityCode: $cityCode, schoolId: $schoolId) {
    cityCode schoolId schoolName enrolled outOfProvince
    byTargetGroup { targetGroup students }
    byOrigin { origin provinceCode students }
  }
}`;
const STATS = `query($cityCode: String, $schoolId: ID) {
  partnershipStats(year: 2025, cityCode: $cityCode, schoolId: $schoolId) {
    cityCode schoolId schoolName
    byCity { cityCode kind partnerships classes seats enrolled }
    byPartnerProvince { provinceCode agreements seats students }
  }
}`;
const LEVELS = `query($schoolId: ID) { levelMix(year: 2025, schoolId: $schoolId) { schoolId enrolled } }`;

const total = <T>(rows: T[], value: (row: T) => number) => rows.reduce((sum, row) => sum + value(row), 0);

/** What sourceMix should say of one school, worked out from the data set. */
function expectedSources(school: School) {
  const intakes = INTAKES.filter((i) => i.school === school);
  const home = SCHOOLS[school].cityCode;
  const group = (targetGroup: string) =>
    total(
      intakes.filter((i) => i.targetGroup === targetGroup),
      (i) => i.count,
    );
  const outside = intakes.filter((i) => !i.originCode.startsWith('33'));
  return {
    cityCode: home,
    schoolId: ids[school],
    schoolName: SCHOOLS[school].name,
    enrolled: total(intakes, (i) => i.count),
    outOfProvince: total(outside, (i) => i.count),
    groups: ['JUNIOR_HIGH_GRADUATE', 'JUNIOR_HIGH_PAST', 'SENIOR_HIGH_GRADUATE'].map((g) => [g, group(g)]).filter(([, n]) => n !== 0),
    origins: [
      [
        'IN_CITY',
        null,
        total(
          intakes.filter((i) => i.originCode === home),
          (i) => i.count,
        ),
      ],
      [
        'OTHER_ZHEJIANG_CITY',
        null,
        total(
          intakes.filter((i) => i.originCode.startsWith('33') && i.originCode !== home),
          (i) => i.count,
        ),
      ],
      ...outside.map((i) => ['OTHER_PROVINCE', i.originCode, i.count]),
    ],
  };
}

function sourcesAsSaid(row: any) {
  return {
    cityCode: row.cityCode,
    schoolId: row.schoolId,
    schoolName: row.schoolName,
    enrolled: row.enrolled,
    outOfProvince: row.outOfProvince,
    groups: row.byTargetGroup.filter((g: any) => g.students > 0).map((g: any) => [g.targetGroup, g.students]),
    origins: row.byOrigin.map((o: any) => [o.origin, o.provinceCode, o.students]),
  };
}

function expectedStats(school: School) {
  const classes = CLASSES.filter((c) => c.school === school);
  const agreements = AGREEMENTS.filter((a) => a.school === school);
  return {
    orderClasses: { partnerships: 1, classes: classes.length, seats: total(classes, (c) => c.seats), enrolled: total(classes, (c) => c.enrolled) },
    provinces: agreements.map((a) => ({ provinceCode: a.province, agreements: 1, seats: a.seats, students: a.enrolled })),
  };
}

const errorOf = (result: { errors?: Array<{ extensions: Record<string, any> }> }) => firstError(result).extensions;

const PROGRESS = `query($cityCode: String, $schoolId: ID) {
  campaignProgress(year: 2025, cityCode: $cityCode, schoolId: $schoolId) {
    rows { year cityCode schoolId schoolName target planned enrolled completionRate gap }
    cumulative { cityCode schoolId target enrolled }
  }
}`;

describe('reports for one school', () => {
  test('campaignProgress of a school: its lines and students against its share of the task', async () => {
    for (const school of ['A', 'H', 'N'] as const) {
      const { campaignProgress } = await as.admin.ok(PROGRESS, { schoolId: ids[school] });
      const target = SCHOOL_TARGETS[school] ?? 0;
      const enrolled = expectedSources(school).enrolled;
      expect(campaignProgress.rows).toEqual([
        {
          year: 2025,
          cityCode: SCHOOLS[school].cityCode,
          schoolId: ids[school],
          schoolName: SCHOOLS[school].name,
          target,
          planned: PLANNED,
          enrolled,
          completionRate: target > 0 ? enrolled / target : null,
          gap: target - enrolled,
        },
      ]);
      expect(campaignProgress.cumulative).toEqual({ cityCode: SCHOOLS[school].cityCode, schoolId: ids[school], target, enrolled });
    }
  });

  test('school staff see their city’s task unless they ask for their school, and no other school', async () => {
    const city = (await as.staffA.ok(PROGRESS, {})).campaignProgress;
    expect(city.rows.map((r: any) => [r.cityCode, r.schoolId, r.planned])).toEqual([['330100', null, 2 * PLANNED]]);
    const own = (await as.staffA.ok(PROGRESS, { schoolId: ids.A })).campaignProgress;
    expect(own.rows.map((r: any) => [r.schoolId, r.target])).toEqual([[ids.A, SCHOOL_TARGETS.A]]);
    expect(errorOf(await as.staffA.gql(PROGRESS, { schoolId: ids.H }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(errorOf(await as.hangzhou.gql(PROGRESS, { schoolId: ids.N }))).toMatchObject({ code: 'FORBIDDEN' });
  });

  test('sourceMix of a school counts its intakes alone, origins judged from its city', async () => {
    for (const school of ['A', 'H'] as const) {
      const { sourceMix } = await as.admin.ok(SOURCES, { schoolId: ids[school] });
      expect(sourceMix).toHaveLength(1);
      expect(sourcesAsSaid(sourceMix[0])).toEqual(expectedSources(school));
    }
    const city = (await as.admin.ok(SOURCES, { cityCode: '330100' })).sourceMix[0];
    expect(city).toMatchObject({ schoolId: null, enrolled: expectedSources('A').enrolled + expectedSources('H').enrolled });
  });

  test('partnershipStats of a school: its partnerships, classes and agreements alone', async () => {
    const { partnershipStats } = await as.admin.ok(STATS, { schoolId: ids.H });
    const expected = expectedStats('H');
    expect(partnershipStats).toMatchObject({ cityCode: '330100', schoolId: ids.H, schoolName: SCHOOLS.H.name });
    expect(partnershipStats.byCity.find((r: any) => r.kind === 'ORDER_CLASS')).toEqual({ cityCode: '330100', kind: 'ORDER_CLASS', ...expected.orderClasses });
    expect(partnershipStats.byPartnerProvince).toEqual(expected.provinces);
  });

  test('school staff get their own school whatever they ask, and are refused another', async () => {
    const own = await as.staffA.ok(SOURCES, {});
    expect(own.sourceMix.map(sourcesAsSaid)).toEqual([expectedSources('A')]);
    const asCity = await as.staffA.ok(SOURCES, { cityCode: '330100' });
    expect(asCity.sourceMix.map(sourcesAsSaid)).toEqual([expectedSources('A')]);
    const stats = (await as.staffA.ok(STATS, {})).partnershipStats;
    expect(stats.schoolId).toBe(ids.A);
    expect(stats.byPartnerProvince).toEqual(expectedStats('A').provinces);
    expect((await as.staffA.ok(LEVELS, {})).levelMix).toEqual([{ schoolId: ids.A, enrolled: expectedSources('A').enrolled }]);
    for (const query of [SOURCES, STATS, LEVELS]) {
      expect(errorOf(await as.staffA.gql(query, { schoolId: ids.H }))).toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  test('a city bureau may ask any school of its city, not one elsewhere', async () => {
    const { sourceMix } = await as.hangzhou.ok(SOURCES, { schoolId: ids.H });
    expect(sourceMix.map(sourcesAsSaid)).toEqual([expectedSources('H')]);
    for (const query of [SOURCES, STATS]) {
      expect(errorOf(await as.hangzhou.gql(query, { schoolId: ids.N }))).toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  test('a school outside the city named, an unknown or malformed id: typed errors naming schoolId', async () => {
    for (const query of [SOURCES, STATS, PROGRESS]) {
      expect(errorOf(await as.admin.gql(query, { cityCode: '330200', schoolId: ids.A }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'schoolId' });
      for (const schoolId of ['999999', 'abc', '9'.repeat(400), '-1']) {
        expect(errorOf(await as.admin.gql(query, { schoolId }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'schoolId' });
      }
    }
  });
});
