import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { cityId, createProgram, createSchool } from '../helpers/fixtures.js';
import { cityAdmin } from '../helpers/authorities.js';
import { firstError, post, whileHealthy } from './support.js';

/**
 * `after` of a cursor page sorted through references: malformed, huge, foreign (another list, another
 * order, another reader) and forged cursors are typed refusals naming `after` on both databases, never
 * a database error; paths and pages beyond their bounds likewise.
 */
let t: TestApp;
let hangzhou: string;

beforeAll(async () => {
  t = await createTestApp();
  hangzhou = await cityId(t, '330100');
  for (const [i, cityCode] of ['330100', '330100', '330200', '330300', '331100'].entries()) {
    await createProgram(t, {
      schoolId: await createSchool(t, { name: `游标攻击学校${i}`, cityCode }),
      majorCode: '0101',
      filedOn: i % 2 ? null : '2022-06-01',
    });
  }
});
afterAll(async () => t?.close());

const BY_CITY = '[{ school: { city: { code: DESC } } }, { filedOn: ASC }]';
const page = (after: string | null, orderBy = BY_CITY, first = 2) =>
  t.gql(
    `query($after: String) { allProgramsConnection(orderBy: ${orderBy}, first: ${first}, after: $after) { edges { cursor node { id } } pageInfo { endCursor } } }`,
    { after },
  );
const cursorAfterFirstPage = async (orderBy = BY_CITY) => (await page(null, orderBy)).data!.allProgramsConnection.pageInfo.endCursor as string;

const decoded = (cursor: string) => JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o: string; v: unknown[] };
const encoded = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

