import type { EntityManager } from '@mikro-orm/core';
import { ruleViolation } from '../../common/errors.js';
import { placeholders, queryRows, toNumber } from '../../read/sql.js';
import { chunksOf, IDS_PER_QUERY } from '../../common/batch-lookups.js';
import { isPostgres } from '../../read/dialect.js';
import { requestActor } from '../../auth/scope.js';
import { actorOf, type Actor } from '../../auth/actor.js';
import { Role } from '../../auth/role.js';
import { School } from '../school/school.entity.js';
import { ON_ROLL } from './student.enums.js';
import { append } from '../../common/multimap.js';

/**
 * On PostgreSQL, two transactions registering the same ID number at once take turns (SQLite has one
 * writer at a time anyway): transaction-scoped advisory locks on the hashes' first 60 bits, taken in
 * hash order so that two batches never wait for each other in a circle.
 */
export async function lockIdNumbers(em: EntityManager, idHashes: string[]): Promise<void> {
  if (!isPostgres(em)) return;
  const keys = [...idHashes].sort().map((hash) => BigInt(`0x${hash.slice(0, 15)}`).toString());
  for (const chunk of chunksOf(keys, IDS_PER_QUERY)) {
    await queryRows(em, `select count(pg_advisory_xact_lock(k)) as locked from unnest(?::bigint[]) as k`, [`{${chunk.join(',')}}`]);
  }
}

/** Records on the roll under ID numbers, by hash. */
export type OnRoll = Map<string, Array<{ id: number; schoolId: number }>>;

/** Records on the roll under any of these ID numbers: one query per chunk. */
export async function onRollAmong(em: EntityManager, idHashes: string[]): Promise<OnRoll> {
  const found: OnRoll = new Map();
  for (const chunk of chunksOf(idHashes, IDS_PER_QUERY)) {
    const rows = await queryRows<{ id: unknown; school_id: unknown; id_hash: string }>(
      em,
      `select id, school_id, id_hash from student where id_hash in ${placeholders(chunk)} and status in ${placeholders(ON_ROLL)}`,
      [...chunk, ...ON_ROLL],
    );
    for (const row of rows) append(found, row.id_hash, { id: toNumber(row.id), schoolId: toNumber(row.school_id) });
  }
  return found;
}

/** Whether the signed-in reader may learn which school holds a student (the province, the school's city, the school). */
function mayNameSchool(school: School, reader: Actor | null | undefined): boolean {
  const actor = requestActor(reader);
  if (!actor || actor.role === Role.PROVINCE_ADMIN) return true;
  if (actor.role === Role.CITY_ADMIN) return actor.cityId === school.city.id;
  return actor.role === Role.SCHOOL_STAFF && actor.schoolId === school.id;
}

/** 双重学籍: an ID number is on the roll of one school of the province at most. */
export async function assertNotOnRollElsewhere(em: EntityManager, idHash: string, studentId: number | undefined): Promise<void> {
  await lockIdNumbers(em, [idHash]);
  const other = (await onRollAmong(em, [idHash])).get(idHash)?.find((record) => record.id !== studentId);
  if (other) throw await doubleRegistration(em, other.schoolId, other.id);
}

/** The refusal of a second registration, naming the school that holds the student only to those who may know it. */
export async function doubleRegistration(em: EntityManager, schoolId: number, otherId: number | undefined) {
  const school = await em.findOneOrFail(School, schoolId, { populate: ['city'] });
  const named = mayNameSchool(school, actorOf(em));
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
