import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { mutationFor } from '../helpers/operations.js';
import { cityId, createProgram, createSchool, firstError } from '../helpers/fixtures.js';
import { countOf, create } from '../helpers/company-fixtures.js';

let t: TestApp;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  ids.quzhou = await cityId(t, '330800');
  ids.taizhou = await cityId(t, '331000');
  ids.school = await createSchool(t, { name: '衢州联合培养技师学院', cityCode: '330800' });
  ids.otherSchool = await createSchool(t, { name: '台州合作技工学校', cityCode: '331000', type: 'TECHNICAL_SCHOOL' });
  ids.program = await createProgram(t, { schoolId: ids.school, majorCode: '0115' });
});
afterAll(async () => {
  await t.close();
});

const FIELDS =
  'id cityId schoolId programId city { code } school { name } partnerProvinceCode partnerInstitution stages { where years } model seats signedOn enrolled version';
const agreement = (extra: Record<string, unknown> = {}) => ({
  programId: ids.program,
  partnerProvinceCode: '520000',
  partnerInstitution: '贵州省毕节市职业技术学校',
  stages: [
    { where: 'PARTNER', years: 1 },
    { where: 'ZHEJIANG', years: 2 },
  ],
  seats: 50,
  signedOn: '2024-05-20',
  ...extra,
});

async function refused(args: Record<string, unknown>) {
  return firstError(await t.gql(await mutationFor(t, 'createCrossRegionAgreement', args, 'id'), args)).extensions;
}

