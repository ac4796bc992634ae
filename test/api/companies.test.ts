import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { mutationFor } from '../helpers/operations.js';
import { cityId, firstError } from '../helpers/fixtures.js';
import { checkCharacter, countOf, create, creditCode, withWrongCheck } from '../helpers/company-fixtures.js';

let t: TestApp;
let hangzhou: string;
let ningbo: string;

beforeAll(async () => {
  t = await createTestApp();
  hangzhou = await cityId(t, '330100');
  ningbo = await cityId(t, '330200');
});
afterAll(async () => {
  await t.close();
});

const FIELDS = 'id name shortName creditCode industry cityId city { code } version';

describe('Company CRUD', () => {
  test('creates, reads, updates and deletes a company', async () => {
    const code = creditCode('330100', 1001);
    const created = await create(
      t,
      'createCompany',
      { name: '杭州恒远智能装备有限公司', shortName: '恒远智能', creditCode: code, industry: 'HIGH_END_EQUIPMENT', cityId: hangzhou },
      FIELDS,
    );
    expect(created).toEqual({
      id: created.id,
      name: '杭州恒远智能装备有限公司',
      shortName: '恒远智能',
      creditCode: code,
      industry: 'HIGH_END_EQUIPMENT',
      cityId: hangzhou,
      city: { code: '330100' },
      version: 1,
    });

    const read = await t.ok(`query($id: ID!) { Company(id: $id) { ${FIELDS} } }`, { id: created.id });
    expect(read.Company).toEqual(created);

    const updated = await t.ok(
      await mutationFor(t, 'updateCompany', { id: created.id, version: 1, industry: 'DIGITAL_ECONOMY', cityId: ningbo }, 'industry cityId version'),
      { id: created.id, version: 1, industry: 'DIGITAL_ECONOMY', cityId: ningbo },
    );
    expect(updated.updateCompany).toEqual({ industry: 'DIGITAL_ECONOMY', cityId: ningbo, version: 2 });

    const list = await t.ok(`{ allCompanies(filter: { industry: DIGITAL_ECONOMY }) { id name } }`);
    expect(list.allCompanies).toEqual([{ id: created.id, name: '杭州恒远智能装备有限公司' }]);
    const search = await t.ok(`query($q: String) { allCompanies(filter: { q: $q }) { id } }`, { q: code.slice(0, 12) });
    expect(search.allCompanies).toEqual([{ id: created.id }]);

    await t.ok(`mutation($id: ID!) { deleteCompany(id: $id, version: 2) { id } }`, { id: created.id });
    expect(await countOf(t, 'Company', 'Companies')).toBe(0);
  });

  test('industry values carry Chinese descriptions', async () => {
    const data = await t.ok(`{ __type(name: "Industry") { enumValues { name description } } }`);
    const values = data.__type.enumValues as Array<{ name: string; description: string }>;
    expect(values.map((v) => v.name)).toEqual([
      'NEW_GENERATION_IT',
      'HIGH_END_EQUIPMENT',
      'MODERN_CONSUMER_HEALTH',
      'GREEN_PETROCHEMICAL_MATERIALS',
      'EMERGING_MANUFACTURING',
      'DIGITAL_ECONOMY',
      'MODERN_AGRICULTURE',
      'MODERN_SERVICES',
      'OTHER',
    ]);
    expect(values.find((v) => v.name === 'MODERN_AGRICULTURE')!.description).toBe('现代农业');
    expect(values.every((v) => /[\u4e00-\u9fff]/.test(v.description))).toBe(true);
  });
});

