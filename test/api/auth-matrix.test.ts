import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../helpers/test-app.js';
import { cityId, createPlan, createProgram, createSchool, firstError, versionOf } from '../helpers/fixtures.js';
import { createUser } from '../helpers/users.js';

let t: TestApp;
type Name = 'cityA' | 'cityB' | 'planA' | 'planB' | 'planP' | 'programA' | 'programB' | 'programP' | 'provincial' | 'schoolA' | 'schoolB';
const ids = {} as Record<Name, string>;
const as = {} as Record<'admin' | 'cityA' | 'cityB' | 'staffA' | 'analyst', Client>;

/** 杭州 (A) and 宁波 (B), a school in each, a provincial college in 杭州, and one user per role. */
beforeAll(async () => {
  t = await createTestApp();
  ids.cityA = await cityId(t, '330100');
  ids.cityB = await cityId(t, '330200');
  ids.schoolA = await createSchool(t, { name: '甲市技师学院', cityCode: '330100' });
  ids.schoolB = await createSchool(t, { name: '乙市技师学院', cityCode: '330200' });
  ids.provincial = await createSchool(t, { name: '省属技师学院', cityCode: '330100', provincial: true });
  ids.programA = await createProgram(t, { schoolId: ids.schoolA, majorCode: '0102' });
  ids.programB = await createProgram(t, { schoolId: ids.schoolB, majorCode: '0102' });
  ids.programP = await createProgram(t, { schoolId: ids.provincial, majorCode: '0102' });
  ids.planA = await createPlan(t, { programId: ids.programA, year: 2026, seats: 40 });
  ids.planB = await createPlan(t, { programId: ids.programB, year: 2026, seats: 40 });
  ids.planP = await createPlan(t, { programId: ids.programP, year: 2026, seats: 40 });
  as.admin = await t.as(1);
  as.cityA = await t.as(await createUser(t, { username: 'hz.admin', role: 'CITY_ADMIN', cityId: ids.cityA }));
  as.cityB = await t.as(await createUser(t, { username: 'nb.admin', role: 'CITY_ADMIN', cityId: ids.cityB }));
  as.staffA = await t.as(await createUser(t, { username: 'a.staff', role: 'SCHOOL_STAFF', schoolId: ids.schoolA }));
  as.analyst = await t.as(await createUser(t, { username: 'analyst', role: 'ANALYST' }));
});
afterAll(async () => {
  await t.close();
});

const names = (rows: Array<{ name: string }>) => rows.map((r) => r.name).sort();
const code = (result: { errors?: Array<{ extensions: Record<string, any> }> }) => firstError(result).extensions.code;

describe('reads are scoped in the data layer', () => {
  test('lists and counts', async () => {
    const query = `{ allSchools { name } _allSchoolsMeta { count } }`;
    expect(names((await as.admin.ok(query)).allSchools)).toEqual(['乙市技师学院', '甲市技师学院', '省属技师学院']);
    expect(names((await as.cityA.ok(query)).allSchools)).toEqual(['甲市技师学院', '省属技师学院']);
    expect((await as.cityA.ok(query))._allSchoolsMeta.count).toBe(2);
    expect(names((await as.cityB.ok(query)).allSchools)).toEqual(['乙市技师学院']);
    expect(names((await as.staffA.ok(query)).allSchools)).toEqual(['甲市技师学院']);
    expect((await as.analyst.ok(query))._allSchoolsMeta.count).toBe(3);
  });

  test('filters cannot reach another city', async () => {
    const data = await as.cityA.ok(
      `query($b: ID!, $school: ID!) {
      plans: allEnrollmentPlans(filter: { cityId: $b }) { id }
      count: _allProgramsMeta(filter: { schoolId: $school }) { count }
      byIds: allEnrollmentPlans(filter: { ids: ["${ids.planA}", "${ids.planB}"] }) { id }
    }`,
      { b: ids.cityB, school: ids.schoolB },
    );
    expect(data).toEqual({ plans: [], count: { count: 0 }, byIds: [{ id: ids.planA }] });
  });

  test('a row elsewhere reads as no row, by id, through nested fields and through _entities', async () => {
    const data = await as.cityA.ok(
      `query($school: ID!, $b: ID!) {
      School(id: $school) { name }
      City(id: $b) { nameZh schools { name } }
      cities: allCities(filter: { code: "330200" }) { schools { name } }
      _entities(representations: [{ __typename: "School", id: "${ids.schoolB}" }, { __typename: "School", id: "${ids.schoolA}" }]) { ... on School { name } }
    }`,
      { school: ids.schoolB, b: ids.cityB },
    );
    expect(data).toEqual({
      School: null,
      City: { nameZh: '宁波市', schools: [] },
      cities: [{ schools: [] }],
      _entities: [null, { name: '甲市技师学院' }],
    });
  });

  test('accounts are for province admins only; any other role reads its own alone', async () => {
    const own = (await as.cityA.ok(`{ me { username } }`)).me.username;
    expect((await as.cityA.ok(`{ allUsers { username } }`)).allUsers).toEqual([{ username: own }]);
    expect((await as.cityA.ok(`{ _allUsersMeta { count } }`))._allUsersMeta.count).toBe(1);
    expect((await as.admin.ok(`{ _allUsersMeta { count } }`))._allUsersMeta.count).toBe(5);
  });
});

