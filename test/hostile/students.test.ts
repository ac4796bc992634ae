import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createPlan, createProgram, createSchool, markFiled } from '../helpers/fixtures.js';
import { createUser } from '../helpers/users.js';
import { expectHealthy, firstError, whileHealthy } from './support.js';
import { checkCharacter } from '../helpers/id-numbers.js';

/** The students' endpoints at their bounds: the largest external roster, a full roster of bad rows, many openings of foreign records. */

/** The n-th of many distinct valid ID numbers: a birth day and a sequence number from n. */
function idNumber(n: number): string {
  const day = new Date(Date.UTC(1990, 0, 1) + Math.floor(n / 900) * 86400000).toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `330106${day}${String(100 + (n % 900)).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

let t: TestApp;
let planId: string;
const count = async (table: string) => Number((await t.orm.em.fork().getConnection().execute(`select count(*) as n from ${table}`))[0].n);

beforeAll(async () => {
  t = await createTestApp();
  const school = await createSchool(t, { name: '压力测试技师学院', cityCode: '330100' });
  const program = await createProgram(t, { schoolId: school, majorCode: '0101' });
  planId = await createPlan(t, { programId: program, year: 2025, seats: 2000 });
  await markFiled(t, [planId]);
}, 120000);
afterAll(async () => {
  await t?.close();
});

test('the largest external roster (20,000 numbers) is stored as hashes while the server stays responsive; one more is refused whole', async () => {
  const ids = Array.from({ length: 20000 }, (_, n) => idNumber(n));
  const uploaded = await whileHealthy(t, () =>
    t.ok(`mutation($ids: [String!]!) { uploadExternalRoster(kind: SECONDARY_VOCATIONAL, label: "压力测试", idNumbers: $ids) { matched roster { entries } } }`, {
      ids,
    }),
  );
  expect(uploaded.uploadExternalRoster).toEqual({ matched: 0, roster: { entries: 20000 } });
  expect(await count('external_roster_entry')).toBe(20000);
  const refused = await t.gql(`mutation($ids: [String!]!) { uploadExternalRoster(kind: SECONDARY_VOCATIONAL, label: "x", idNumbers: $ids) { matched } }`, {
    ids: [...ids, idNumber(20000)],
  });
  expect(firstError(refused).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idNumbers' });
  expect(await count('external_roster')).toBe(1);
}, 120000);

test('a full roster naming a plan line that does not exist lists every row, saves nothing and the server answers afterwards', async () => {
  const rows = Array.from({ length: 1000 }, (_, n) => ({
    planId: String(Number(planId) + 1000),
    name: `演${n}`,
    idNumber: idNumber(n).slice(0, 17) + (idNumber(n).endsWith('0') ? '1' : '0'),
    targetGroup: 'JUNIOR_HIGH_GRADUATE',
    registeredOn: '2025-09-10',
  }));
  const result = await t.gql(`mutation($rows: [StudentSaveRow!]!) { saveStudents(rows: $rows) { id } }`, { rows });
  expect(firstError(result).extensions.rows).toHaveLength(1000);
  expect(await count('student')).toBe(0);
  expect(await count('intake')).toBe(0);
  await expectHealthy(t);
}, 120000);

test('opening foreign records under many aliases reveals nothing and records nothing', async () => {
  const staff = await t.as(
    await createUser(t, {
      username: 'hostile.staff',
      role: 'SCHOOL_STAFF',
      schoolId: await createSchool(t, { name: '压力测试第二技师学院', cityCode: '330100' }),
    }),
  );
  const before = await count('audit_entry');
  const aliases = Array.from({ length: 200 }, (_, i) => `r${i}: revealStudent(id: "${i + 1}") { id name }`).join(' ');
  const result = await staff.gql(`{ ${aliases} }`);
  expect(result.errors).toBeUndefined();
  expect(Object.values(result.data!).every((v) => v === null)).toBe(true);
  expect(await count('audit_entry')).toBe(before);
});
