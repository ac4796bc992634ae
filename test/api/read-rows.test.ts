import { afterAll, beforeAll, expect, test } from 'vitest';
import { ReferenceKind } from '@mikro-orm/core';
import { seed } from '../../server/src/seeders/index.js';
import { resources } from '../../server/src/modules/index.js';
import { readRowWithReferences, readRows, readRowsByKey } from '../../server/src/read/rows.js';
import { propOf } from '../../server/src/common/resource.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seed(t.orm, { demo: true });
  // An audited write, so that the audit trail has rows too.
  const [school] = (await t.ok('{ allSchools(perPage: 1) { id version } }')).allSchools;
  await t.ok('mutation($id: ID!, $v: Int!) { updateSchool(id: $id, version: $v, name: "杭州读行核对技师学院") { id } }', { id: school.id, v: school.version });
}, 120000);
afterAll(async () => {
  await t.close();
});

/** A property as GraphQL would read it off an entity: references by id, values as JSON. */
function comparable(value: unknown, kind: ReferenceKind): unknown {
  if (kind !== ReferenceKind.SCALAR) return (value as { id: number } | null)?.id ?? null;
  return value instanceof Date ? `Date ${value.toISOString()}` : value;
}

test('rows read for GraphQL carry exactly the values of the managed entities, for every resource', async () => {
  const filled: string[] = [];
  for (const def of resources) {
    const em = t.orm.em.fork();
    const meta = em.getMetadata().get(def.entity.name);
    const entities = (await em.find(def.entity, {}, { orderBy: { id: 'ASC' } })) as unknown as Array<Record<string, unknown>>;
    const rows = await readRows(em, def.entity, {}, { orderBy: [{ id: 'ASC' }] });
    expect(
      rows.map((r) => r.id),
      def.name,
    ).toEqual(entities.map((e) => e.id));
    const stored = meta.props.filter((p) => p.persist !== false && (p.kind === ReferenceKind.SCALAR || p.kind === ReferenceKind.MANY_TO_ONE));
    const expected = entities.map((e) => Object.fromEntries(stored.map((p) => [p.name, comparable(e[p.name], p.kind)])));
    const actual = rows.map((r) => Object.fromEntries(stored.map((p) => [p.name, comparable(r[p.name], p.kind)])));
    expect(actual, def.name).toEqual(expected);
    if (rows.length > 0) filled.push(def.name);
  }
  // The comparison means something only where the demo province has rows.
  expect(filled).toEqual(
    expect.arrayContaining([
      'City',
      'School',
      'Program',
      'EnrollmentPlan',
      'Intake',
      'Company',
      'Partnership',
      'OrderClass',
      'CrossRegionAgreement',
      'PlanAdjustment',
      'AnnualSummary',
      'User',
      'AuditEntry',
    ]),
  );
});

test('rows read for a list get the derived agreement model and their references', async () => {
  const data = await t.ok(`{ allCrossRegionAgreements(perPage: 3, sortField: "id") { id model stages { years } school { id name city { code } } } }`);
  expect(data.allCrossRegionAgreements).toHaveLength(3);
  for (const agreement of data.allCrossRegionAgreements) {
    expect(agreement.model).toBe(agreement.stages.map((s: { years: number }) => s.years).join('+'));
    expect(agreement.school.city.code).toMatch(/^33\d{2}00$/);
  }
});

