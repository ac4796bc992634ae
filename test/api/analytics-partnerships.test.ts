import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { cityId, createPlan, createProgram, createSchool, markFiled } from '../helpers/fixtures.js';
import { create, createCompany, createPartnership, creditCode } from '../helpers/company-fixtures.js';

let t: TestApp;

const SCHOOLS = { S1: { name: '合作统计杭州技师学院', cityCode: '330100' }, S2: { name: '合作统计宁波技师学院', cityCode: '330200' } } as const;
const COMPANIES = {
  C1: { name: '杭州合作统计装备有限公司', cityCode: '330100', industry: 'HIGH_END_EQUIPMENT', serial: 901 },
  C2: { name: '宁波合作统计数字科技有限公司', cityCode: '330200', industry: 'DIGITAL_ECONOMY', serial: 902 },
} as const;
const PARTNERSHIPS = {
  pa1: { school: 'S1', company: 'C1', kind: 'ORDER_CLASS', startsOn: '2024-03-01', endsOn: null },
  pa2: { school: 'S1', company: 'C2', kind: 'NAMED_CLASS', startsOn: '2025-02-01', endsOn: '2026-01-31' },
  pa3: { school: 'S2', company: 'C2', kind: 'APPRENTICESHIP', startsOn: '2023-01-01', endsOn: '2024-12-31' },
  pa4: { school: 'S2', company: 'C1', kind: 'ORDER_CLASS', startsOn: '2025-06-01', endsOn: null },
} as const;
type PartnershipKey = keyof typeof PARTNERSHIPS;
const CLASSES: Array<{ partnership: PartnershipKey; year: number; seats: number; enrolled: number }> = [
  { partnership: 'pa1', year: 2025, seats: 40, enrolled: 38 },
  { partnership: 'pa1', year: 2025, seats: 30, enrolled: 30 },
  { partnership: 'pa2', year: 2025, seats: 25, enrolled: 20 },
  { partnership: 'pa1', year: 2024, seats: 20, enrolled: 20 },
  { partnership: 'pa4', year: 2025, seats: 50, enrolled: 45 },
];
const AGREEMENTS = [
  { school: 'S1', province: '510000', seats: 50, enrolled: 48, signedOn: '2025-05-20' },
  { school: 'S1', province: '520000', seats: 30, enrolled: 25, signedOn: '2025-06-01' },
  { school: 'S2', province: '510000', seats: 40, enrolled: 40, signedOn: '2024-04-01' },
] as const;
const KINDS = ['ORDER_CLASS', 'NAMED_CLASS', 'APPRENTICESHIP', 'WORK_STUDY'];

beforeAll(async () => {
  t = await createTestApp();
  const schoolIds: Record<string, string> = {};
  const programIds: Record<string, string> = {};
  for (const [key, school] of Object.entries(SCHOOLS)) {
    schoolIds[key] = await createSchool(t, school);
    programIds[key] = await createProgram(t, { schoolId: schoolIds[key]!, majorCode: '0101' });
    // R11: order classes rest on approved or filed seats
    for (const year of [2024, 2025]) await markFiled(t, [await createPlan(t, { programId: programIds[key]!, year, seats: 200 })]);
  }
  const companyIds: Record<string, string> = {};
  for (const [key, c] of Object.entries(COMPANIES)) {
    companyIds[key] = await createCompany(t, {
      name: c.name,
      creditCode: creditCode(c.cityCode, c.serial),
      cityId: await cityId(t, c.cityCode),
      industry: c.industry,
    });
  }
  const partnershipIds: Record<string, string> = {};
  for (const [key, p] of Object.entries(PARTNERSHIPS)) {
    partnershipIds[key] = await createPartnership(t, { schoolId: schoolIds[p.school]!, companyId: companyIds[p.company]!, kind: p.kind, startsOn: p.startsOn });
    if (p.endsOn)
      await t.ok(`mutation($id: ID!, $endsOn: LocalDate) { updatePartnership(id: $id, version: 1, endsOn: $endsOn) { id } }`, {
        id: partnershipIds[key],
        endsOn: p.endsOn,
      });
  }
  for (const [i, c] of CLASSES.entries()) {
    const { school, company } = PARTNERSHIPS[c.partnership];
    // A named class carries the company name.
    const name = `${COMPANIES[company].name}统计班${i}`;
    await create(t, 'createOrderClass', {
      partnershipId: partnershipIds[c.partnership],
      programId: programIds[school],
      year: c.year,
      season: 'AUTUMN',
      name,
      seats: c.seats,
      enrolled: c.enrolled,
    });
  }
  for (const [i, a] of AGREEMENTS.entries()) {
    await create(t, 'createCrossRegionAgreement', {
      programId: programIds[a.school],
      schoolId: schoolIds[a.school],
      cityId: await cityId(t, SCHOOLS[a.school].cityCode),
      partnerProvinceCode: a.province,
      partnerInstitution: `合作院校${i}`,
      stages: [
        { where: 'PARTNER', years: 1 },
        { where: 'ZHEJIANG', years: 2 },
      ],
      seats: a.seats,
      signedOn: a.signedOn,
      enrolled: a.enrolled,
    });
  }
});
afterAll(async () => {
  await t.close();
});

