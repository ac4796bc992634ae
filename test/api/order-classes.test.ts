import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { mutationFor } from '../helpers/operations.js';
import { cityId, createPlan, createProgram, createSchool, firstError, markFiled } from '../helpers/fixtures.js';
import { countOf, create, createCompany, createPartnership, creditCode } from '../helpers/company-fixtures.js';

let t: TestApp;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  const shaoxing = await cityId(t, '330600');
  ids.school = await createSchool(t, { name: '绍兴订单技师学院', cityCode: '330600' });
  ids.otherSchool = await createSchool(t, { name: '绍兴另一技工学校', cityCode: '330600', type: 'TECHNICAL_SCHOOL' });
  ids.program = await createProgram(t, { schoolId: ids.school, majorCode: '0102' });
  ids.otherProgram = await createProgram(t, { schoolId: ids.otherSchool, majorCode: '0102' });
  // order classes rest on approved and filed seats (R11)
  await markFiled(t, [await createPlan(t, { programId: ids.program, year: 2025, seats: 200 })]);
  ids.company = await createCompany(t, { name: '绍兴越城精密机械有限公司', shortName: '越城精机', creditCode: creditCode('330600', 601), cityId: shaoxing });
  ids.orderPartnership = await createPartnership(t, { schoolId: ids.school, companyId: ids.company, kind: 'ORDER_CLASS' });
  ids.namedPartnership = await createPartnership(t, { schoolId: ids.school, companyId: ids.company, kind: 'NAMED_CLASS' });
});
afterAll(async () => {
  await t.close();
});

const FIELDS = 'id partnershipId programId program { id } partnership { kind } year season name seats enrolled employmentCommitment stipendPerYear version';
const base = () => ({ partnershipId: ids.orderPartnership, programId: ids.program, year: 2025, season: 'AUTUMN', name: '数控订单班', seats: 30 });

async function refused(args: Record<string, unknown>) {
  const result = await t.gql(await mutationFor(t, 'createOrderClass', args, 'id'), args);
  return firstError(result).extensions;
}

describe('OrderClass CRUD', () => {
  test('creates, reads, updates and deletes an order class', async () => {
    const args = { ...base(), enrolled: 28, employmentCommitment: 80, stipendPerYear: 3000 };
    const created = await create(t, 'createOrderClass', args, FIELDS);
    expect(created).toEqual({
      id: created.id,
      partnershipId: ids.orderPartnership,
      programId: ids.program,
      program: { id: ids.program },
      partnership: { kind: 'ORDER_CLASS' },
      year: 2025,
      season: 'AUTUMN',
      name: '数控订单班',
      seats: 30,
      enrolled: 28,
      employmentCommitment: 80,
      stipendPerYear: 3000,
      version: 1,
    });
    const read = await t.ok(`query($id: ID!) { OrderClass(id: $id) { ${FIELDS} } }`, { id: created.id });
    expect(read.OrderClass).toEqual(created);

    const change = { id: created.id, version: 1, enrolled: 30, employmentCommitment: 100 };
    const updated = await t.ok(await mutationFor(t, 'updateOrderClass', change, 'enrolled employmentCommitment version'), change);
    expect(updated.updateOrderClass).toEqual({ enrolled: 30, employmentCommitment: 100, version: 2 });

    const children = await t.ok(`query($id: ID!) { Partnership(id: $id) { orderClasses(year: 2025) { name } } }`, { id: ids.orderPartnership });
    expect(children.Partnership.orderClasses).toEqual([{ name: '数控订单班' }]);
    const byCompany = await t.ok(`query($company: ID) { allOrderClasses(filter: { companyId: $company, kind: ORDER_CLASS }) { id } }`, {
      company: ids.company,
    });
    expect(byCompany.allOrderClasses).toEqual([{ id: created.id }]);

    await t.ok(`mutation($id: ID!) { deleteOrderClass(id: $id, version: 2) { id } }`, { id: created.id });
    expect(await countOf(t, 'OrderClass', 'OrderClasses')).toBe(0);
  });

  test('refuses more enrolled students than seats', async () => {
    expect(await refused({ ...base(), seats: 20, enrolled: 21 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'enrolled' });
  });

  test.each([-1, 101])('refuses an employment commitment of %i %%', async (employmentCommitment) => {
    expect(await refused({ ...base(), employmentCommitment })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'employmentCommitment' });
  });

  test('refuses a program of another school than the partnership', async () => {
    expect(await refused({ ...base(), programId: ids.otherProgram })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'programId' });
  });

  test('a named class carries the company name or its short name', async () => {
    const named = { ...base(), partnershipId: ids.namedPartnership };
    const error = await refused({ ...named, name: '数控冠名班' });
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(error.messageZh).toContain('绍兴越城精密机械有限公司');

    const full = await create(t, 'createOrderClass', { ...named, name: '绍兴越城精密机械有限公司冠名班', seats: 10 }, 'name');
    const short = await create(t, 'createOrderClass', { ...named, name: '越城精机数控班', seats: 10 }, 'name');
    expect([full.name, short.name]).toEqual(['绍兴越城精密机械有限公司冠名班', '越城精机数控班']);
    expect(await countOf(t, 'OrderClass', 'OrderClasses', { kind: 'NAMED_CLASS' })).toBe(2);
  });
});

describe('saveOrderClasses', () => {
  test('one bad row saves nothing', async () => {
    const before = await countOf(t, 'OrderClass', 'OrderClasses');
    const rows = [
      { ...base(), name: '批量甲班', seats: 5 },
      { ...base(), name: '批量乙班', seats: 5, enrolled: 6 },
    ];
    const result = await t.gql(`mutation($rows: [OrderClassSaveRow!]!) { saveOrderClasses(rows: $rows) { id } }`, { rows });
    expect(result.errors![0]!.extensions.rows).toEqual([expect.objectContaining({ index: 1, code: 'BAD_USER_INPUT', field: 'enrolled' })]);
    expect(await countOf(t, 'OrderClass', 'OrderClasses')).toBe(before);
    expect(await countOf(t, 'OrderClass', 'OrderClasses', { q: '批量' })).toBe(0);

    const saved = await t.ok(`mutation($rows: [OrderClassSaveRow!]!) { saveOrderClasses(rows: $rows) { name seats enrolled } }`, {
      rows: [rows[0], { ...rows[1], enrolled: 5 }],
    });
    expect(saved.saveOrderClasses).toEqual([
      { name: '批量甲班', seats: 5, enrolled: 0 },
      { name: '批量乙班', seats: 5, enrolled: 5 },
    ]);
    expect(await countOf(t, 'OrderClass', 'OrderClasses', { q: '批量' })).toBe(2);
  });
});