test('a read selects only the columns its fields need, and every column when a field has its own resolver', async () => {
  t.resetQueryLog();
  const data = await t.ok(`{ allEnrollmentPlans(perPage: 2, sortField: "id") { id seats school { name city { code } } } }`);
  expect(data.allEnrollmentPlans).toHaveLength(2);
  const [plans, schools, cities] = t.selects();
  const columns = (sql: string | undefined) =>
    sql
      ?.match(/select (.*?) from [`"](\w+)[`"]/)
      ?.slice(1)
      .map((s) => s.replace(/[`"]/g, ''));
  expect(columns(plans)).toEqual(['e.id, e.school_id, e.seats', 'enrollment_plan']);
  expect(columns(schools)).toEqual(['e.id, e.name, e.city_id', 'school']);
  expect(columns(cities)).toEqual(['e.id, e.code', 'city']);

  t.resetQueryLog();
  const issued = await t.ok(`{ allEnrollmentPlans(perPage: 1, sortField: "id") { id issuerCode } }`);
  expect(issued.allEnrollmentPlans[0].issuerCode).toMatch(/^33\d{4}$/);
  expect(columns(t.selects()[0])).toEqual(['e.*', 'enrollment_plan']);
});

test('lookups by key give the rows the query builder gives, for every resource, in and outside a transaction', async () => {
  for (const def of resources) {
    const em = t.orm.em.fork();
    const all = await readRows(em, def.entity, {}, { orderBy: [{ id: 'ASC' }] });
    const ids = all.filter((_, i) => i % 3 === 0).map((row) => row.id);
    const byId = (rows: Array<{ id: number }>) => [...rows].sort((a, b) => a.id - b.id);
    const expected = all.filter((row) => ids.includes(row.id));
    expect(byId(await readRowsByKey(em, def.entity, 'id', [...ids, 987654])), def.name).toEqual(expected);
    const inTransaction = await em.transactional((trx) => readRowsByKey(trx, def.entity, 'id', ids));
    expect(byId(inTransaction), def.name).toEqual(expected);
  }
  const cities = await readRowsByKey(
    t.orm.em.fork(),
    resources.find((d) => d.name === 'City')!.entity,
    'code',
    ['330200', '339900', '330100'],
    ['code', 'nameZh'],
  );
  expect(cities.map((c) => [c.code, c.nameZh]).sort()).toEqual([
    ['330100', '杭州市'],
    ['330200', '宁波市'],
  ]);
});

test('a lookup by key has one statement text whatever the number of keys', async () => {
  const school = resources.find((d) => d.name === 'School')!.entity;
  const [a, b, c] = (await readRows(t.orm.em.fork(), school, {}, { orderBy: [{ id: 'ASC' }], limit: 3 })).map((row) => row.id);
  t.resetQueryLog();
  await readRowsByKey(t.orm.em.fork(), school, 'id', [a!], ['name']);
  await readRowsByKey(t.orm.em.fork(), school, 'id', [a!, b!, c!], ['name']);
  const [one, three] = t.selects();
  const text = (sql: string | undefined) => sql?.replace(/ \[took.*$/, '');
  expect(text(one)).toMatch(/from [`"]school[`"] as e where e\.[`"]id[`"]/);
  expect(text(three)).toBe(text(one));
});

test('a record by id with all its references, read in one statement, equals the lookups of each, for every resource', async () => {
  let withNullReference = 0;
  for (const def of resources) {
    const refs = def.fields.filter((f) => f.kind === 'ref').map((f) => ({ prop: propOf(f), entity: f.target!() }));
    if (refs.length === 0) continue;
    const em = t.orm.em.fork();
    for (const row of await readRows(em, def.entity, {}, { orderBy: [{ id: 'ASC' }], limit: 5 })) {
      const joined = (await readRowWithReferences(em, def.entity, row.id, undefined, refs))!;
      expect(joined.row, def.name).toEqual(row);
      for (const [i, ref] of refs.entries()) {
        const id = (row[ref.prop] as { id: number } | null)?.id;
        if (id === undefined) withNullReference++;
        const expected = id === undefined ? null : (await readRowsByKey(em, ref.entity, 'id', [id]))[0];
        expect(joined.referenced[i], `${def.name}.${ref.prop}`).toEqual(expected);
      }
    }
    expect(await readRowWithReferences(em, def.entity, 987654, undefined, refs)).toEqual({ row: null, referenced: refs.map(() => null) });
    expect(await em.transactional((trx) => readRowWithReferences(trx, def.entity, 1, undefined, refs))).toBeUndefined();
  }
  expect(withNullReference).toBeGreaterThan(0);
});

test('a record by id and the references it selects are one statement, however the query spells them', async () => {
  const [school] = (await t.ok('{ allSchools(perPage: 1, sortField: "id") { id name city { id code nameZh } } }')).allSchools;
  const expected = { id: school.id, name: school.name, city: school.city };
  const spellings = [
    `query($id: ID!) { School(id: $id) { id name city { id code nameZh } } }`,
    `query($id: ID!) { School(id: $id) { id ...Named } } fragment Named on School { name city { id ...CityName } } fragment CityName on City { code nameZh }`,
    `query($id: ID!) { School(id: $id) { id name ... on School { city { id code } } city { nameZh } } }`,
  ];
  for (const query of spellings) {
    t.resetQueryLog();
    expect((await t.ok(query, { id: school.id })).School, query).toEqual(expected);
    expect(t.selects(), query).toHaveLength(1);
  }
  t.resetQueryLog();
  const aliased = await t.ok(`query($id: ID!) { School(id: $id) { a: city { code } b: city { nameZh } } }`, { id: school.id });
  expect(aliased.School).toEqual({ a: { code: school.city.code }, b: { nameZh: school.city.nameZh } });
  expect(t.selects().length).toBeLessThanOrEqual(2);
  expect((await t.ok(`{ School(id: "987654") { id city { code } } }`)).School).toBeNull();
});
