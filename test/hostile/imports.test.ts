import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../helpers/test-app.js';
import { cityId } from '../helpers/fixtures.js';
import { createUser } from '../helpers/users.js';
import { IMPORT_LIMITS } from '../../server/src/modules/import/import-limits.js';
import { REQUEST_LIMITS } from '../../server/src/http/limits.js';
import { firstError, whileHealthy } from './support.js';

/** Import jobs under attack: parts too large, too many rows or jobs, rows that are not rows, ids that are not ids. */

let t: TestApp;
let staff: Client;
let other: Client;
let city: string;

const START = `mutation { startImport(resource: School) { id status } }`;
const ADD = `mutation($job: ID!, $rows: [JSONObject!]!) { addImportRows(job: $job, rows: $rows) { rowCount problemCount } }`;
const CANCEL = `mutation($job: ID!) { cancelImport(job: $job) { status } }`;
const READ = `query($id: ID!, $offset: Int, $limit: Int) { importJob(id: $id) { rowCount problems(offset: $offset, limit: $limit) { ord } } }`;

beforeAll(async () => {
  t = await createTestApp();
  city = await cityId(t, '330100');
  staff = await t.as(await createUser(t, { username: 'hostile.importer', role: 'CITY_ADMIN', cityId: city }));
  other = await t.as(await createUser(t, { username: 'hostile.other', role: 'CITY_ADMIN', cityId: city }));
});
afterAll(async () => t?.close());

const school = (i: number) => ({ name: `导入攻击学校${i}`, type: 'TECHNICAL_SCHOOL', cityId: city });

describe('bounds', () => {
  test(`a part of more than ${IMPORT_LIMITS.rowsPerPart} rows is refused whole, nothing staged`, async () => {
    const job = (await staff.ok(START)).startImport;
    const rows = Array.from({ length: IMPORT_LIMITS.rowsPerPart + 1 }, (_, i) => school(i));
    const error = firstError(await whileHealthy(t, () => staff.gql(ADD, { job: job.id, rows })));
    expect(error.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', field: 'rows', maximum: IMPORT_LIMITS.rowsPerPart });
    expect((await staff.ok(READ, { id: job.id })).importJob.rowCount).toBe(0);
    await staff.ok(CANCEL, { job: job.id });
  });

  test(`an import stops taking rows at ${IMPORT_LIMITS.maxRows}`, async () => {
    const job = (await staff.ok(START)).startImport;
    const part = Array.from({ length: IMPORT_LIMITS.rowsPerPart }, () => ({}));
    await whileHealthy(t, async () => {
      for (let i = 0; i < IMPORT_LIMITS.maxRows / IMPORT_LIMITS.rowsPerPart; i++) await staff.ok(ADD, { job: job.id, rows: part });
    });
    const error = firstError(await staff.gql(ADD, { job: job.id, rows: [{}] }));
    expect(error.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', field: 'rows', maximum: IMPORT_LIMITS.maxRows, actual: IMPORT_LIMITS.maxRows + 1 });
    expect((await staff.ok(READ, { id: job.id })).importJob.rowCount).toBe(IMPORT_LIMITS.maxRows);
    await staff.ok(CANCEL, { job: job.id });
  }, 120000);

  test(`at most ${IMPORT_LIMITS.openJobsPerUser} jobs under way per user`, async () => {
    const jobs = [];
    for (let i = 0; i < IMPORT_LIMITS.openJobsPerUser; i++) jobs.push((await staff.ok(START)).startImport.id);
    expect(firstError(await staff.gql(START)).extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', maximum: IMPORT_LIMITS.openJobsPerUser });
    // another user is not held back by this one
    await other.ok(CANCEL, { job: (await other.ok(START)).startImport.id });
    for (const job of jobs) await staff.ok(CANCEL, { job });
  });

  test('problems are read in bounded pages', async () => {
    const job = (await staff.ok(START)).startImport;
    for (const [offset, limit, field] of [
      [0, IMPORT_LIMITS.problemsPerPage + 1, 'limit'],
      [0, 0, 'limit'],
      [-1, 10, 'offset'],
      [IMPORT_LIMITS.maxRows + 1, 10, 'offset'],
    ] as const) {
      expect(firstError(await staff.gql(READ, { id: job.id, offset, limit })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    await staff.ok(CANCEL, { job: job.id });
  });
});

describe('malformed input', () => {
  test('rows that are not objects are refused by the type; rows of the wrong shape become problems', async () => {
    const job = (await staff.ok(START)).startImport;
    for (const rows of [[1], ['x'], [null], [[]]]) expect(firstError(await staff.gql(ADD, { job: job.id, rows })).extensions.code).toBe('BAD_USER_INPUT');
    // nearly as deep as a body may nest (the request budget refuses deeper bodies before they are read)
    const levels = REQUEST_LIMITS.jsonDepth - 10;
    const deep = JSON.parse('{"a":'.repeat(levels) + '1' + '}'.repeat(levels));
    const shaped = await staff.ok(ADD, {
      job: job.id,
      rows: [{ name: { nested: deep } }, { [`${'x'.repeat(5000)}`]: 1 }, { name: 'x'.repeat(100_000), type: 'TECHNICAL_SCHOOL', cityId: city }],
    });
    expect(shaped.addImportRows).toMatchObject({ rowCount: 3, problemCount: 2 });
    await staff.ok(CANCEL, { job: job.id });
  });

  test.each(['abc', '-1', '0', '99999999999999999999', '1e3', ''])('job id %j is refused as input or as absent', async (id) => {
    for (const query of [ADD, CANCEL]) {
      const error = firstError(await staff.gql(query, { job: id, rows: [] }));
      expect(['BAD_USER_INPUT', 'NOT_FOUND']).toContain(error.extensions.code);
    }
  });

  test('anonymous callers cannot start or read imports', async () => {
    const anonymous = await t.as(null);
    expect(firstError(await anonymous.gql(START)).extensions.code).toBe('UNAUTHENTICATED');
  });
});
