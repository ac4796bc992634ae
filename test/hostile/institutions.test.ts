import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createCampus, type Campus } from '../federation/support/campus.js';
import { createCompany, creditCode } from '../helpers/company-fixtures.js';
import { createUser } from '../helpers/users.js';
import { firstError } from '../helpers/fixtures.js';

let t: TestApp;
let campus: Campus;
const companies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  campus = await createCampus(t);
  companies.hangzhou = await createCompany(t, { name: '杭州精工机床有限公司', creditCode: creditCode('330100', 1), cityId: campus.cityIds['330100']! });
  companies.ningbo = await createCompany(t, { name: '宁波港机装备有限公司', creditCode: creditCode('330200', 2), cityId: campus.cityIds['330200']! });
});
afterAll(async () => {
  await t.close();
});

const INSTITUTIONS = `query($cityCode: String!, $name: String, $perPage: Int) {
  institutions(cityCode: $cityCode, name: $name, perPage: $perPage) {
    __typename id name city { code nameZh }
    ... on School { type }
    ... on Company { creditCode }
  }
}`;

test('one interface over the schools and companies of a city, by name, each with its own fields', async () => {
  const { institutions } = await t.ok(INSTITUTIONS, { cityCode: '330100' });
  // in the order of Chinese names (pinyin: 第 di before 精 jing)
  expect(institutions).toEqual([
    { __typename: 'School', id: campus.schools.hangzhou, name: '杭州第一技师学院', city: { code: '330100', nameZh: '杭州市' }, type: 'TECHNICIAN_COLLEGE' },
    {
      __typename: 'Company',
      id: companies.hangzhou,
      name: '杭州精工机床有限公司',
      city: { code: '330100', nameZh: '杭州市' },
      creditCode: creditCode('330100', 1),
    },
  ]);
  expect((await t.ok(INSTITUTIONS, { cityCode: '330100', name: '技师' })).institutions.map((i: { name: string }) => i.name)).toEqual(['杭州第一技师学院']);
  expect((await t.ok(INSTITUTIONS, { cityCode: '330100', perPage: 1 })).institutions).toHaveLength(1);
  expect((await t.ok(INSTITUTIONS, { cityCode: '339999' })).institutions).toEqual([]);
});

test('bounded: perPage outside 1–200 and an overlong name are refused as input; a huge city code is no city', async () => {
  for (const perPage of [0, -1, 201]) {
    const error = firstError(await t.gql(INSTITUTIONS, { cityCode: '330100', perPage }));
    expect([perPage, error.extensions.code, error.extensions.field]).toEqual([perPage, 'BAD_USER_INPUT', 'perPage']);
  }
  // priced by its perPage, a huge page is refused before it runs
  const huge = await t.gql(INSTITUTIONS, { cityCode: '330100', perPage: 2_000_000_000 });
  expect([huge.data ?? null, firstError(huge).extensions.code]).toEqual([null, 'QUERY_TOO_COMPLEX']);
  expect(firstError(await t.gql(INSTITUTIONS, { cityCode: '330100', name: '校'.repeat(101) })).extensions.field).toBe('name');
  expect((await t.ok(INSTITUTIONS, { cityCode: '3'.repeat(10_000) })).institutions).toEqual([]);
  expect((await t.ok(INSTITUTIONS, { cityCode: "330100' or 1=1 --", name: "%' or '1'='1" })).institutions).toEqual([]);
});

test('each type keeps its own scope: a city admin sees no school of another city, but companies everywhere as on their list', async () => {
  const hangzhouAdmin = await t.as(await createUser(t, { username: 'hz.institutions', role: 'CITY_ADMIN', cityId: campus.cityIds['330100'] }));
  const ningbo = (await hangzhouAdmin.ok(INSTITUTIONS, { cityCode: '330200' })).institutions;
  const { allCompanies } = await hangzhouAdmin.ok<{ allCompanies: Array<{ id: string }> }>('{ allCompanies(filter: { q: "宁波" }) { id } }');
  const { allSchools } = await hangzhouAdmin.ok<{ allSchools: Array<{ id: string }> }>('{ allSchools(filter: { q: "宁波" }) { id } }');
  expect(ningbo.map((i: { __typename: string; id: string }) => [i.__typename, i.id])).toEqual([
    ...allCompanies.map((c) => ['Company', c.id]),
    ...allSchools.map((s) => ['School', s.id]),
  ]);
  expect(allSchools).toEqual([]);
  expect(ningbo.map((i: { __typename: string; id: string }) => `${i.__typename}:${i.id}`)).not.toContain(`School:${campus.schools.ningbo}`);
  expect(ningbo.map((i: { name: string }) => i.name)).toEqual(['宁波港机装备有限公司']);
});
