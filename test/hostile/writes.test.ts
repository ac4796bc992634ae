import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { MAX_SAVE_ROWS } from '../../server/src/common/resource.js';
import { cityId } from '../helpers/fixtures.js';
import { firstError, post, whileHealthy } from './support.js';

let t: TestApp;
let city: string;
beforeAll(async () => {
  t = await createTestApp();
  city = await cityId(t, '330100');
});
afterAll(async () => t?.close());

const schoolCount = async () => (await t.ok('{ _allSchoolsMeta { count } }'))._allSchoolsMeta.count as number;
const SAVE = 'mutation($rows: [SchoolSaveRow!]!) { saveSchools(rows: $rows) { id } }';

describe('bulk saves are capped', () => {
  test(`a save of more than ${MAX_SAVE_ROWS} rows is refused as a whole with ROW_LIMIT, before any row is looked at`, async () => {
    const before = await schoolCount();
    const rows = Array.from({ length: MAX_SAVE_ROWS + 1 }, (_, i) => ({ name: `批量学校${i}`, type: 'TECHNICAL_SCHOOL', cityId: city }));
    const result = await whileHealthy(t, () => post(t, { query: SAVE, variables: { rows } }));
    expect(firstError(result.body).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      rule: 'ROW_LIMIT',
      field: 'rows',
      maximum: MAX_SAVE_ROWS,
      actual: MAX_SAVE_ROWS + 1,
    });
    expect(JSON.stringify(result.body).length).toBeLessThan(2000);
    expect(await schoolCount()).toBe(before);
  });
});

describe('updates and deletes name the version they were based on', () => {
  test('updateX and deleteX without a version do not validate', async () => {
    const id = (await t.ok(`mutation($c: ID!) { createSchool(name: "版本学校", type: TECHNICAL_SCHOOL, cityId: $c) { id } }`, { c: city })).createSchool.id;
    for (const query of [`mutation { updateSchool(id: "${id}", name: "无版本") { id } }`, `mutation { deleteSchool(id: "${id}") { id } }`]) {
      expect(firstError(await t.gql(query)).extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
    expect((await t.ok(`query($id: ID!) { School(id: $id) { name version } }`, { id })).School).toEqual({ name: '版本学校', version: 1 });
  });

  test('a bulk row that updates or deletes without a version is refused, and the save writes nothing', async () => {
    const id = (await t.ok(`mutation($c: ID!) { createSchool(name: "批量版本学校", type: TECHNICAL_SCHOOL, cityId: $c) { id } }`, { c: city })).createSchool.id;
    const before = await schoolCount();
    const result = await t.gql(SAVE, {
      rows: [
        { name: '新学校甲', type: 'TECHNICAL_SCHOOL', cityId: city },
        { id, name: '改名' },
        { id, delete: true },
      ],
    });
    expect(firstError(result).extensions.rows).toEqual([
      expect.objectContaining({ index: 1, code: 'BAD_USER_INPUT', field: 'version' }),
      expect.objectContaining({ index: 2, code: 'BAD_USER_INPUT', field: 'version' }),
    ]);
    expect(await schoolCount()).toBe(before);
  });

  test('concurrent read-modify-write updates lose nothing: each one applied or refused with CONFLICT', async () => {
    const id = (await t.ok('{ allCampaignTargets(perPage: 1, sortField: "id") { id } }')).allCampaignTargets[0].id;
    const start = (await t.ok(`query($id: ID!) { CampaignTarget(id: $id) { seats version } }`, { id })).CampaignTarget;
    const increment = async () => {
      const { CampaignTarget } = await t.ok(`query($id: ID!) { CampaignTarget(id: $id) { seats version } }`, { id });
      return t.gql(`mutation($id: ID!, $v: Int!, $s: Int!) { updateCampaignTarget(id: $id, version: $v, seats: $s) { seats } }`, {
        id,
        v: CampaignTarget.version,
        s: CampaignTarget.seats + 1,
      });
    };
    const results = await Promise.all(Array.from({ length: 30 }, increment));
    const applied = results.filter((r) => !r.errors).length;
    const conflicts = results.filter((r) => r.errors?.[0]?.extensions.code === 'CONFLICT').length;
    expect(applied + conflicts).toBe(30);
    expect(applied).toBeGreaterThan(0);
    const after = (await t.ok(`query($id: ID!) { CampaignTarget(id: $id) { seats version } }`, { id })).CampaignTarget;
    expect(after).toEqual({ seats: start.seats + applied, version: start.version + applied });
  });
});

describe('password policy', () => {
  const create = (username: string, password: string) =>
    t.gql(`mutation($u: String!, $p: String!) { createUser(username: $u, role: ANALYST, password: $p) { id } }`, { u: username, p: password });

  test.each([
    ['nine characters', 'Abcdef-12'],
    ['on the list of common passwords', 'password12'],
    ['common whatever its case', 'PassWord123'],
    ['more than 72 bytes of UTF-8 (25 Chinese characters)', '浙江省技工院校招生五年行动计划的管理系统密码过长了吧'],
  ])('refused: %s', async (_why, password) => {
    const error = firstError(await create(`weak-${Math.abs(password.length)}-${password.charCodeAt(0)}`, password));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'PASSWORD', field: 'password' });
  });

  test('accepted: ten characters, 72 bytes exactly, Chinese characters, spaces kept', async () => {
    expect((await create('ten-chars', 'Ab3-Cd4-Ef')).errors).toBeUndefined();
    expect((await create('exactly-72', 'x'.repeat(70) + 'Ab')).errors).toBeUndefined();
    expect((await create('chinese-pw', '浙江技工招生五年行动')).errors).toBeUndefined();
    expect((await create('with-spaces', ' leading and trailing ')).errors).toBeUndefined();
  });
});