describe('统一社会信用代码 check character', () => {
  test.each([
    ['published code of a Fuzhou company', '91350100M000100Y43'],
    ['published code of a Hangzhou company', '91330100716105852F'],
    ['generated for Wenzhou', creditCode('330300', 42)],
    ['generated for Lishui', creditCode('331100', 987654)],
  ])('accepts a valid code (%s)', async (_label, code) => {
    expect(checkCharacter(code.slice(0, 17))).toBe(code[17]);
    const created = await create(t, 'createCompany', { name: `企业${code}`, creditCode: code, industry: 'OTHER', cityId: hangzhou }, 'creditCode');
    expect(created.creditCode).toBe(code);
  });

  test('refuses a wrong check character and names the expected one', async () => {
    const code = '9133010060913454XP';
    const expected = checkCharacter(code.slice(0, 17));
    expect(expected).toBe('6');
    const result = await t.gql(await mutationFor(t, 'createCompany', { name: '校验失败公司', creditCode: code, industry: 'OTHER', cityId: hangzhou }, 'id'), {
      name: '校验失败公司',
      creditCode: code,
      industry: 'OTHER',
      cityId: hangzhou,
    });
    const error = firstError(result);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'creditCode', expectedCheckCharacter: '6' });
    expect(error.extensions.messageZh).toContain('第 18 位应为 6');
    expect(error.extensions.messageEn).toContain('should be 6');
    expect(await countOf(t, 'Company', 'Companies', { q: '校验失败' })).toBe(0);
  });

  test.each([
    ['17 characters', '91330100716105852'],
    ['a letter outside the charset (I)', '91330100716105852I'],
    ['lower case', '91350100m000100y43'],
  ])('refuses a malformed code: %s', async (_label, code) => {
    const result = await t.gql(await mutationFor(t, 'createCompany', { name: '格式错误公司', creditCode: code, industry: 'OTHER', cityId: hangzhou }, 'id'), {
      name: '格式错误公司',
      creditCode: code,
      industry: 'OTHER',
      cityId: hangzhou,
    });
    expect(firstError(result).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'creditCode' });
  });

  test('a credit code is unique', async () => {
    const code = creditCode('330200', 7);
    await create(t, 'createCompany', { name: '宁波甲公司', creditCode: code, industry: 'OTHER', cityId: ningbo });
    const result = await t.gql(await mutationFor(t, 'createCompany', { name: '宁波乙公司', creditCode: code, industry: 'OTHER', cityId: ningbo }, 'id'), {
      name: '宁波乙公司',
      creditCode: code,
      industry: 'OTHER',
      cityId: ningbo,
    });
    expect(firstError(result).extensions).toMatchObject({ code: 'CONFLICT', rule: 'UNIQUE', field: 'creditCode' });
  });
});

describe('saveCompanies', () => {
  test('one row with a wrong check character saves nothing', async () => {
    const before = await countOf(t, 'Company', 'Companies');
    const rows = [
      { name: '批量一公司', creditCode: creditCode('330400', 1), industry: 'MODERN_SERVICES', cityId: hangzhou },
      { name: '批量二公司', creditCode: withWrongCheck(creditCode('330400', 2)), industry: 'MODERN_SERVICES', cityId: hangzhou },
      { name: '批量三公司', creditCode: creditCode('330400', 3), industry: 'MODERN_SERVICES', cityId: hangzhou },
    ];
    const result = await t.gql(`mutation($rows: [CompanySaveRow!]!) { saveCompanies(rows: $rows) { id } }`, { rows });
    expect(result.errors![0]!.extensions.rows).toEqual([
      { index: 1, code: 'BAD_USER_INPUT', rule: 'R11', field: 'creditCode', message: expect.stringContaining(`应为 ${creditCode('330400', 2)[17]}`) },
    ]);
    expect(await countOf(t, 'Company', 'Companies')).toBe(before);
    expect(await countOf(t, 'Company', 'Companies', { q: '批量' })).toBe(0);
  });

  test('valid rows are created, updated and deleted together', async () => {
    const first = await create(
      t,
      'createCompany',
      { name: '嘉兴旧名公司', creditCode: creditCode('330400', 10), industry: 'OTHER', cityId: hangzhou },
      'id version',
    );
    const gone = await create(
      t,
      'createCompany',
      { name: '嘉兴待删公司', creditCode: creditCode('330400', 11), industry: 'OTHER', cityId: hangzhou },
      'id version',
    );
    const rows = [
      { id: first.id, version: first.version, name: '嘉兴新名公司' },
      { id: gone.id, version: gone.version, delete: true },
      { name: '嘉兴新增公司', creditCode: creditCode('330400', 12), industry: 'MODERN_AGRICULTURE', cityId: ningbo },
    ];
    const data = await t.ok(`mutation($rows: [CompanySaveRow!]!) { saveCompanies(rows: $rows) { name industry version } }`, { rows });
    expect(data.saveCompanies).toEqual([
      { name: '嘉兴新名公司', industry: 'OTHER', version: 2 },
      { name: '嘉兴新增公司', industry: 'MODERN_AGRICULTURE', version: 1 },
    ]);
    const read = await t.ok(`{ allCompanies(filter: { q: "嘉兴" }, sortField: "name") { name } }`);
    expect(read.allCompanies).toEqual([{ name: '嘉兴新名公司' }, { name: '嘉兴新增公司' }]);
  });
});
