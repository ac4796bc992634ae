import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { firstError, post, whileHealthy } from './support.js';

/** NUL and unpaired surrogates are bad input wherever they appear, named by the field that carries them. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const refusal = (result: Awaited<ReturnType<typeof post>>) => {
  const error = firstError(result.body);
  return { status: result.status, code: error.extensions.code, rule: error.extensions.rule, field: error.extensions.field };
};

describe('unstorable text', () => {
  test.each([
    ['a NUL in a search', 'a\u0000b'],
    ['a lone high surrogate', 'x\uD800'],
    ['a lone low surrogate', '\uDC00y'],
  ])('%s in a variable is refused and names the field', async (_name, text) => {
    const result = await whileHealthy(t, () => post(t, { query: 'query($f: SchoolFilter) { allSchools(filter: $f) { id } }', variables: { f: { q: text } } }));
    expect(refusal(result)).toEqual({ status: 400, code: 'BAD_USER_INPUT', rule: 'TEXT', field: 'f.q' });
  });

  test('inside a bulk row it names the row and the column, and nothing is written', async () => {
    const city = (await t.ok('{ allCities(perPage: 1) { id } }')).allCities[0].id;
    const rows = [
      { name: '正常学校', type: 'TECHNICAL_SCHOOL', cityId: city },
      { name: '坏\u0000学校', type: 'TECHNICAL_SCHOOL', cityId: city },
    ];
    const result = await post(t, { query: 'mutation($rows: [SchoolSaveRow!]!) { saveSchools(rows: $rows) { id } }', variables: { rows } });
    expect(refusal(result)).toEqual({ status: 400, code: 'BAD_USER_INPUT', rule: 'TEXT', field: 'rows.1.name' });
    expect((await t.ok('{ _allSchoolsMeta(filter: { q: "正常学校" }) { count } }'))._allSchoolsMeta.count).toBe(0);
  });

  test('written into the document it names the argument, each time the document is sent', async () => {
    for (const _ of [1, 2]) {
      const result = await post(t, { query: '{ allSchools(filter: { q: "a\\u0000b" }) { id } }' });
      expect(refusal(result)).toEqual({ status: 400, code: 'BAD_USER_INPUT', rule: 'TEXT', field: 'filter.q' });
    }
  });

  test('a paired surrogate (an emoji) is ordinary text', async () => {
    const result = await post(t, { query: 'query($q: String) { allSchools(filter: { q: $q }) { id } }', variables: { q: '学校😀' } });
    expect(result.body).toEqual({ data: { allSchools: [] } });
  });

  test('a summary year outside the campaign is bad input, not a date the server cannot write (found by the fuzzer)', async () => {
    for (const year of [0, -2147483648, 2147483647]) {
      const error = firstError((await post(t, { query: 'query($y: Int!) { annualSummaryStatuses(year: $y) { dueOn } }', variables: { y: year } })).body);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year' });
    }
  });

  test('an id beyond 32 bits is bad input on every database, not a driver error', async () => {
    const error = firstError((await post(t, { query: '{ School(id: "9999999999") { id } }' })).body);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});
