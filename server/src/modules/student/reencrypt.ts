import type { EntityManager } from '@mikro-orm/core';
import { queryRows } from '../../read/sql.js';
import { decryptIdNumber, encryptIdNumber, idNumberHash, type PersonalDataKeys } from './personal-data-keys.js';
import { inTransaction } from '../../common/transaction.js';

/** Rows re-encrypted per transaction: short enough that other writers wait a moment at most. */
const BATCH = 500;

/**
 * Key rotation: every student whose ID number is under another key than the current one is
 * encrypted again under the current key (`rehash`: every student, and its lookup hash is computed
 * again with the current HMAC key). Batches commit one by one, so the command can stop and resume.
 */
export async function reencryptStudents(em: EntityManager, keys: PersonalDataKeys, { rehash = false } = {}): Promise<number> {
  let done = 0;
  let after = 0;
  for (;;) {
    const rows = await queryRows<{ id: number; id_cipher: string; id_key_id: string }>(
      em,
      `select id, id_cipher, id_key_id from student where id > ?${rehash ? '' : ' and id_key_id <> ?'} order by id limit ?`,
      rehash ? [after, BATCH] : [after, keys.currentId, BATCH],
    );
    if (rows.length === 0) return done;
    await inTransaction(em, async (tx) => {
      for (const row of rows) {
        const idNumber = decryptIdNumber(row.id_cipher, row.id_key_id, keys);
        const { cipher, keyId } = encryptIdNumber(idNumber, keys);
        await queryRows(tx, 'update student set id_cipher = ?, id_key_id = ?, id_hash = ? where id = ?', [
          cipher,
          keyId,
          idNumberHash(idNumber, keys),
          Number(row.id),
        ]);
      }
    });
    done += rows.length;
    after = Number(rows.at(-1)!.id);
  }
}
