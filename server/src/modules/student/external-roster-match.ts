import type { EntityManager } from '@mikro-orm/core';
import { queryRows } from '../../read/sql.js';
import { ExternalRosterEntry, type ExternalRoster } from './external-roster.entity.js';
import { JointCheckCase } from './joint-check-case.entity.js';
import { Student } from './student.entity.js';
import { ON_ROLL } from './student.enums.js';

/** Hashes looked up per statement when matching (well under every database's parameter limit). */
const MATCH_CHUNK = 500;

/** Opens a case for every student on the roll whose ID number is on the roster (one per student and roster). */
export async function matchRoster(em: EntityManager, roster: ExternalRoster, hashes: string[], on: string): Promise<number> {
  let matched = 0;
  for (let i = 0; i < hashes.length; i += MATCH_CHUNK) {
    const chunk = hashes.slice(i, i + MATCH_CHUNK);
    const students = await queryRows<{ id: number; school_id: number }>(
      em,
      `select id, school_id from student where status in (${ON_ROLL.map(() => '?').join(', ')}) and id_hash in (${chunk.map(() => '?').join(', ')})`,
      [...ON_ROLL, ...chunk],
    );
    for (const row of students) {
      em.create(JointCheckCase, {
        student: em.getReference(Student, Number(row.id)),
        school: Number(row.school_id),
        roster,
        matchedOn: on,
      });
      matched += 1;
    }
  }
  return matched;
}

/** Stores a roster's hashes in statements of MATCH_CHUNK rows (SQLite caps the parameters of one statement). */
export async function insertEntries(em: EntityManager, roster: ExternalRoster, hashes: string[]): Promise<void> {
  for (let i = 0; i < hashes.length; i += MATCH_CHUNK) {
    await em.insertMany(
      ExternalRosterEntry,
      hashes.slice(i, i + MATCH_CHUNK).map((idHash) => ({ roster: roster.id, idHash }) as never),
    );
  }
}
