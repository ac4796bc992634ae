import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DataProvider } from 'ra-core';
import { createRequire } from 'node:module';
import { resources } from '../../server/src/modules/index.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { buildDataset, clockAfterRegistration } from './analytics-dataset.js';

/**
 * The stock react-admin GraphQL provider, unmodified, against the API: what anyone's react-admin app
 * sends (it passes page, perPage, sortField and sortOrder to `_allXMeta` too).
 */
// Its CommonJS build: the ES one imports @apollo/client by names Node's ESM loader cannot see in a CommonJS package.
const require = createRequire(import.meta.url);
const { default: buildGraphQLProvider } = require('ra-data-graphql-simple') as typeof import('ra-data-graphql-simple');
const { HttpLink } = require('@apollo/client') as typeof import('@apollo/client');

/**
 * The provider's first query works for seconds on the large schema before it sends anything, and
 * here the server shares the test's event loop: meanwhile the kept-alive socket of the introspection
 * may have been closed by the server. A request that died on such a socket is sent once more.
 */
const fetchOnLiveSocket: typeof fetch = async (input, init) => {
  try {
    return await fetch(input, init);
  } catch (error) {
    // No response at all (`fetch failed`), not an HTTP or GraphQL error.
    if (!(error instanceof TypeError)) throw error;
    return fetch(input, init);
  }
};

let t: TestApp;
let provider: DataProvider;

beforeAll(async () => {
  t = await createTestApp({ clock: clockAfterRegistration() });
  await buildDataset(t);
  provider = await buildGraphQLProvider({ clientOptions: { link: new HttpLink({ uri: t.url, headers: t.adminHeaders, fetch: fetchOnLiveSocket }) } });
});
afterAll(async () => {
  await t.close();
});

const references = (name: string) => resources.find((r) => r.name === name)!.fields.filter((f) => f.kind === 'ref' && !f.writeOnly);

describe('reads of every resource', () => {
  for (const def of resources) {
    test(`${def.name}: getList, getOne, getMany, getManyReference`, async () => {
      const list = await provider.getList(def.name, { pagination: { page: 1, perPage: 5 }, sort: { field: 'id', order: 'DESC' }, filter: {} });
      const { count } = (await t.ok(`{ _all${def.plural}Meta { count } }`))[`_all${def.plural}Meta`];
      expect(list.total).toBe(count);
      expect(list.data.length).toBe(Math.min(5, count));
      const ids = list.data.map((r) => Number(r.id));
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      if (count === 0) return;
      const first = list.data[0]!;
      expect((await provider.getOne(def.name, { id: first.id })).data.id).toBe(first.id);
      const many = await provider.getMany(def.name, { ids: list.data.map((r) => r.id) });
      expect(many.data.map((r) => r.id).sort()).toEqual(list.data.map((r) => r.id).sort());
      const reference = references(def.name).find((f) => first[f.name]);
      if (reference) {
        const target = first[reference.name];
        const referencing = await provider.getManyReference(def.name, {
          target: reference.name,
          id: target,
          pagination: { page: 1, perPage: 100 },
          sort: { field: 'id', order: 'ASC' },
          filter: {},
        });
        expect(referencing.data.length).toBeGreaterThan(0);
        expect(referencing.data.every((r) => r[reference.name] === target)).toBe(true);
      }
    });
  }
});

describe('writes', () => {
  test('School, Program and EnrollmentPlan: create, update, delete', async () => {
    const city = (
      await provider.getList('City', { pagination: { page: 1, perPage: 1 }, sort: { field: 'displayOrder', order: 'ASC' }, filter: { code: '330100' } })
    ).data[0]!;
    const school = (await provider.create('School', { data: { name: '适配器测试技工学校', type: 'TECHNICAL_SCHOOL', cityId: city.id } })).data;
    const major = (await provider.getList('Major', { pagination: { page: 1, perPage: 1 }, sort: { field: 'id', order: 'ASC' }, filter: {} })).data[0]!;
    const program = (
      await provider.create('Program', {
        data: { schoolId: school.id, majorId: major.id, level: 'INTERMEDIATE', entryBasis: 'JUNIOR_HIGH', studyMode: 'FULL_TIME', filedOn: '2022-06-01' },
      })
    ).data;
    const plan = (await provider.create('EnrollmentPlan', { data: { programId: program.id, year: 2026, season: 'AUTUMN', seats: 30 } })).data;
    const updated = await provider.update('EnrollmentPlan', { id: plan.id, data: { ...plan, seats: 35 }, previousData: plan });
    expect(updated.data.seats).toBe(35);
    const renamed = await provider.update('School', { id: school.id, data: { ...school, name: '适配器测试技工学校（新）' }, previousData: school });
    expect(renamed.data.name).toBe('适配器测试技工学校（新）');
    expect((await provider.getOne('EnrollmentPlan', { id: plan.id })).data.seats).toBe(35);
    // The stock provider deletes by id alone, and every delete must name the version it was based on
    // (no silent lost updates): refused as a bad request, nothing deleted. Our admin's provider sends
    // `previousData.version` (admin/src/dataProvider.ts); here the deletes then go by hand.
    const refused = await provider.delete('EnrollmentPlan', { id: plan.id, previousData: updated.data }).then(
      () => null,
      (error: { status?: number; message: string }) => error,
    );
    expect(refused?.status).toBe(400);
    expect((await provider.getOne('EnrollmentPlan', { id: plan.id })).data.seats).toBe(35);
    for (const [type, row] of [
      ['EnrollmentPlan', updated.data],
      ['Program', program],
      ['School', renamed.data],
    ] as const) {
      await t.ok(`mutation($id: ID!, $v: Int!) { delete${type}(id: $id, version: $v) { id } }`, { id: row.id, v: row.version });
    }
    expect((await t.ok(`{ School(id: ${school.id}) { id } }`)).School).toBeNull();
  });

  test('every resource with generic mutations takes an update of one of its rows as react-admin sends it', async () => {
    for (const def of resources.filter((r) => r.mutations !== false)) {
      const [row] = (await provider.getList(def.name, { pagination: { page: 1, perPage: 1 }, sort: { field: 'id', order: 'ASC' }, filter: {} })).data;
      if (!row) continue;
      const result = await t.gql(`{ ${def.name}(id: ${row.id}) { id version } }`);
      const before = result.data![def.name];
      // The stock provider sends the whole record back; a rule may refuse it (a filed plan line), a typed error, never a failure to parse.
      const sent = await provider.update(def.name, { id: row.id, data: row, previousData: row }).then(
        (r) => ({ ok: true as const, version: r.data.version }),
        (error: { graphQLErrors?: Array<{ extensions?: { code?: string } }> }) => ({ ok: false as const, code: error.graphQLErrors?.[0]?.extensions?.code }),
      );
      if (sent.ok) expect(sent.version, def.name).toBeGreaterThanOrEqual(before.version);
      else expect(['RULE_VIOLATION', 'FORBIDDEN', 'CONFLICT', 'BAD_USER_INPUT'], def.name).toContain(sent.code);
    }
  });
});
