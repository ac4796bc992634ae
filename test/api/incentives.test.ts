import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { mutationFor } from '../helpers/operations.js';
import { cityId, firstError } from '../helpers/fixtures.js';
import { countOf, create } from '../helpers/company-fixtures.js';

let t: TestApp;
let wenzhou: string;

beforeAll(async () => {
  t = await createTestApp();
  wenzhou = await cityId(t, '330300');
});
afterAll(async () => {
  await t.close();
});

async function refusal(mutation: string, args: Record<string, unknown>) {
  return firstError(await t.gql(await mutationFor(t, mutation, args, 'id'), args)).extensions;
}

describe('Incentive', () => {
  const FIELDS = 'id cityId city { code } year kind amountPerStudent eligibility targetGroups version';

  test('creates, reads, updates and deletes an incentive', async () => {
    const args = { cityId: wenzhou, year: 2025, kind: 'TUITION_WAIVER', amountPerStudent: 4800, targetGroups: ['JUNIOR_HIGH_GRADUATE', 'MIGRANT_WORKER'] };
    const created = await create(t, 'createIncentive', args, FIELDS);
    expect(created).toEqual({
      id: created.id,
      cityId: wenzhou,
      city: { code: '330300' },
      year: 2025,
      kind: 'TUITION_WAIVER',
      amountPerStudent: 4800,
      eligibility: null,
      targetGroups: ['JUNIOR_HIGH_GRADUATE', 'MIGRANT_WORKER'],
      version: 1,
    });
    const read = await t.ok(`query($id: ID!) { Incentive(id: $id) { ${FIELDS} } }`, { id: created.id });
    expect(read.Incentive).toEqual(created);
    const byGroup = await t.ok(
      `{ migrant: allIncentives(filter: { targetGroups: MIGRANT_WORKER }) { id } farmer: allIncentives(filter: { targetGroups: NEW_FARMER }) { id } }`,
    );
    expect(byGroup).toEqual({ migrant: [{ id: created.id }], farmer: [] });

    const change = { id: created.id, version: 1, amountPerStudent: 5000, eligibility: '本市户籍全日制新生', targetGroups: [] };
    const updated = await t.ok(await mutationFor(t, 'updateIncentive', change, 'amountPerStudent eligibility targetGroups version'), change);
    expect(updated.updateIncentive).toEqual({ amountPerStudent: 5000, eligibility: '本市户籍全日制新生', targetGroups: [], version: 2 });

    const list = await t.ok(`query($city: ID) { allIncentives(filter: { cityId: $city, year: 2025, kind: TUITION_WAIVER }) { id } }`, { city: wenzhou });
    expect(list.allIncentives).toEqual([{ id: created.id }]);

    await t.ok(`mutation($id: ID!) { deleteIncentive(id: $id, version: 2) { id } }`, { id: created.id });
    expect(await countOf(t, 'Incentive', 'Incentives')).toBe(0);
  });

  test('kinds carry the notice wording', async () => {
    const data = await t.ok(`{ __type(name: "IncentiveKind") { enumValues { name description } } }`);
    expect(data.__type.enumValues).toEqual([
      { name: 'TUITION_WAIVER', description: '学费减免' },
      { name: 'LIVING_COST_WAIVER', description: '生活费减免' },
      { name: 'SCHOLARSHIP', description: '奖学金' },
      { name: 'GRANT', description: '助学金' },
      { name: 'PARTNER_CITY_SUBSIDY', description: '对口城市合作办学补助' },
    ]);
  });

  test('refuses an incentive that says nothing about who is eligible, or a negative amount', async () => {
    expect(await refusal('createIncentive', { cityId: wenzhou, year: 2025, kind: 'GRANT', amountPerStudent: 2000 })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'eligibility',
    });
    expect(
      await refusal('createIncentive', { cityId: wenzhou, year: 2025, kind: 'GRANT', amountPerStudent: -1, eligibility: '家庭经济困难学生' }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'amountPerStudent' });
    expect(await countOf(t, 'Incentive', 'Incentives')).toBe(0);
  });

  test('one bad row of a bulk save saves nothing', async () => {
    const rows = [
      { cityId: wenzhou, year: 2026, kind: 'SCHOLARSHIP', amountPerStudent: 1000, eligibility: '技能竞赛获奖学生' },
      { cityId: wenzhou, year: 2026, kind: 'GRANT', amountPerStudent: 2000 },
    ];
    const result = await t.gql(`mutation($rows: [IncentiveSaveRow!]!) { saveIncentives(rows: $rows) { id } }`, { rows });
    expect(result.errors![0]!.extensions.rows).toEqual([expect.objectContaining({ index: 1, field: 'eligibility' })]);
    expect(await countOf(t, 'Incentive', 'Incentives')).toBe(0);

    const saved = await t.ok(`mutation($rows: [IncentiveSaveRow!]!) { saveIncentives(rows: $rows) { kind } }`, {
      rows: [rows[0], { ...rows[1], targetGroups: ['UNEMPLOYED'] }],
    });
    expect(saved.saveIncentives).toEqual([{ kind: 'SCHOLARSHIP' }, { kind: 'GRANT' }]);
    expect(await countOf(t, 'Incentive', 'Incentives', { year: 2026 })).toBe(2);
  });
});

