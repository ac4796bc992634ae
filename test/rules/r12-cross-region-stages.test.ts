import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { mutationFor } from '../helpers/operations.js';
import { createProgram, createSchool, firstError } from '../helpers/fixtures.js';
import { create } from '../helpers/company-fixtures.js';

/** R12: the years of a cross-region model's stages add up to the program's duration. */
let t: TestApp;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  const school = await createSchool(t, { name: '丽水东西部协作技师学院', cityCode: '331100' });
  ids.threeYears = await createProgram(t, { schoolId: school, majorCode: '0102', level: 'INTERMEDIATE', entryBasis: 'JUNIOR_HIGH' });
  ids.fiveYears = await createProgram(t, { schoolId: school, majorCode: '0102', level: 'ADVANCED', entryBasis: 'JUNIOR_HIGH' });
});
afterAll(async () => {
  await t.close();
});

const stage = (where: string, years: number) => ({ where, years });
const agreement = (programId: string, stages: Array<{ where: string; years: number }>, partnerInstitution = '四川省阿坝州职业技术学校') => ({
  programId,
  partnerProvinceCode: '510000',
  partnerInstitution,
  stages,
  seats: 40,
  signedOn: '2025-04-01',
});

async function stored(): Promise<Array<{ partnerInstitution: string; model: string }>> {
  return (await t.ok(`{ allCrossRegionAgreements(sortField: "partnerInstitution") { partnerInstitution model } }`)).allCrossRegionAgreements;
}

describe('R12 stage years sum to the program duration', () => {
  test.each([
    ['N+N for a 3-year program', 'threeYears', [stage('PARTNER', 2), stage('ZHEJIANG', 1)], '2+1'],
    ['N+N+N for a 3-year program', 'threeYears', [stage('PARTNER', 1), stage('ZHEJIANG', 1), stage('WORK', 1)], '1+1+1'],
    ['N+N+N for a 5-year program', 'fiveYears', [stage('PARTNER', 2), stage('ZHEJIANG', 2), stage('WORK', 1)], '2+2+1'],
  ])('accepts %s', async (label, program, stages, model) => {
    const created = await create(t, 'createCrossRegionAgreement', agreement(ids[program]!, stages, label), 'model');
    expect(created.model).toBe(model);
  });

  test.each([
    ['too few years', 'threeYears', [stage('PARTNER', 1), stage('ZHEJIANG', 1)], 2, 3],
    ['too many years', 'threeYears', [stage('PARTNER', 2), stage('ZHEJIANG', 2)], 4, 3],
    ['a 3-year model on a 5-year program', 'fiveYears', [stage('PARTNER', 1), stage('ZHEJIANG', 1), stage('WORK', 1)], 3, 5],
  ])('refuses %s and writes nothing', async (label, program, stages, total, duration) => {
    const before = await stored();
    const args = agreement(ids[program]!, stages, label);
    const error = firstError(await t.gql(await mutationFor(t, 'createCrossRegionAgreement', args, 'id'), args));
    expect(error.extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'R12', field: 'stages' });
    expect(error.extensions.messageZh).toContain(`合计 ${total} 年`);
    expect(error.extensions.messageZh).toContain(`学制 ${duration} 年`);
    expect(await stored()).toEqual(before);
  });

  test('an update that breaks the sum, or moves the agreement to a longer program, is refused and changes nothing', async () => {
    const created = await create(
      t,
      'createCrossRegionAgreement',
      agreement(ids.threeYears!, [stage('PARTNER', 1), stage('ZHEJIANG', 2)], '更新测试'),
      'id version',
    );
    const shorter = { id: created.id, version: created.version, stages: [stage('PARTNER', 1), stage('ZHEJIANG', 1)] };
    expect(firstError(await t.gql(await mutationFor(t, 'updateCrossRegionAgreement', shorter, 'id'), shorter)).extensions).toMatchObject({
      code: 'RULE_VIOLATION',
      rule: 'R12',
    });
    const moved = { id: created.id, version: created.version, programId: ids.fiveYears };
    expect(firstError(await t.gql(await mutationFor(t, 'updateCrossRegionAgreement', moved, 'id'), moved)).extensions).toMatchObject({
      code: 'RULE_VIOLATION',
      rule: 'R12',
    });
    const read = await t.ok(`query($id: ID!) { CrossRegionAgreement(id: $id) { programId model version } }`, { id: created.id });
    expect(read.CrossRegionAgreement).toEqual({ programId: ids.threeYears, model: '1+2', version: created.version });
  });

  test('a bulk save with one row breaking R12 saves nothing', async () => {
    const before = await stored();
    const rows = [
      agreement(ids.fiveYears!, [stage('PARTNER', 3), stage('ZHEJIANG', 2)], '批量甲'),
      agreement(ids.fiveYears!, [stage('PARTNER', 3), stage('ZHEJIANG', 3)], '批量乙'),
    ];
    const result = await t.gql(`mutation($rows: [CrossRegionAgreementSaveRow!]!) { saveCrossRegionAgreements(rows: $rows) { id } }`, { rows });
    expect(result.errors![0]!.extensions.rows).toEqual([expect.objectContaining({ index: 1, code: 'RULE_VIOLATION', rule: 'R12', field: 'stages' })]);
    expect(await stored()).toEqual(before);
  });
});
