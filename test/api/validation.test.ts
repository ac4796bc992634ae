import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { cityId, createPlan, createProgram, createSchool, firstError, markFiled, versionOf } from '../helpers/fixtures.js';

let t: TestApp;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  ids.hangzhou = await cityId(t, '330100');
  ids.school = await createSchool(t, { name: '校验技师学院', cityCode: '330100' });
  ids.program = await createProgram(t, { schoolId: ids.school, majorCode: '0102' });
  ids.plan = await createPlan(t, { programId: ids.program, year: 2025, seats: 30 });
  ids.other = await createSchool(t, { name: '另一技师学院', cityCode: '330100' });
  await markFiled(t, [ids.plan]);
});
afterAll(async () => {
  await t.close();
});

const count = async (meta: string) => (await t.ok(`{ ${meta} { count } }`))[meta].count as number;

describe('input validation: code BAD_USER_INPUT, the field, a message in Chinese and English, nothing written', () => {
  const cases: Array<{ what: string; mutation: string; variables: () => Record<string, unknown>; field: string; meta: string; zh: RegExp; en: RegExp }> = [
    {
      what: 'unknown Zhejiang city code as an intake origin',
      mutation: `mutation($plan: ID!) { createIntake(planId: $plan, count: 3, targetGroup: JUNIOR_HIGH_GRADUATE, originCode: "331500", registeredOn: "2025-09-01") { id } }`,
      variables: () => ({ plan: ids.plan }),
      field: 'originCode',
      meta: '_allIntakesMeta',
      zh: /未知的浙江设区市代码：331500/,
      en: /unknown Zhejiang city code: 331500/,
    },
    {
      what: 'unknown province code as an intake origin',
      mutation: `mutation($plan: ID!) { createIntake(planId: $plan, count: 3, targetGroup: JUNIOR_HIGH_GRADUATE, originCode: "990000", registeredOn: "2025-09-01") { id } }`,
      variables: () => ({ plan: ids.plan }),
      field: 'originCode',
      meta: '_allIntakesMeta',
      zh: /未知的省级行政区划代码/,
      en: /unknown province code: 990000/,
    },
    {
      what: 'malformed origin code',
      mutation: `mutation($plan: ID!) { createIntake(planId: $plan, count: 3, targetGroup: JUNIOR_HIGH_GRADUATE, originCode: "33010", registeredOn: "2025-09-01") { id } }`,
      variables: () => ({ plan: ids.plan }),
      field: 'originCode',
      meta: '_allIntakesMeta',
      zh: /生源地代码格式不正确/,
      en: /originCode is malformed/,
    },
    {
      what: 'target year outside 2023–2027',
      mutation: `mutation($city: ID!) { createCampaignTarget(cityId: $city, year: 2028, seats: 100) { id } }`,
      variables: () => ({ city: ids.hangzhou }),
      field: 'year',
      meta: '_allCampaignTargetsMeta',
      zh: /年度不能大于 2027/,
      en: /year must be at most 2027/,
    },
    {
      what: 'target year before the campaign',
      mutation: `mutation($city: ID!) { updateCampaignTarget(id: $city, version: 1, year: 2022) { id } }`,
      variables: () => ({ city: '1' }),
      field: 'year',
      meta: '_allCampaignTargetsMeta',
      zh: /年度不能小于 2023/,
      en: /year must be at least 2023/,
    },
    {
      what: 'negative seats',
      mutation: `mutation($program: ID!) { createEnrollmentPlan(programId: $program, year: 2026, season: AUTUMN, seats: -1) { id } }`,
      variables: () => ({ program: ids.program }),
      field: 'seats',
      meta: '_allEnrollmentPlansMeta',
      zh: /计划人数不能小于 0/,
      en: /seats must be at least 0/,
    },
    {
      what: 'empty name',
      mutation: `mutation($city: ID!) { createSchool(name: "   ", type: TECHNICAL_SCHOOL, cityId: $city) { id } }`,
      variables: () => ({ city: ids.hangzhou }),
      field: 'name',
      meta: '_allSchoolsMeta',
      zh: /学校名称不能为空/,
      en: /name must not be empty/,
    },
    {
      what: 'malformed city code',
      mutation: `mutation { createCity(code: "320100", nameZh: "南京市", nameEn: "Nanjing", displayOrder: 12) { id } }`,
      variables: () => ({}),
      field: 'code',
      meta: '_allCitiesMeta',
      zh: /行政区划代码格式不正确/,
      en: /code is malformed: must be a 6-digit Zhejiang city code/,
    },
    {
      what: 'malformed major code',
      mutation: `mutation { createMajor(code: "01A4", name: "坏代码", category: "机械类", levels: [INTERMEDIATE]) { id } }`,
      variables: () => ({}),
      field: 'code',
      meta: '_allMajorsMeta',
      zh: /专业代码格式不正确/,
      en: /code is malformed/,
    },
    {
      what: 'a reference to a row that does not exist',
      mutation: `mutation { createSchool(name: "无城学校", type: TECHNICAL_SCHOOL, cityId: "9999") { id } }`,
      variables: () => ({}),
      field: 'cityId',
      meta: '_allSchoolsMeta',
      zh: /找不到所在设区市：9999/,
      en: /cityId 9999 does not exist/,
    },
    {
      what: 'a plan line whose program belongs to another school',
      mutation: `mutation($program: ID!, $school: ID!) { createEnrollmentPlan(programId: $program, schoolId: $school, year: 2026, season: SPRING, seats: 5) { id } }`,
      variables: () => ({ program: ids.program, school: ids.other }),
      field: 'programId',
      meta: '_allEnrollmentPlansMeta',
      zh: /该专业不属于所选学校/,
      en: /does not belong to school/,
    },
    {
      what: 'a duplicate unique key',
      mutation: `mutation($program: ID!) { createEnrollmentPlan(programId: $program, year: 2025, season: AUTUMN, seats: 5) { id } }`,
      variables: () => ({ program: ids.program }),
      field: 'programId',
      meta: '_allEnrollmentPlansMeta',
      zh: /已存在相同/,
      en: /already exists/,
    },
  ];

  test.each(cases)('$what', async (c) => {
    const before = await count(c.meta);
    const result = await t.gql(c.mutation, c.variables());
    const error = firstError(result);
    expect(error.extensions.field).toBe(c.field);
    expect(['BAD_USER_INPUT', 'CONFLICT']).toContain(error.extensions.code);
    expect(error.extensions.messageZh).toMatch(c.zh);
    expect(error.extensions.messageEn).toMatch(c.en);
    expect(await count(c.meta)).toBe(before);
  });

  test('a duplicate is a CONFLICT naming the existing row', async () => {
    const result = await t.gql(`mutation($program: ID!) { createEnrollmentPlan(programId: $program, year: 2025, season: AUTUMN, seats: 5) { id } }`, {
      program: ids.program,
    });
    expect(firstError(result).extensions).toMatchObject({ code: 'CONFLICT', rule: 'UNIQUE', existingId: Number(ids.plan) });
  });

  test('a malformed calendar date is refused by the scalar', async () => {
    const result = await t.gql(
      `mutation($plan: ID!, $on: LocalDate!) { createIntake(planId: $plan, count: 3, targetGroup: OTHER, originCode: "330100", registeredOn: $on) { id } }`,
      { plan: ids.plan, on: '2025-02-30' },
    );
    expect(firstError(result).extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('referential integrity', () => {
  test('deleting a row still referenced is refused and deletes nothing', async () => {
    const result = await t.gql(`mutation($id: ID!, $v: Int!) { deleteCity(id: $id, version: $v) { id } }`, {
      id: ids.hangzhou,
      v: await versionOf(t, 'City', ids.hangzhou),
    });
    expect(firstError(result).extensions).toMatchObject({ code: 'CONFLICT', rule: 'REFERENCED', field: 'id' });
    expect(firstError(result).extensions.messageZh).toMatch(/^设区市“杭州市”仍被 \d+ 条[^A-Za-z]+记录引用，不能删除$/);
    expect((await t.ok(`query($id: ID!) { City(id: $id) { code } }`, { id: ids.hangzhou })).City).toEqual({ code: '330100' });
  });

  test('a school with programs cannot be deleted; once emptied it can', async () => {
    const school = await createSchool(t, { name: '待删技工学校', cityCode: '330100', type: 'TECHNICAL_SCHOOL' });
    const program = await createProgram(t, { schoolId: school, majorCode: '0401' });
    const refused = await t.gql(`mutation($id: ID!, $v: Int!) { deleteSchool(id: $id, version: $v) { id } }`, {
      id: school,
      v: await versionOf(t, 'School', school),
    });
    expect(firstError(refused).extensions).toMatchObject({ code: 'CONFLICT', rule: 'REFERENCED', referencedBy: 'Program', count: 1 });
    await t.ok(`mutation($id: ID!, $v: Int!) { deleteProgram(id: $id, version: $v) { id } }`, { id: program, v: await versionOf(t, 'Program', program) });
    expect(
      (await t.ok(`mutation($id: ID!, $v: Int!) { deleteSchool(id: $id, version: $v) { id } }`, { id: school, v: await versionOf(t, 'School', school) }))
        .deleteSchool,
    ).toEqual({ id: school });
  });

  test('a bulk delete of a referenced row rolls back the whole batch', async () => {
    const before = await count('_allSchoolsMeta');
    const result = await t.gql(`mutation($rows: [SchoolSaveRow!]!) { saveSchools(rows: $rows) { id } }`, {
      rows: [
        { name: '批内新校', type: 'TECHNICAL_SCHOOL', cityId: ids.hangzhou },
        { id: ids.school, version: await versionOf(t, 'School', ids.school), delete: true },
      ],
    });
    expect(firstError(result).extensions.rows).toEqual([expect.objectContaining({ index: 1, code: 'CONFLICT', rule: 'REFERENCED' })]);
    expect(await count('_allSchoolsMeta')).toBe(before);
  });
});

describe('errors never leak internals', () => {
  test('an unknown id format is a clear input error', async () => {
    const result = await t.gql(`{ School(id: "abc") { id } }`);
    expect(firstError(result).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(JSON.stringify(result)).not.toMatch(/select|stack|\.ts:/i);
  });
});
