import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createPlan, createProgram, createSchool, markFiled } from '../helpers/fixtures.js';
import { knexOf } from '../../server/src/read/sql.js';
import {
  decryptIdNumber,
  idNumberHash,
  personalDataKeys,
  readPersonalDataKeys,
  type PersonalDataKeys,
} from '../../server/src/modules/student/personal-data-keys.js';
import { reencryptStudents } from '../../server/src/modules/student/reencrypt.js';

/** Keys from the environment, and their rotation: re-encryption under a new key, a new lookup hash under a new HMAC key. */

const ID_NUMBER = '330106199001010026';
let t: TestApp;
const rowsOf = (result: any): any[] => (Array.isArray(result) ? result : result.rows);
const stored = async () => rowsOf(await knexOf(t.orm.em.fork()).raw('select id_cipher, id_key_id, id_hash from student'))[0];

beforeAll(async () => {
  t = await createTestApp();
  const school = await createSchool(t, { name: '密钥测试技师学院', cityCode: '330100' });
  const program = await createProgram(t, { schoolId: school, majorCode: '0101', entryBasis: 'SENIOR_HIGH' });
  const plan = await createPlan(t, { programId: program, year: 2025, seats: 5 });
  await markFiled(t, [plan]);
  await t.ok(
    `mutation($p: ID!) { createStudent(planId: $p, name: "冯演一", idNumber: "${ID_NUMBER}", originCode: "330100", targetGroup: ENTERPRISE_EMPLOYEE, registeredOn: "2025-09-10") { id } }`,
    { p: plan },
  );
}, 120000);
afterAll(async () => {
  await t?.close();
});

test('production refuses to start without keys; malformed keys are refused everywhere', () => {
  expect(() => readPersonalDataKeys({ NODE_ENV: 'production' })).toThrow(/PERSONAL_DATA_KEY/);
  expect(() => readPersonalDataKeys({ NODE_ENV: 'production', PERSONAL_DATA_KEY: `k1:${'a'.repeat(64)}` })).toThrow(/PERSONAL_DATA_HMAC_KEY/);
  expect(() => readPersonalDataKeys({ PERSONAL_DATA_KEY: 'k1:abc' })).toThrow(/64 hex/);
  expect(() => readPersonalDataKeys({ PERSONAL_DATA_HMAC_KEY: 'x' })).toThrow(/64 hex/);
  const keys = readPersonalDataKeys({
    NODE_ENV: 'production',
    PERSONAL_DATA_KEY: `k2:${'a'.repeat(64)}`,
    PERSONAL_DATA_OLD_KEYS: `k1:${'b'.repeat(64)}`,
    PERSONAL_DATA_HMAC_KEY: 'c'.repeat(64),
  });
  expect([keys.currentId, [...keys.keys.keys()]]).toEqual(['k2', ['k2', 'k1']]);
});

test('a new key: every row is encrypted again under it and still reads; the lookup hash stays', async () => {
  const dev = personalDataKeys();
  const before = await stored();
  expect(before.id_key_id).toBe(dev.currentId);
  const rotated: PersonalDataKeys = { currentId: 'k2027', keys: new Map([['k2027', randomBytes(32)], ...dev.keys]), hmacKey: dev.hmacKey };
  expect(await reencryptStudents(t.orm.em.fork(), rotated)).toBe(1);
  const after = await stored();
  expect(after.id_key_id).toBe('k2027');
  expect(after.id_cipher).not.toBe(before.id_cipher);
  expect(after.id_hash).toBe(before.id_hash);
  expect(decryptIdNumber(after.id_cipher, after.id_key_id, rotated)).toBe(ID_NUMBER);
  // the old key alone no longer reads it
  expect(() => decryptIdNumber(after.id_cipher, after.id_key_id, dev)).toThrow(/k2027/);
  // nothing left under an old key: a second run does nothing
  expect(await reencryptStudents(t.orm.em.fork(), rotated)).toBe(0);

  const rehashed: PersonalDataKeys = { ...rotated, hmacKey: randomBytes(32) };
  expect(await reencryptStudents(t.orm.em.fork(), rehashed, { rehash: true })).toBe(1);
  expect((await stored()).id_hash).toBe(idNumberHash(ID_NUMBER, rehashed));
  expect((await stored()).id_hash).not.toBe(before.id_hash);

  // back under the process's keys, so the server reads the row again
  expect(await reencryptStudents(t.orm.em.fork(), { ...dev, keys: new Map([...dev.keys, ...rotated.keys]) }, { rehash: true })).toBe(1);
  expect((await t.ok('{ allStudents { idNumber } }')).allStudents).toEqual([{ idNumber: ID_NUMBER }]);
});
