import type { EntityManager } from '@mikro-orm/core';
import { ruleViolation } from '../../common/errors.js';
import { queryRows } from '../../read/sql.js';
import { isPostgres } from '../../read/dialect.js';
import { requestActor } from '../../auth/scope.js';
import { Role } from '../../auth/role.js';
import { School } from '../school/school.entity.js';
import { ON_ROLL } from './student.enums.js';

/**
 * On PostgreSQL, two transactions registering the same ID number at once take turns (SQLite has one
 * writer at a time anyway): a transaction-scoped advisory lock on the hash's first 60 bits.
 */
async function lockIdNumber(em: EntityManager, idHash: string): Promise<void> {
  if (!isPostgres(em)) return;
  await queryRows(em, 'select pg_advisory_xact_lock(?::bigint)', [BigInt(`0x${idHash.slice(0, 15)}`).toString()]);
}

/** Whether the signed-in reader may learn which school holds a student (the province, the school's city, the school). */
function mayNameSchool(school: School): boolean {
  const actor = requestActor();
  if (!actor || actor.role === Role.PROVINCE_ADMIN) return true;
  if (actor.role === Role.CITY_ADMIN) return actor.cityId === school.city.id;
  return actor.role === Role.SCHOOL_STAFF && actor.schoolId === school.id;
}

/** 双重学籍: an ID number is on the roll of one school of the province at most. */
export async function assertNotOnRollElsewhere(em: EntityManager, idHash: string, studentId: number | undefined): Promise<void> {
  await lockIdNumber(em, idHash);
  const [other] = await queryRows<{ id: number; school_id: number }>(
    em,
    `select id, school_id from student where id_hash = ? and status in (${ON_ROLL.map(() => '?').join(', ')}) and id <> ? limit 1`,
    [idHash, ...ON_ROLL, studentId ?? 0],
  );
  if (other) throw await doubleRegistration(em, Number(other.school_id), other.id);
}

/** The refusal of a second registration, naming the school that holds the student only to those who may know it. */
export async function doubleRegistration(em: EntityManager, schoolId: number, otherId: number | undefined) {
  const school = await em.findOneOrFail(School, schoolId, { populate: ['city'] });
  const named = mayNameSchool(school);
  const which = otherId === undefined ? '本次保存的另一行' : `学生 ${otherId}`;
  const whichEn = otherId === undefined ? 'another row of this save' : `student ${otherId}`;
  return ruleViolation(
    'DOUBLE_REGISTRATION',
    named ? `该身份证号已在${school.name}注册在籍（${which}），不得重复注册学籍` : '该身份证号已在省内其他院校注册在籍，不得重复注册学籍',
    named
      ? `this ID number is already on the roll of ${school.name} (${whichEn}); no second registration`
      : 'this ID number is already on the roll of another school of the province; no second registration',
    'idNumber',
  );
}