describe('writes are checked for role and place', () => {
  const rename = `mutation($id: ID!, $v: Int!, $name: String!) { updateSchool(id: $id, version: $v, name: $name) { name } }`;

  test('a city admin edits its own city, not another', async () => {
    expect((await as.cityA.ok(rename, { id: ids.schoolA, v: await versionOf(t, 'School', ids.schoolA), name: '甲市技师学院' })).updateSchool.name).toBe(
      '甲市技师学院',
    );
    expect(code(await as.cityA.gql(rename, { id: ids.schoolB, v: await versionOf(t, 'School', ids.schoolB), name: '改名' }))).toBe('FORBIDDEN');
    expect(code(await as.cityA.gql(`mutation($b: ID!) { createSchool(name: "越界学校", type: TECHNICAL_SCHOOL, cityId: $b) { id } }`, { b: ids.cityB }))).toBe(
      'FORBIDDEN',
    );
    expect(
      code(
        await as.cityA.gql(`mutation($id: ID!, $b: ID!, $v: Int!) { updateSchool(id: $id, version: $v, cityId: $b) { id } }`, {
          id: ids.schoolA,
          b: ids.cityB,
          v: await versionOf(t, 'School', ids.schoolA),
        }),
      ),
    ).toBe('FORBIDDEN');
    expect((await as.admin.ok(`query($id: ID!) { School(id: $id) { name city { code } } }`, { id: ids.schoolB })).School).toEqual({
      name: '乙市技师学院',
      city: { code: '330200' },
    });
  });

  test('whether a row exists elsewhere is not revealed', async () => {
    expect(code(await as.cityA.gql(`mutation { deleteSchool(id: "999999", version: 1) { id } }`))).toBe('FORBIDDEN');
    expect(
      code(
        await as.cityA.gql(`mutation($id: ID!, $v: Int!) { deleteSchool(id: $id, version: $v) { id } }`, {
          id: ids.schoolB,
          v: await versionOf(t, 'School', ids.schoolB),
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(code(await as.admin.gql(`mutation { deleteSchool(id: "999999", version: 1) { id } }`))).toBe('NOT_FOUND');
  });

  test('a bulk save with one row elsewhere saves nothing', async () => {
    const before = (await as.admin.ok(`{ _allSchoolsMeta { count } }`))._allSchoolsMeta.count;
    const result = await as.cityA.gql(`mutation($rows: [SchoolSaveRow!]!) { saveSchools(rows: $rows) { id } }`, {
      rows: [
        { name: '甲市新技工学校', type: 'TECHNICAL_SCHOOL', cityId: ids.cityA },
        { id: ids.schoolB, name: '偷改' },
      ],
    });
    expect(firstError(result).extensions.rows).toEqual([expect.objectContaining({ index: 1, code: 'FORBIDDEN' })]);
    expect((await as.admin.ok(`{ _allSchoolsMeta { count } }`))._allSchoolsMeta.count).toBe(before);
  });

  test('reference data is the province\u2019s; analysts and services only read', async () => {
    const target = `mutation { updateCampaignTarget(id: "1", version: 1, seats: 1) { id } }`;
    expect(code(await as.cityA.gql(target))).toBe('FORBIDDEN');
    expect(code(await as.analyst.gql(target))).toBe('FORBIDDEN');
    expect(code(await as.analyst.gql(rename, { id: ids.schoolA, v: await versionOf(t, 'School', ids.schoolA), name: '分析员改名' }))).toBe('FORBIDDEN');
    expect(code(await as.staffA.gql(`mutation($a: ID!) { createSchool(name: "职员建校", type: TECHNICAL_SCHOOL, cityId: $a) { id } }`, { a: ids.cityA }))).toBe(
      'FORBIDDEN',
    );
  });

  test('school staff draft their own school\u2019s plans only', async () => {
    const draft = `mutation($program: ID!) { createEnrollmentPlan(programId: $program, year: 2027, season: AUTUMN, seats: 20) { id school { name } } }`;
    expect((await as.staffA.ok(draft, { program: ids.programA })).createEnrollmentPlan.school.name).toBe('甲市技师学院');
    expect(code(await as.staffA.gql(draft, { program: ids.programB }))).toBe('FORBIDDEN');
  });
});

describe('plan transitions follow the chain of authority (R4, R6)', () => {
  const step = (name: string, id: string) => `mutation { ${name}(ids: ["${id}"]) { id status } }`;

  test('school submits, its city approves, the province files', async () => {
    expect(code(await as.cityB.gql(step('submitPlans', ids.planA)))).toBe('FORBIDDEN');
    expect((await as.staffA.ok(step('submitPlans', ids.planA))).submitPlans).toEqual([{ id: ids.planA, status: 'SUBMITTED' }]);
    expect(
      code(
        await as.staffA.gql(`mutation($id: ID!, $v: Int!) { updateEnrollmentPlan(id: $id, version: $v, seats: 41) { id } }`, {
          id: ids.planA,
          v: await versionOf(t, 'EnrollmentPlan', ids.planA),
        }),
      ),
    ).toBe('FORBIDDEN');
    // another city's line answers as a missing one: no rule, nothing of its status
    const foreign = { code: 'FORBIDDEN', rule: null, field: null, message: '无权访问或修改该招生计划记录 (you may not access or change this EnrollmentPlan)' };
    expect(firstError(await as.cityB.gql(step('approvePlans', ids.planA))).extensions.rows).toEqual([{ index: 0, id: ids.planA, ...foreign }]);
    expect(firstError(await as.cityB.gql(step('approvePlans', '999999'))).extensions.rows).toEqual([{ index: 0, id: '999999', ...foreign }]);
    expect(code(await as.admin.gql(step('approvePlans', ids.planA)))).toBe('FORBIDDEN');
    expect((await as.cityA.ok(step('approvePlans', ids.planA))).approvePlans).toEqual([{ id: ids.planA, status: 'APPROVED' }]);
    expect(firstError(await as.cityA.gql(step('filePlans', ids.planA))).extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'R6' });
    expect((await as.admin.ok(step('filePlans', ids.planA))).filePlans).toEqual([{ id: ids.planA, status: 'FILED' }]);
  });

  test('a provincial school\u2019s plans are approved by the province, not by its city', async () => {
    await as.admin.ok(step('submitPlans', ids.planP));
    expect(firstError(await as.cityA.gql(step('approvePlans', ids.planP))).extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'R4' });
    expect((await as.admin.ok(step('approvePlans', ids.planP))).approvePlans).toEqual([{ id: ids.planP, status: 'APPROVED' }]);
  });
});

describe('analytics cover only the actor\u2019s place', () => {
  test('a city bureau gets its own city\u2019s figures and no one else\u2019s', async () => {
    const progress = await as.cityA.ok(`{ campaignProgress(year: 2025) { rows { cityCode } } }`);
    expect([...new Set(progress.campaignProgress.rows.map((r: { cityCode: string }) => r.cityCode))]).toEqual(['330100']);
    expect(code(await as.cityA.gql(`{ campaignProgress(cityCode: "330200") { rows { cityCode } } }`))).toBe('FORBIDDEN');
    expect(code(await as.cityA.gql(`{ sourceMix(cityCode: "330200") { cityCode } }`))).toBe('FORBIDDEN');
    expect(code(await as.cityA.gql(`query($s: ID) { levelMix(schoolId: $s) { year } }`, { s: ids.schoolB }))).toBe('FORBIDDEN');
    expect(code(await as.cityA.gql(`{ cityRanking { cityCode } }`))).toBe('FORBIDDEN');
    const gaps = await as.cityA.ok(`{ schoolTargetGaps(year: 2026) { cityId } }`);
    expect(gaps.schoolTargetGaps).toEqual([{ cityId: ids.cityA }]);
    const analyst = await as.analyst.ok(`{ cityRanking(year: 2025) { cityCode } }`);
    expect(analyst.cityRanking).toHaveLength(11);
  });

  test('adjustments are asked for by an office of the line\u2019s place and decided by its issuer', async () => {
    expect(code(await as.cityB.gql(`mutation($p: ID!) { requestPlanAdjustment(planId: $p, newSeats: 45, reason: "越权") { id } }`, { p: ids.planA }))).toBe(
      'FORBIDDEN',
    );
    const asked = await as.staffA.ok(`mutation($p: ID!) { requestPlanAdjustment(planId: $p, newSeats: 45, reason: "扩招") { id requestedBy } }`, {
      p: ids.planA,
    });
    expect(asked.requestPlanAdjustment.requestedBy).toBe('a.staff');
    const decide = `mutation($id: ID!) { decidePlanAdjustment(id: $id, decision: APPROVED) { decision decidedBy } }`;
    expect(firstError(await as.staffA.gql(decide, { id: asked.requestPlanAdjustment.id })).extensions).toMatchObject({ code: 'FORBIDDEN', rule: 'R4' });
    expect((await as.cityA.ok(decide, { id: asked.requestPlanAdjustment.id })).decidePlanAdjustment).toEqual({ decision: 'APPROVED', decidedBy: 'hz.admin' });
  });
});