const STATS = `query($year: Int, $cityCode: String) {
  partnershipStats(year: $year, cityCode: $cityCode) {
    year cityCode
    byCity { cityCode kind partnerships classes seats enrolled }
    byIndustry { industry kind partnerships classes seats enrolled }
    byPartnerProvince { provinceCode provinceName agreements seats students }
  }
}`;

const inForce = (key: PartnershipKey, year: number | null) => {
  const p = PARTNERSHIPS[key];
  return year === null || (p.startsOn <= `${year}-12-31` && (p.endsOn === null || p.endsOn >= `${year}-01-01`));
};

function expectedCounts(year: number | null, match: (key: PartnershipKey) => boolean) {
  const keys = (Object.keys(PARTNERSHIPS) as PartnershipKey[]).filter(match);
  const classes = CLASSES.filter((c) => keys.includes(c.partnership) && (year === null || c.year === year));
  return {
    partnerships: keys.filter((k) => inForce(k, year)).length,
    classes: classes.length,
    seats: classes.reduce((s, c) => s + c.seats, 0),
    enrolled: classes.reduce((s, c) => s + c.enrolled, 0),
  };
}

describe('partnershipStats', () => {
  test.each([2025, null])('by city and kind, then the province, for %s', async (year) => {
    const { partnershipStats } = await t.ok(STATS, { year });
    const cityCodes = (await t.ok(`{ allCities(sortField: "displayOrder") { code } }`)).allCities.map((c: any) => c.code);
    const expected = [...cityCodes, '330000'].flatMap((code) =>
      KINDS.map((kind) => ({
        cityCode: code,
        kind,
        ...expectedCounts(year, (k) => PARTNERSHIPS[k].kind === kind && (code === '330000' || SCHOOLS[PARTNERSHIPS[k].school].cityCode === code)),
      })),
    );
    expect(partnershipStats.year).toBe(year);
    expect(partnershipStats.byCity).toEqual(expected);
  });

  test('by company industry: only combinations that occur', async () => {
    const { partnershipStats } = await t.ok(STATS, { year: 2025 });
    const of = (industry: string, kind: string) =>
      expectedCounts(2025, (k) => PARTNERSHIPS[k].kind === kind && COMPANIES[PARTNERSHIPS[k].company].industry === industry);
    expect(partnershipStats.byIndustry).toEqual([
      { industry: 'HIGH_END_EQUIPMENT', kind: 'ORDER_CLASS', ...of('HIGH_END_EQUIPMENT', 'ORDER_CLASS') },
      { industry: 'DIGITAL_ECONOMY', kind: 'NAMED_CLASS', ...of('DIGITAL_ECONOMY', 'NAMED_CLASS') },
    ]);
    expect(partnershipStats.byIndustry[0]).toMatchObject({ partnerships: 2, classes: 3, seats: 120, enrolled: 113 });
  });

  test('cross-region agreements and students by partner province, narrowed to a year and a city', async () => {
    const byProvince = (year: number | null, cityCode: string | null) => {
      const rows = AGREEMENTS.filter(
        (a) => (year === null || a.signedOn.startsWith(String(year))) && (cityCode === null || SCHOOLS[a.school].cityCode === cityCode),
      );
      return [...new Set(rows.map((a) => a.province))].sort().map((code) => {
        const mine = rows.filter((a) => a.province === code);
        return {
          provinceCode: code,
          agreements: mine.length,
          seats: mine.reduce((s, a) => s + a.seats, 0),
          students: mine.reduce((s, a) => s + a.enrolled, 0),
        };
      });
    };
    const all = await t.ok(STATS, {});
    expect(all.partnershipStats.byPartnerProvince).toEqual(
      byProvince(null, null).map((r) => ({ ...r, provinceName: r.provinceCode === '510000' ? '四川省' : '贵州省' })),
    );
    const ningbo = await t.ok(STATS, { year: 2024, cityCode: '330200' });
    expect(ningbo.partnershipStats.byPartnerProvince).toEqual(byProvince(2024, '330200').map((r) => ({ ...r, provinceName: '四川省' })));
    expect(ningbo.partnershipStats.cityCode).toBe('330200');
    expect(ningbo.partnershipStats.byCity.map((r: any) => [r.kind, r.partnerships, r.classes])).toEqual([
      ['ORDER_CLASS', 0, 0],
      ['NAMED_CLASS', 0, 0],
      ['APPRENTICESHIP', 1, 0],
      ['WORK_STUDY', 0, 0],
    ]);
  });
});
