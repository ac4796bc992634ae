import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../helpers/test-app.js';
import { cityId, createSchool, firstError, versionOf } from '../helpers/fixtures.js';
import { cityAdmin, provinceAdmin } from '../helpers/authorities.js';
import { createUser } from '../helpers/users.js';
import { FixedClock } from '../../server/src/common/clock.js';

const clock = new FixedClock('2026-06-15T04:00:00Z');
let t: TestApp;
let lishui: Client;
let quzhou: Client;
let staff: Client;
let province: Client;
const ids: Record<string, string> = {};

const CREATE = `mutation($cityId: ID, $schoolId: ID, $kind: DisciplineKind!, $source: DisciplineSource!, $reportedOn: LocalDate!, $summary: String!, $findings: String, $measures: String, $attachments: [String!]) {
  createDisciplineCase(cityId: $cityId, schoolId: $schoolId, kind: $kind, source: $source, reportedOn: $reportedOn, summary: $summary, findings: $findings, measures: $measures, attachments: $attachments) { id status cityId attachments }
}`;
const MOVE = `mutation($id: ID!, $to: DisciplineStatus!, $on: LocalDate) { moveDisciplineCase(id: $id, to: $to, on: $on) { id status statusChangedOn referredOn } }`;
const base = { kind: 'FALSE_ADVERTISING', source: 'COMPLAINT', reportedOn: '2026-05-10', summary: '招生简章承诺“包分配、高薪就业”' };

beforeAll(async () => {
  t = await createTestApp({ clock });
  ids.lishui = await cityId(t, '331100');
  ids.quzhou = await cityId(t, '330800');
  ids.school = await createSchool(t, { name: '丽水秩序技工学校', cityCode: '331100' });
  lishui = await cityAdmin(t, ids.lishui);
  quzhou = await cityAdmin(t, ids.quzhou);
  province = await provinceAdmin(t);
  staff = await t.as(await createUser(t, { username: 'register.staff', role: 'SCHOOL_STAFF', cityId: ids.lishui, schoolId: ids.school }));
}, 120000);
afterAll(async () => {
  await t?.close();
});

