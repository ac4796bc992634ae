import { ChangeSetType, type EntityManager, type EntityMetadata } from '@mikro-orm/core';
import { preparedWrite } from '../read/prepared-statements.js';
import { queryRows, toNumber } from '../read/sql.js';
import { giveTurn } from './turns.js';
import { auditRowsOf, columnsOf, createdProps, createdRow, groupBy, insertRows, type PlannedWrite } from './change-set-writer.js';

/**
 * Rows of one staging transaction. Each holds the SQLite write connection a few milliseconds; other
 * writers take their turns between them.
 */
const ROWS_PER_STAGE = 1000;

/** Staging tables are named after their table, in the write connection's own `temp` schema. */
const STAGE_PREFIX = 'staged_';

interface StagedTable {
  table: string;
  stage: string;
  columns: string[];
  rows: number;
}

/**
 * Takes `count` ids of an AUTOINCREMENT table for rows not written yet: its sequence moves past them,
 * so no other writer's row gets one meanwhile. Returns the first.
 */
async function takeIds(tx: EntityManager, table: string, count: number): Promise<number> {
  const [row] = await queryRows<{ last: unknown }>(
    tx,
    `select max(coalesce((select seq from sqlite_sequence where name = ?), 0), coalesce((select max(id) from ${tx.getPlatform().quoteIdentifier(table)}), 0)) as last`,
    [table],
  );
  const last = toNumber(row?.last);
  await preparedWrite(tx, 'delete from sqlite_sequence where name = ?', [table]);
  await preparedWrite(tx, 'insert into sqlite_sequence (name, seq) values (?, ?)', [table, last + count]);
  return last + 1;
}

/** Drops the staging tables of the write connection (left by a write that stopped). */
export async function dropStaged(root: EntityManager): Promise<void> {
  await root.fork().transactional(async (tx) => {
    const stages = await queryRows<{ name: string }>(tx, `select name from temp.sqlite_master where type = 'table' and name like '${STAGE_PREFIX}%'`);
    for (const { name } of stages) await preparedWrite(tx, `drop table temp.${tx.getPlatform().quoteIdentifier(name)}`, []);
  });
}

/**
 * On SQLite, one writer at a time: a planned write's created rows and audit entries are written
 * ahead, in transactions of `ROWS_PER_STAGE` rows, into staging tables of the write connection's
 * `temp` schema, which no other connection sees and which a crash takes with it. Created rows get
 * their ids first (`takeIds`), so the staged rows and audit entries hold their final values. The
 * plan returned writes its updates and deletes and moves the staged rows in with one
 * `INSERT … SELECT` per table, run by SQLite with no work per row in JavaScript: its transaction
 * holds other writers only for that. `onStaged` is told in each staging transaction which share of
 * the rows (created rows and audit entries) is staged. The caller drops the staging tables when done
 * (`dropStaged`).
 */
export async function stageWrite(
  root: EntityManager,
  planned: PlannedWrite,
  onStaged: (tx: EntityManager, share: number) => Promise<unknown>,
): Promise<PlannedWrite> {
  const metadata = root.getMetadata();
  const q = (name: string) => root.getPlatform().quoteIdentifier(name);
  const creates = groupBy(planned.changeSets, ChangeSetType.CREATE);
  const total = [...creates.values()].reduce((sum, group) => sum + group.length, planned.audit?.length ?? 0);
  await dropStaged(root);
  await root.fork().transactional(async (tx) => {
    for (const [name, group] of creates) {
      const first = await takeIds(tx, metadata.get(name).tableName, group.length);
      group.forEach((cs, i) => {
        cs.entity.id = first + i;
        cs.payload.id = cs.entity.id;
      });
    }
  });

  const staged: StagedTable[] = [];
  let stagedRows = 0;
  const stage = async (meta: EntityMetadata, props: readonly string[], count: number, rowsAt: (from: number, to: number) => unknown[][]) => {
    const table = { table: meta.tableName, stage: `${STAGE_PREFIX}${meta.tableName}`, columns: columnsOf(meta, props), rows: count };
    staged.push(table);
    for (let from = 0; from < count; from += ROWS_PER_STAGE) {
      await root.fork().transactional(async (tx) => {
        // untyped columns keep each value as bound; the table's own columns convert it when it moves in, as they would have
        if (from === 0) await preparedWrite(tx, `create temp table ${q(table.stage)} (${table.columns.map(q).join(', ')})`, []);
        await insertRows(tx, meta, props, rowsAt(from, Math.min(count, from + ROWS_PER_STAGE)), { into: table.stage });
        stagedRows += Math.min(count - from, ROWS_PER_STAGE);
        await onStaged(tx, stagedRows / total);
      });
    }
  };
  for (const [name, group] of creates) {
    const meta = metadata.get(name);
    const props = createdProps(group);
    await stage(meta, props, group.length, (from, to) => group.slice(from, to).map((cs) => createdRow(meta, props, cs)));
  }
  const audit = planned.audit ?? [];
  if (audit.length > 0) {
    const { entityName, props } = auditRowsOf([]);
    // a part's rows at a time: 20,000 audit rows at once would add to the server's peak memory
    await stage(metadata.get(entityName), props, audit.length, (from, to) => auditRowsOf(audit.slice(from, to)).rows);
  }

  return {
    changeSets: planned.changeSets.filter((cs) => cs.type !== ChangeSetType.CREATE),
    moveStaged: async (tx) => {
      for (const { table, stage: name, columns, rows } of staged) {
        const list = columns.map(q).join(', ');
        const text = `insert into ${q(table)} (${list}) select ${list} from temp.${q(name)} where rowid > ? and rowid <= ? order by rowid`;
        // in parts, with turns between: SQLite runs a statement on the event loop, and reads go on meanwhile
        for (let from = 0; from < rows; from += ROWS_PER_STAGE) {
          await preparedWrite(tx, text, [from, from + ROWS_PER_STAGE]);
          await giveTurn();
        }
      }
    },
  };
}
