import type { MikroORM } from '@mikro-orm/core';
import { isPostgres } from '../../server/src/read/dialect.js';
import { knexOf } from '../../server/src/read/sql.js';
import type { Table } from './generate.js';

const CHUNK_PARAMETERS = 30000;

/**
 * Multi-row INSERTs of a few thousand rows each inside one transaction (not entity by entity);
 * version and timestamps are filled in here so the rows look like the ORM's own. The triggers on
 * intake fill intake_tally as the rows go in (per row on SQLite, per INSERT on PostgreSQL).
 */
export async function bulkLoad(orm: MikroORM, tables: Table[]): Promise<void> {
  const knex = knexOf(orm.em);
  const sqlite = !isPostgres(orm.em);
  const now = sqlite ? Date.now() : new Date();
  await knex.transaction(async (trx) => {
    for (const table of tables) {
      const columns = [...table.columns, 'version', 'created_at', 'updated_at'];
      const perChunk = Math.floor(CHUNK_PARAMETERS / columns.length);
      const rowSql = `(${columns.map(() => '?').join(', ')})`;
      for (let start = 0; start < table.rows.length; start += perChunk) {
        const chunk = table.rows.slice(start, start + perChunk);
        const bindings = chunk.flatMap((row) => [...row, 1, now, now]);
        await trx.raw(`insert into ${table.name} (${columns.join(', ')}) values ${chunk.map(() => rowSql).join(', ')}`, bindings as never[]);
      }
    }
  });
  if (!sqlite) {
    for (const table of tables) await knex.raw(`select setval(pg_get_serial_sequence('${table.name}', 'id'), (select max(id) from ${table.name}))`);
  }
  // Fresh statistics, as after any bulk import; on PostgreSQL also the visibility map that lets
  // the covering index answer without visiting the table (autovacuum would set it later).
  await knex.raw(sqlite ? 'analyze' : 'vacuum analyze');
}
