import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'graphql';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { cityId, createPlan, createProgram, createSchool, markFiled } from '../helpers/fixtures.js';
import { cityAdmin } from '../helpers/authorities.js';
import { createUser } from '../helpers/users.js';
import { createSchema } from '../../server/src/schema.js';
import { DEFAULT_QUERY_LIMITS, queryCost } from '../../server/src/query-limits.js';
import { QUERY_SHAPE_LIMITS } from '../../server/src/common/query-shape-limits.js';
import { checkCharacterOf } from '../../server/src/modules/student/id-number.js';
import { knexOf } from '../../server/src/read/sql.js';
import { firstError, post, whileHealthy } from './support.js';

/**
 * The duplicate-registration report (双重学籍) at its bounds: priced at the groups its `limit` lets it
 * return, holding to that limit over more duplicates than it may list, refusing limits beyond it and
 * every reader but the province.
 */
const { defaultDuplicateGroups, maxDuplicateGroups } = QUERY_SHAPE_LIMITS;
/** More ID numbers on two rolls than the report may list at once. */
const PLANTED = maxDuplicateGroups + 50;

let t: TestApp;
let schema: Awaited<ReturnType<typeof createSchema>>;
let school: string;
const rowsOf = (result: any): any[] => (Array.isArray(result) ? result : result.rows);
const report = (limit: string, fields = 'count') => `{ duplicateStudents${limit} { ${fields} } }`;

beforeAll(async () => {
  t = await createTestApp();
  schema = await createSchema();
  school = await createSchool(t, { name: '重复学籍压力测试技师学院', cityCode: '330100' });
  const plan = await createPlan(t, { programId: await createProgram(t, { schoolId: school, majorCode: '0101' }), year: 2025, seats: 100 });
  await markFiled(t, [plan]);
  const first17 = '33010620100101011';
  await t.ok(
    `mutation($p: ID!, $i: String!) { createStudent(planId: $p, name: "压力", idNumber: $i, targetGroup: JUNIOR_HIGH_GRADUATE, registeredOn: "2025-09-05") { id } }`,
    { p: plan, i: first17 + checkCharacterOf(first17) },
  );
  // Pairs of rows on the roll under one (made-up) lookup hash each, written around the API as data entered before the check.
  const knex = knexOf(t.orm.em.fork());
  const [row] = rowsOf(await knex.raw('select * from student'));
  const { id: _id, ...copy } = row;
  const history = typeof copy.status_history === 'string' ? copy.status_history : JSON.stringify(copy.status_history);
  const rows = Array.from({ length: PLANTED * 2 }, (_, n) => ({ ...copy, status_history: history, id_hash: `dup-${String(n >> 1).padStart(6, '0')}` }));
  await knex.batchInsert('student', rows, 200);
}, 120000);
afterAll(async () => {
  await t?.close();
});

describe('the cost model prices the report at its limit', () => {
  test('its default without `limit`, the limit given (inline or as a variable), each group’s students at the list default', () => {
    expect(queryCost(schema, parse(report('')))).toBe(defaultDuplicateGroups * 2);
    expect(queryCost(schema, parse(report(`(limit: ${maxDuplicateGroups})`)))).toBe(maxDuplicateGroups * 2);
    expect(queryCost(schema, parse('query($l: Int) { duplicateStudents(limit: $l) { count } }'), { l: 7 })).toBe(7 * 2);
    // a group: itself, its count and 20 students of 2 fields each
    expect(queryCost(schema, parse(report('(limit: 10)', 'count students { id }')))).toBe(10 * (2 + 20 * 2));
  });

  test('many reports at the largest limit in one operation are refused before any runs, while the server stays healthy', async () => {
    const one = `duplicateStudents(limit: ${maxDuplicateGroups}) { count students { id name idNumber school { name city { nameZh } } } }`;
    const query = `{ ${Array.from({ length: 20 }, (_, i) => `d${i}: ${one}`).join(' ')} }`;
    expect(queryCost(schema, parse(query))).toBeGreaterThan(DEFAULT_QUERY_LIMITS.maxCost);
    const result = await whileHealthy(t, () => post(t, { query }));
    expect(result.status).toBe(400);
    expect(firstError(result.body).extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'COST' });
  });
});

describe('the report holds to its limit', () => {
  test(`over ${PLANTED} ID numbers on two rolls it lists ${maxDuplicateGroups} at most, ${defaultDuplicateGroups} by default, oldest first`, async () => {
    const largest = await whileHealthy(t, () => t.ok(report(`(limit: ${maxDuplicateGroups})`, 'count students { id }')));
    expect(largest.duplicateStudents).toHaveLength(maxDuplicateGroups);
    expect(largest.duplicateStudents.every((g: any) => g.count === 2 && g.students.length === 2)).toBe(true);
    const ids = largest.duplicateStudents.map((g: any) => Number(g.students[0].id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect((await t.ok(report(''))).duplicateStudents).toHaveLength(defaultDuplicateGroups);
    expect((await t.ok(report('(limit: 1)'))).duplicateStudents).toEqual([{ count: 2 }]);
  });

  test('a limit out of range, of the wrong type or beyond Int is refused, naming the argument', async () => {
    for (const limit of [0, -1, maxDuplicateGroups + 1]) {
      expect(firstError(await t.gql(report(`(limit: ${limit})`))).extensions, String(limit)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
    }
    // priced at the rows it asks for, the largest Int is refused before the resolver sees it
    expect(firstError(await t.gql(report('(limit: 2147483647)'))).extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'COST' });
    for (const limit of ['1.5', '"500"', '4294967296', 'null']) {
      const result = await t.gql(report(`(limit: ${limit})`));
      if (limit === 'null') expect(result.data?.duplicateStudents).toHaveLength(defaultDuplicateGroups);
      else expect(result.errors?.length, limit).toBe(1);
    }
    expect((await t.gql('query($l: Int) { duplicateStudents(limit: $l) { count } }', { l: 'many' })).errors?.length).toBe(1);
  });

  test('every reader but the province is refused, the school’s own city and staff too, whatever the limit', async () => {
    const readers = [
      await cityAdmin(t, await cityId(t, '330100')),
      await t.as(await createUser(t, { username: 'dup.staff', role: 'SCHOOL_STAFF', schoolId: school })),
      await t.as(await createUser(t, { username: 'dup.analyst', role: 'ANALYST' })),
      await t.as(await createUser(t, { username: 'dup.service', role: 'SERVICE' })),
    ];
    for (const reader of readers) {
      for (const limit of ['', '(limit: 1)', `(limit: ${maxDuplicateGroups})`]) {
        expect(firstError(await reader.gql(report(limit))).extensions.code).toBe('FORBIDDEN');
      }
    }
  });
});
