import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { mutationFor } from '../helpers/operations.js';
import { cityId, createSchool, firstError, versionOf } from '../helpers/fixtures.js';
import { countOf, create, createCompany, createPartnership, creditCode } from '../helpers/company-fixtures.js';

let t: TestApp;
let school: string;
let company: string;

beforeAll(async () => {
  t = await createTestApp();
  school = await createSchool(t, { name: '湖州合作技师学院', cityCode: '330500' });
  company = await createCompany(t, { name: '湖州南太湖电机有限公司', creditCode: creditCode('330500', 501), cityId: await cityId(t, '330500') });
});
afterAll(async () => {
  await t.close();
});

const FIELDS = 'id schoolId companyId school { name } company { name } kind startsOn endsOn status positionsOffered notes version';

describe('Partnership CRUD', () => {
  test('creates, reads, updates and deletes a partnership', async () => {
    const args = {
      schoolId: school,
      companyId: company,
      kind: 'APPRENTICESHIP',
      startsOn: '2024-09-01',
      endsOn: '2027-06-30',
      positionsOffered: 30,
      notes: '企业新型学徒制试点',
    };
    const created = await create(t, 'createPartnership', args, FIELDS);
    expect(created).toEqual({
      id: created.id,
      schoolId: school,
      companyId: company,
      school: { name: '湖州合作技师学院' },
      company: { name: '湖州南太湖电机有限公司' },
      kind: 'APPRENTICESHIP',
      startsOn: '2024-09-01',
      endsOn: '2027-06-30',
      status: 'ACTIVE',
      positionsOffered: 30,
      notes: '企业新型学徒制试点',
      version: 1,
    });
    const read = await t.ok(`query($id: ID!) { Partnership(id: $id) { ${FIELDS} } }`, { id: created.id });
    expect(read.Partnership).toEqual(created);

    const change = { id: created.id, version: 1, status: 'SUSPENDED', endsOn: null };
    const updated = await t.ok(await mutationFor(t, 'updatePartnership', change, 'status endsOn version'), change);
    expect(updated.updatePartnership).toEqual({ status: 'SUSPENDED', endsOn: null, version: 2 });

    const companies = await t.ok(`query($id: ID!) { Company(id: $id) { partnerships { id kind } } }`, { id: company });
    expect(companies.Company.partnerships).toEqual([{ id: created.id, kind: 'APPRENTICESHIP' }]);
    const filtered = await t.ok(`query($school: ID) { allPartnerships(filter: { schoolId: $school, status: SUSPENDED }) { id } }`, { school });
    expect(filtered.allPartnerships).toEqual([{ id: created.id }]);

    await t.ok(`mutation($id: ID!) { deletePartnership(id: $id, version: 2) { id } }`, { id: created.id });
    expect(await countOf(t, 'Partnership', 'Partnerships')).toBe(0);
  });

  test.each([
    ['the same day', '2024-09-01'],
    ['an earlier day', '2024-08-31'],
  ])('refuses an end on %s as the start', async (_label, endsOn) => {
    const args = { schoolId: school, companyId: company, kind: 'ORDER_CLASS', startsOn: '2024-09-01', endsOn };
    const result = await t.gql(await mutationFor(t, 'createPartnership', args, 'id'), args);
    expect(firstError(result).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endsOn' });
    expect(await countOf(t, 'Partnership', 'Partnerships')).toBe(0);
  });

  test('refuses an unknown company', async () => {
    const args = { schoolId: school, companyId: '999999', kind: 'ORDER_CLASS', startsOn: '2024-09-01' };
    const result = await t.gql(await mutationFor(t, 'createPartnership', args, 'id'), args);
    expect(firstError(result).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'companyId' });
  });
});

describe('savePartnerships', () => {
  test('one bad row saves nothing; good rows save together', async () => {
    const rows = [
      { schoolId: school, companyId: company, kind: 'ORDER_CLASS', startsOn: '2025-03-01' },
      { schoolId: school, companyId: company, kind: 'NAMED_CLASS', startsOn: '2025-03-01', endsOn: '2024-03-01' },
      { schoolId: school, companyId: company, kind: 'WORK_STUDY', startsOn: '2025-03-01', positionsOffered: -1 },
    ];
    const refused = await t.gql(`mutation($rows: [PartnershipSaveRow!]!) { savePartnerships(rows: $rows) { id } }`, { rows });
    expect(refused.errors![0]!.extensions.rows).toEqual([
      expect.objectContaining({ index: 1, code: 'BAD_USER_INPUT', field: 'endsOn' }),
      expect.objectContaining({ index: 2, code: 'BAD_USER_INPUT', field: 'positionsOffered' }),
    ]);
    expect(await countOf(t, 'Partnership', 'Partnerships')).toBe(0);

    const good = [rows[0], { ...rows[1], endsOn: '2028-03-01' }, { ...rows[2], positionsOffered: 5 }];
    const saved = await t.ok(`mutation($rows: [PartnershipSaveRow!]!) { savePartnerships(rows: $rows) { kind endsOn positionsOffered } }`, { rows: good });
    expect(saved.savePartnerships).toEqual([
      { kind: 'ORDER_CLASS', endsOn: null, positionsOffered: null },
      { kind: 'NAMED_CLASS', endsOn: '2028-03-01', positionsOffered: null },
      { kind: 'WORK_STUDY', endsOn: null, positionsOffered: 5 },
    ]);
    const read = await t.ok(`{ allPartnerships(sortField: "kind") { kind } }`);
    expect(read.allPartnerships).toEqual([{ kind: 'NAMED_CLASS' }, { kind: 'ORDER_CLASS' }, { kind: 'WORK_STUDY' }]);
  });
});

describe('deleting a partner', () => {
  test('a school with partnerships cannot be deleted, and can once they are gone', async () => {
    const other = await createSchool(t, { name: '湖州待删技工学校', cityCode: '330500', type: 'TECHNICAL_SCHOOL' });
    const partnership = await createPartnership(t, { schoolId: other, companyId: company });

    const refused = await t.gql(`mutation($id: ID!, $v: Int!) { deleteSchool(id: $id, version: $v) { id } }`, {
      id: other,
      v: await versionOf(t, 'School', other),
    });
    expect(firstError(refused).extensions).toMatchObject({ code: 'CONFLICT', rule: 'REFERENCED', field: 'id', referencedBy: 'Partnership', count: 1 });
    const still = await t.ok(`query($id: ID!) { School(id: $id) { name } }`, { id: other });
    expect(still.School).toEqual({ name: '湖州待删技工学校' });

    const companyRefused = await t.gql(`mutation($id: ID!, $v: Int!) { deleteCompany(id: $id, version: $v) { id } }`, {
      id: company,
      v: await versionOf(t, 'Company', company),
    });
    expect(firstError(companyRefused).extensions).toMatchObject({ code: 'CONFLICT', rule: 'REFERENCED', referencedBy: 'Partnership' });

    await t.ok(`mutation($id: ID!, $v: Int!) { deletePartnership(id: $id, version: $v) { id } }`, {
      id: partnership,
      v: await versionOf(t, 'Partnership', partnership),
    });
    await t.ok(`mutation($id: ID!, $v: Int!) { deleteSchool(id: $id, version: $v) { id } }`, { id: other, v: await versionOf(t, 'School', other) });
    const gone = await t.ok(`query($id: ID!) { School(id: $id) { name } }`, { id: other });
    expect(gone.School).toBeNull();
  });
});