const expectRefusedAfter = (result: Awaited<ReturnType<typeof page>>) => {
  expect(firstError(result).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  expect(JSON.stringify(result).length).toBeLessThan(2000);
};

describe('malformed and foreign cursors', () => {
  test('not base64, not JSON, the former bare array, a wrong shape or length: BAD_USER_INPUT on after', async () => {
    const real = decoded(await cursorAfterFirstPage());
    for (const after of [
      '%%%',
      '',
      encoded('text'),
      Buffer.from('{"o":').toString('base64url'),
      encoded(real.v),
      encoded({ v: real.v }),
      encoded({ o: real.o }),
      encoded({ o: real.o, v: real.v.slice(1) }),
      encoded({ o: real.o, v: [...real.v, 1] }),
      encoded({ o: real.o, v: { 0: 'a' } }),
    ]) {
      expectRefusedAfter(await page(after));
    }
  });

  test('a cursor of another list or of another order of the same list is refused, not misread', async () => {
    const schools = await t.ok(`{ c: allSchoolsConnection(orderBy: [{ city: { code: DESC } }], first: 1) { pageInfo { endCursor } } }`);
    expectRefusedAfter(await page(schools.c.pageInfo.endCursor));
    const otherOrder = await cursorAfterFirstPage('[{ school: { city: { code: ASC } } }, { filedOn: ASC }]');
    expectRefusedAfter(await page(otherOrder));
    const ownColumns = await cursorAfterFirstPage('[{ filedOn: ASC }]');
    expectRefusedAfter(await page(ownColumns));
  });

  test('forged values of the wrong kind or outside the column are refused before any SQL compares them', async () => {
    const real = decoded(await cursorAfterFirstPage());
    // terms: school.city.code (text), filedOn (a date, nullable), id
    const forged: unknown[][] = [
      [1, real.v[1], real.v[2]],
      [{ a: 1 }, real.v[1], real.v[2]],
      ['33\u000000', real.v[1], real.v[2]],
      ['\uD800', real.v[1], real.v[2]],
      [real.v[0], '2025-13-45', real.v[2]],
      [real.v[0], 'yesterday', real.v[2]],
      [real.v[0], 20250101, real.v[2]],
      [real.v[0], real.v[1], '1'],
      [real.v[0], real.v[1], 0],
      [real.v[0], real.v[1], -5],
      [real.v[0], real.v[1], 2 ** 31],
      [real.v[0], real.v[1], 1.5],
      [real.v[0], real.v[1], null],
      [null, real.v[1], real.v[2]],
    ];
    for (const v of forged) expectRefusedAfter(await page(encoded({ o: real.o, v })));
    // an int column: within 32 bits only
    const byStudents = '[{ school: { city: { displayOrder: ASC } } }]';
    const ints = decoded(await cursorAfterFirstPage(byStudents));
    for (const value of [2 ** 31, -(2 ** 31) - 1, 1e300, '1']) expectRefusedAfter(await page(encoded({ o: ints.o, v: [value, ints.v[1]] }), byStudents));
  });

  test('a cursor of 800 KB and one nested 50,000 deep: answered in bounds, the server healthy meanwhile', async () => {
    const real = decoded(await cursorAfterFirstPage());
    const every = (await t.ok(`{ c: allProgramsConnection(orderBy: ${BY_CITY}) { nodes { id } } }`)).c.nodes;
    const pageAfter = (after: string) =>
      whileHealthy(t, () =>
        post(t, { query: `query($after: String) { c: allProgramsConnection(orderBy: ${BY_CITY}, after: $after) { nodes { id } } }`, variables: { after } }),
      );
    // a value of the right kind, if a long one: a position before every city code going down
    const huge = await pageAfter(encoded({ o: real.o, v: ['x'.repeat(600_000), real.v[1], real.v[2]] }));
    expect(huge.body.errors).toBeUndefined();
    expect(huge.body.data!.c.nodes).toEqual(every);
    const nested = await pageAfter(Buffer.from(`{"o":"${real.o}","v":${'['.repeat(50_000)}${']'.repeat(50_000)}}`).toString('base64url'));
    expect(nested.status).toBeLessThan(500);
    expect(firstError(nested.body).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  test('another reader’s cursor is only a position: a city admin still reads its own city’s rows after it', async () => {
    const { all } = await t.ok(`{ all: allProgramsConnection(orderBy: ${BY_CITY}, first: 1000) { edges { cursor node { id school { city { id } } } } } }`);
    const bureau = await cityAdmin(t, hangzhou);
    const own = all.edges.filter((e: any) => e.node.school.city.id === hangzhou).map((e: any) => e.node.id);
    for (const [i, edge] of all.edges.entries()) {
      const { c } = await bureau.ok(`query($after: String) { c: allProgramsConnection(orderBy: ${BY_CITY}, after: $after) { nodes { id } } }`, {
        after: edge.cursor,
      });
      const later = all.edges.slice(i + 1).map((e: any) => e.node.id);
      expect(c.nodes.map((n: any) => n.id)).toEqual(later.filter((id: string) => own.includes(id)));
    }
  });
});

describe('bounds of the order and the page', () => {
  test('a path over three references, a path to nowhere, a huge first: typed refusals naming the place', async () => {
    const far = await t.gql(`{ allStudentsConnection(orderBy: [{ orderClass: { partnership: { school: { city: { code: ASC } } } } }]) { totalCount } }`);
    expect(firstError(far).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'orderBy[0].orderClass.partnership.school.city' });
    const nowhere = await t.gql(`{ allProgramsConnection(orderBy: [{ school: { nope: ASC } }]) { totalCount } }`);
    expect(firstError(nowhere).extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const huge = await t.gql(`{ allProgramsConnection(orderBy: ${BY_CITY}, first: 1000000) { totalCount } }`);
    expect(firstError(huge).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const many = `[${Array.from({ length: 11 }, () => '{ school: { city: { code: ASC } } }').join(', ')}]`;
    expect(firstError(await t.gql(`{ allProgramsConnection(orderBy: ${many}) { totalCount } }`)).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'orderBy',
    });
  });

  test('the largest page in the deepest order with every edge’s cursor is one statement for the values along the paths', async () => {
    const deepest = `[${Array.from({ length: 10 }, (_, i) => (i % 2 ? '{ school: { city: { code: DESC } } }' : '{ major: { name: ASC } }')).join(', ')}]`;
    t.resetQueryLog();
    const { c } = await t.ok(`{ c: allProgramsConnection(orderBy: ${deepest}, first: 1000) { edges { cursor } } }`);
    expect(c.edges.length).toBe(5);
    expect(t.selects().filter((sql) => /left join/i.test(sql) && /where e\.\W?id\W? in/i.test(sql))).toHaveLength(1);
  });
});