describe('CrossRegionAgreement CRUD', () => {
  test('creates an agreement whose Zhejiang side follows the program, reads, updates and deletes it', async () => {
    const created = await create(t, 'createCrossRegionAgreement', agreement({ enrolled: 48 }), FIELDS);
    expect(created).toEqual({
      id: created.id,
      cityId: ids.quzhou,
      schoolId: ids.school,
      programId: ids.program,
      city: { code: '330800' },
      school: { name: '衢州联合培养技师学院' },
      partnerProvinceCode: '520000',
      partnerInstitution: '贵州省毕节市职业技术学校',
      stages: [
        { where: 'PARTNER', years: 1 },
        { where: 'ZHEJIANG', years: 2 },
      ],
      model: '1+2',
      seats: 50,
      signedOn: '2024-05-20',
      enrolled: 48,
      version: 1,
    });
    const read = await t.ok(`query($id: ID!) { CrossRegionAgreement(id: $id) { ${FIELDS} } }`, { id: created.id });
    expect(read.CrossRegionAgreement).toEqual(created);

    const stages = [
      { where: 'PARTNER', years: 1 },
      { where: 'ZHEJIANG', years: 1 },
      { where: 'WORK', years: 1 },
    ];
    const change = { id: created.id, version: 1, stages, partnerProvinceCode: '640000' };
    const updated = await t.ok(await mutationFor(t, 'updateCrossRegionAgreement', change, 'stages { where years } model partnerProvinceCode version'), change);
    expect(updated.updateCrossRegionAgreement).toEqual({ stages, model: '1+1+1', partnerProvinceCode: '640000', version: 2 });

    const filtered = await t.ok(`query($city: ID) { allCrossRegionAgreements(filter: { cityId: $city, partnerProvinceCode: "640000" }) { id model } }`, {
      city: ids.quzhou,
    });
    expect(filtered.allCrossRegionAgreements).toEqual([{ id: created.id, model: '1+1+1' }]);

    await t.ok(`mutation($id: ID!) { deleteCrossRegionAgreement(id: $id, version: 2) { id } }`, { id: created.id });
    expect(await countOf(t, 'CrossRegionAgreement', 'CrossRegionAgreements')).toBe(0);
  });

  test('accepts a matching school and city, refuses ones that do not match the program', async () => {
    const matching = await create(t, 'createCrossRegionAgreement', agreement({ schoolId: ids.school, cityId: ids.quzhou }), 'schoolId cityId');
    expect(matching).toEqual({ schoolId: ids.school, cityId: ids.quzhou });
    expect(await refused(agreement({ schoolId: ids.otherSchool }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'schoolId' });
    expect(await refused(agreement({ cityId: ids.taizhou }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'cityId' });
  });

  test.each([
    ['Zhejiang itself', '330000'],
    ['a Zhejiang city', '330100'],
    ['no such province', '990000'],
  ])('refuses %s as partner province', async (_label, partnerProvinceCode) => {
    expect(await refused(agreement({ partnerProvinceCode }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'partnerProvinceCode' });
  });

  test.each([
    ['a single stage', [{ where: 'ZHEJIANG', years: 3 }]],
    [
      'no stage in Zhejiang',
      [
        { where: 'PARTNER', years: 2 },
        { where: 'WORK', years: 1 },
      ],
    ],
    [
      'a stage of zero years',
      [
        { where: 'PARTNER', years: 0 },
        { where: 'ZHEJIANG', years: 3 },
      ],
    ],
  ])('refuses stages with %s', async (_label, stages) => {
    expect(await refused(agreement({ stages }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'stages' });
  });

  test('refuses more enrolled students than seats', async () => {
    expect(await refused(agreement({ seats: 10, enrolled: 11 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'enrolled' });
  });
});

describe('saveCrossRegionAgreements', () => {
  test('one bad row saves nothing; good rows save together', async () => {
    const before = await countOf(t, 'CrossRegionAgreement', 'CrossRegionAgreements');
    const rows = [
      agreement({ partnerProvinceCode: '510000', partnerInstitution: '四川省凉山州技工学校' }),
      agreement({ partnerProvinceCode: '330000', partnerInstitution: '不该保存的学校' }),
    ];
    const result = await t.gql(`mutation($rows: [CrossRegionAgreementSaveRow!]!) { saveCrossRegionAgreements(rows: $rows) { id } }`, { rows });
    expect(result.errors![0]!.extensions.rows).toEqual([expect.objectContaining({ index: 1, code: 'BAD_USER_INPUT', field: 'partnerProvinceCode' })]);
    expect(await countOf(t, 'CrossRegionAgreement', 'CrossRegionAgreements')).toBe(before);

    const good = [rows[0], { ...rows[1], partnerProvinceCode: '640000', partnerInstitution: '宁夏固原技师学院' }];
    const saved = await t.ok(
      `mutation($rows: [CrossRegionAgreementSaveRow!]!) { saveCrossRegionAgreements(rows: $rows) { partnerInstitution model cityId } }`,
      { rows: good },
    );
    expect(saved.saveCrossRegionAgreements).toEqual([
      { partnerInstitution: '四川省凉山州技工学校', model: '1+2', cityId: ids.quzhou },
      { partnerInstitution: '宁夏固原技师学院', model: '1+2', cityId: ids.quzhou },
    ]);
    expect(await countOf(t, 'CrossRegionAgreement', 'CrossRegionAgreements')).toBe(before + 2);
  });
});

describe('stages sent back as read, with their __typename', () => {
  const typed = (stages: Array<Record<string, unknown>>) => stages.map((s) => ({ __typename: 'TrainingStage', ...s }));
  const CREATE = `mutation($programId: ID!, $partnerProvinceCode: String!, $partnerInstitution: String!, $stages: [TrainingStageInput!]!, $seats: Int!, $signedOn: LocalDate!) {
    createCrossRegionAgreement(programId: $programId, partnerProvinceCode: $partnerProvinceCode, partnerInstitution: $partnerInstitution, stages: $stages, seats: $seats, signedOn: $signedOn) { id version stages { where years __typename } }
  }`;

  test('create, update and a bulk save take input objects with __typename, as a caching client sends them', async () => {
    const created = (await t.ok(CREATE, agreement({ partnerInstitution: '云南省昭通技师学院', stages: typed(agreement().stages) }))).createCrossRegionAgreement;
    expect(created.stages).toEqual(typed(agreement().stages));
    const updated = await t.ok(
      `mutation($id: ID!, $v: Int!, $stages: [TrainingStageInput!]) { updateCrossRegionAgreement(id: $id, version: $v, stages: $stages) { model stages { where years } } }`,
      {
        id: created.id,
        v: created.version,
        stages: [created.stages[0], { ...created.stages[1], years: 1 }, { __typename: 'TrainingStage', where: 'PARTNER', years: 1 }],
      },
    );
    expect(updated.updateCrossRegionAgreement.model).toBe('1+1+1');
    const row = { __typename: 'CrossRegionAgreement', ...agreement({ partnerInstitution: '甘肃省定西技工学校', stages: typed(agreement().stages) }) };
    const saved = await t.ok(`mutation($rows: [CrossRegionAgreementSaveRow!]!) { saveCrossRegionAgreements(rows: $rows) { model } }`, { rows: [row] });
    expect(saved.saveCrossRegionAgreements).toEqual([{ model: '1+2' }]);
  });

  test('only __typename is dropped: another unknown key, a literal __typename and a typename-looking string stay as they were', async () => {
    const extra = await t.gql(CREATE, agreement({ stages: [{ where: 'PARTNER', years: 1, city: '贵阳' }] }));
    expect(extra.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(extra.errors![0]!.message).toMatch(/"city" is not defined by type "TrainingStageInput"/);
    const literal = await t.gql(
      `mutation { createCrossRegionAgreement(programId: "${ids.program}", partnerProvinceCode: "520000", partnerInstitution: "字面", stages: [{ __typename: "TrainingStage", where: PARTNER, years: 1 }], seats: 5, signedOn: "2024-05-20") { id } }`,
    );
    expect(literal.errors![0]!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const named = (await t.ok(CREATE, agreement({ partnerInstitution: '__typename', stages: typed(agreement().stages) }))).createCrossRegionAgreement;
    expect((await t.ok(`query($id: ID!) { r: CrossRegionAgreement(id: $id) { partnerInstitution } }`, { id: named.id })).r.partnerInstitution).toBe(
      '__typename',
    );
  });

  test('a bound bulk save whose every row and stage carries a huge __typename: dropped, the rows checked as usual', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => ({
      __typename: 'x'.repeat(2000),
      ...agreement({ partnerInstitution: `批量协议学校${i}`, stages: agreement().stages.map((s) => ({ __typename: { nested: ['x'] }, ...s })) }),
    }));
    rows[150]!.partnerProvinceCode = '330000';
    const result = await t.gql(`mutation($rows: [CrossRegionAgreementSaveRow!]!) { saveCrossRegionAgreements(rows: $rows) { id } }`, { rows });
    expect(result.errors![0]!.extensions.rows).toEqual([expect.objectContaining({ index: 150, field: 'partnerProvinceCode' })]);
  });
});