describe('OutreachVisit', () => {
  const FIELDS = 'id cityId visitedOn provinceCode delegationLead agreementsSigned notes version';

  test('creates, reads, updates and deletes a visit', async () => {
    const args = {
      cityId: wenzhou,
      visitedOn: '2025-04-16',
      provinceCode: '520000',
      delegationLead: '市人力社保局副局长',
      agreementsSigned: 3,
      notes: '赴毕节推介技工院校招生政策',
    };
    const created = await create(t, 'createOutreachVisit', args, FIELDS);
    expect(created).toEqual({ id: created.id, ...args, version: 1 });
    const read = await t.ok(`query($id: ID!) { OutreachVisit(id: $id) { ${FIELDS} } }`, { id: created.id });
    expect(read.OutreachVisit).toEqual(created);

    const change = { id: created.id, version: 1, agreementsSigned: 4 };
    const updated = await t.ok(await mutationFor(t, 'updateOutreachVisit', change, 'agreementsSigned version'), change);
    expect(updated.updateOutreachVisit).toEqual({ agreementsSigned: 4, version: 2 });

    const list = await t.ok(`{ allOutreachVisits(filter: { provinceCode: "520000", visitedOn_gte: "2025-01-01" }) { id } }`);
    expect(list.allOutreachVisits).toEqual([{ id: created.id }]);

    await t.ok(`mutation($id: ID!) { deleteOutreachVisit(id: $id, version: 2) { id } }`, { id: created.id });
    expect(await countOf(t, 'OutreachVisit', 'OutreachVisits')).toBe(0);
  });

  test('refuses a visit to Zhejiang itself', async () => {
    const args = { cityId: wenzhou, visitedOn: '2025-04-16', provinceCode: '330000', delegationLead: '局长' };
    expect(await refusal('createOutreachVisit', args)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'provinceCode' });
  });

  test('one bad row of a bulk save saves nothing', async () => {
    const rows = [
      { cityId: wenzhou, visitedOn: '2025-05-10', provinceCode: '510000', delegationLead: '副局长' },
      { cityId: wenzhou, visitedOn: '2025-05-12', provinceCode: '640000', delegationLead: '处长', agreementsSigned: -2 },
    ];
    const result = await t.gql(`mutation($rows: [OutreachVisitSaveRow!]!) { saveOutreachVisits(rows: $rows) { id } }`, { rows });
    expect(result.errors![0]!.extensions.rows).toEqual([expect.objectContaining({ index: 1, field: 'agreementsSigned' })]);
    expect(await countOf(t, 'OutreachVisit', 'OutreachVisits')).toBe(0);

    const saved = await t.ok(`mutation($rows: [OutreachVisitSaveRow!]!) { saveOutreachVisits(rows: $rows) { provinceCode agreementsSigned } }`, {
      rows: [rows[0], { ...rows[1], agreementsSigned: 2 }],
    });
    expect(saved.saveOutreachVisits).toEqual([
      { provinceCode: '510000', agreementsSigned: 0 },
      { provinceCode: '640000', agreementsSigned: 2 },
    ]);
  });
});