describe('scope', () => {
  test('a city bureau registers cases of its city; a case about a school takes the school’s city', async () => {
    const created = await lishui.ok(CREATE, { ...base, schoolId: ids.school, attachments: ['https://rsj.lishui.gov.cn/files/complaint-0510.pdf'] });
    expect(created.createDisciplineCase).toMatchObject({
      status: 'OPEN',
      cityId: ids.lishui,
      attachments: ['https://rsj.lishui.gov.cn/files/complaint-0510.pdf'],
    });
    ids.case = created.createDisciplineCase.id;
    expect(firstError(await quzhou.gql(CREATE, { ...base, cityId: ids.lishui })).extensions.code).toBe('FORBIDDEN');
    expect(firstError(await quzhou.gql(CREATE, { ...base, schoolId: ids.school })).extensions.code).toBe('FORBIDDEN');
  });

  test('another city sees none of it; school staff may not read the register at all', async () => {
    expect((await quzhou.ok('{ allDisciplineCases { id } }')).allDisciplineCases).toEqual([]);
    expect(firstError(await quzhou.gql(MOVE, { id: ids.case, to: 'DISMISSED' })).extensions.code).toBe('FORBIDDEN');
    expect(firstError(await staff.gql('{ allDisciplineCases { id } }')).extensions.code).toBe('FORBIDDEN');
    expect(firstError(await staff.gql(CREATE, { ...base, schoolId: ids.school })).extensions.code).toBe('FORBIDDEN');
    expect((await province.ok('{ allDisciplineCases { id } }')).allDisciplineCases.map((c: { id: string }) => c.id)).toContain(ids.case);
  });

  test('foreign and malformed ids are refused without a change', async () => {
    // A scoped bureau cannot tell a case of another city from one that does not exist.
    expect(firstError(await lishui.gql(MOVE, { id: '999999', to: 'DISMISSED' })).extensions.code).toBe('FORBIDDEN');
    expect(firstError(await province.gql(MOVE, { id: '999999', to: 'DISMISSED' })).extensions.code).toBe('NOT_FOUND');
    expect(firstError(await lishui.gql(MOVE, { id: 'x'.repeat(5000), to: 'DISMISSED' })).extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('status transitions', () => {
  test('verifying needs findings; referral needs verification and measures; dates lie between the last step and today', async () => {
    expect(firstError(await lishui.gql(MOVE, { id: ids.case, to: 'REFERRED' })).extensions).toMatchObject({ rule: 'DISCIPLINE', field: 'status' });
    expect(firstError(await lishui.gql(MOVE, { id: ids.case, to: 'VERIFIED' })).extensions).toMatchObject({ rule: 'DISCIPLINE', field: 'findings' });
    await lishui.ok(`mutation($id: ID!, $v: Int!) { updateDisciplineCase(id: $id, version: $v, findings: "经核查，该校招生简章确有“包分配”表述") { id } }`, {
      id: ids.case,
      v: await versionOf(lishui, 'DisciplineCase', ids.case),
    });
    expect(firstError(await lishui.gql(MOVE, { id: ids.case, to: 'VERIFIED', on: '2026-06-16' })).extensions.field).toBe('on');
    expect(firstError(await lishui.gql(MOVE, { id: ids.case, to: 'VERIFIED', on: '2026-05-09' })).extensions.field).toBe('on');
    expect((await lishui.ok(MOVE, { id: ids.case, to: 'VERIFIED', on: '2026-06-01' })).moveDisciplineCase).toMatchObject({
      status: 'VERIFIED',
      statusChangedOn: '2026-06-01',
      referredOn: null,
    });
    expect(firstError(await lishui.gql(MOVE, { id: ids.case, to: 'REFERRED' })).extensions.field).toBe('measures');
    await lishui.ok(`mutation($id: ID!, $v: Int!) { updateDisciplineCase(id: $id, version: $v, measures: "责令整改，约谈学校负责人") { id } }`, {
      id: ids.case,
      v: await versionOf(lishui, 'DisciplineCase', ids.case),
    });
    expect((await lishui.ok(MOVE, { id: ids.case, to: 'REFERRED' })).moveDisciplineCase).toMatchObject({
      status: 'REFERRED',
      statusChangedOn: '2026-06-15',
      referredOn: '2026-06-15',
    });
  });

  test('a closed case no longer changes and is never deleted', async () => {
    const edit = await lishui.gql(`mutation($id: ID!, $v: Int!) { updateDisciplineCase(id: $id, version: $v, summary: "改写") { id } }`, {
      id: ids.case,
      v: await versionOf(lishui, 'DisciplineCase', ids.case),
    });
    expect(firstError(edit).extensions.rule).toBe('DISCIPLINE');
    expect(
      firstError(
        await lishui.gql(`mutation($id: ID!, $v: Int!) { deleteDisciplineCase(id: $id, version: $v) { id } }`, {
          id: ids.case,
          v: await versionOf(lishui, 'DisciplineCase', ids.case),
        }),
      ).extensions.rule,
    ).toBe('DISCIPLINE');
    expect(firstError(await lishui.gql(MOVE, { id: ids.case, to: 'DISMISSED' })).extensions.rule).toBe('DISCIPLINE');
  });

  test('a dismissed case counts apart from verified and referred ones', async () => {
    const open = await lishui.ok(CREATE, {
      ...base,
      kind: 'ILLEGAL_RECRUITMENT',
      source: 'INSPECTION',
      cityId: ids.lishui,
      reportedOn: '2026-06-02',
      findings: '查无实据',
    });
    await lishui.ok(MOVE, { id: open.createDisciplineCase.id, to: 'DISMISSED' });
    await lishui.ok(CREATE, { ...base, kind: 'MISLEADING_STUDENTS', cityId: ids.lishui, reportedOn: '2026-06-10' });
    const { disciplineCaseCounts } = await province.ok(
      '{ disciplineCaseCounts(year: 2026) { cityCode total open verified dismissed referred byKind { key count } } }',
    );
    expect(disciplineCaseCounts).toHaveLength(11);
    expect(disciplineCaseCounts.find((c: { cityCode: string }) => c.cityCode === '331100')).toEqual({
      cityCode: '331100',
      total: 3,
      open: 1,
      verified: 0,
      dismissed: 1,
      referred: 1,
      byKind: [
        { key: 'FALSE_ADVERTISING', count: 1 },
        { key: 'ILLEGAL_RECRUITMENT', count: 1 },
        { key: 'MISLEADING_STUDENTS', count: 1 },
      ],
    });
    expect((await quzhou.ok('{ disciplineCaseCounts(year: 2026) { cityCode total } }')).disciplineCaseCounts).toEqual([{ cityCode: '330800', total: 0 }]);
    const statuses = await lishui.ok('{ annualSummaryStatuses(year: 2026) { figures { disciplineCases disciplineCasesByStatus { key count } } } }');
    expect(statuses.annualSummaryStatuses[0].figures).toEqual({
      disciplineCases: 3,
      disciplineCasesByStatus: [
        { key: 'DISMISSED', count: 1 },
        { key: 'OPEN', count: 1 },
        { key: 'REFERRED', count: 1 },
      ],
    });
  });
});

describe('hostile input changes nothing', () => {
  test('links that are not http(s), too many or too long; huge text; an unknown kind', async () => {
    const before = (await province.ok('{ _allDisciplineCasesMeta { count } }'))._allDisciplineCasesMeta.count;
    expect(firstError(await lishui.gql(CREATE, { ...base, cityId: ids.lishui, attachments: ['javascript:alert(1)'] })).extensions.field).toBe('attachments');
    expect(
      firstError(await lishui.gql(CREATE, { ...base, cityId: ids.lishui, attachments: Array(21).fill('https://example.org/a.pdf') })).extensions.field,
    ).toBe('attachments');
    expect(
      firstError(await lishui.gql(CREATE, { ...base, cityId: ids.lishui, attachments: [`https://example.org/${'a'.repeat(600)}`] })).extensions.field,
    ).toBe('attachments');
    expect(firstError(await lishui.gql(CREATE, { ...base, cityId: ids.lishui, summary: '虚'.repeat(100000) })).extensions.field).toBe('summary');
    expect(firstError(await lishui.gql(CREATE, { ...base, cityId: ids.lishui, kind: 'BRIBERY' })).extensions.code).toBe('BAD_USER_INPUT');
    expect(firstError(await lishui.gql(CREATE, { kind: 'OTHER', source: 'OTHER', reportedOn: '2026-06-01', summary: '无地点' })).extensions.field).toBe(
      'cityId',
    );
    expect((await province.ok('{ _allDisciplineCasesMeta { count } }'))._allDisciplineCasesMeta.count).toBe(before);
  });
});
