import { ChangeSetType, type ChangeSet, type EntityManager, type EntityMetadata } from '@mikro-orm/core';
import { isPostgres } from '../read/dialect.js';
import { preparedWrite } from '../read/prepared-statements.js';
import { queryRows, toNumber } from '../read/sql.js';
import { giveTurn } from './turns.js';
import { auditRowsOf, columnsOf, createdProps, createdRow, groupBy, insertRows, type PlannedWrite } from './change-set-writer.js';
import type { BaseEntity } from './base.entity.js';
import { inTransaction } from './transaction.js';

/**
 * Rows of one staging transaction. Each holds the SQLite write connection a few milliseconds; other
 * writers take their turns between them.
 */
const ROWS_PER_STAGE = 1000;

/** Staging tables are named after their table, in the write connection's own `temp` schema. */
const STAGE_PREFIX = 'staged_';

/**
 * Where a write planned in slices (`planChangeSets` with `take`) puts each slice's created rows and
 * audit entries until its last transaction moves them in: the slice's change sets are let go then,
 * so a large import holds one slice of them at a time.
 */
export interface Staging {
  /** Stages a slice's created rows (and, where staged, its audit entries); returns what of the slice the last transaction still writes. */
  take(slice: PlannedWrite): Promise<PlannedWrite>;
  /** Moves the staged rows into their tables, in the write's last transaction (see `PlannedWrite.moveStaged`). */
  moveStaged(tx: EntityManager): Promise<void>;
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

/**
 * Gives a slice's created rows their final ids before they are written, so that they and their audit
 * entries can be kept (or staged) as the values they will have: on SQLite the table's sequence moves
 * past them (`takeIds`) in a short transaction of its own, or in the caller's; on PostgreSQL they are
 * drawn from its sequence (an id drawn and not used leaves a gap, as a rolled-back insert does).
 */
async function assignIds(root: EntityManager, creates: Map<string, ChangeSet<BaseEntity>[]>): Promise<void> {
  const metadata = root.getMetadata();
  const give = (group: ChangeSet<BaseEntity>[], ids: number[]) =>
    group.forEach((cs, i) => {
      cs.entity.id = ids[i]!;
      cs.payload.id = cs.entity.id;
    });
  if (isPostgres(root)) {
    for (const [name, group] of creates) {
      const meta = metadata.get(name);
      const drawn = await queryRows<{ id: unknown }>(root, 'select nextval(pg_get_serial_sequence(?, ?)) as id from generate_series(1, ?)', [
        meta.tableName,
        meta.properties[meta.primaryKeys[0]! as never]!.fieldNames[0]!,
        group.length,
      ]);
      give(
        group,
        drawn.map((row) => toNumber(row.id)).sort((a, b) => a - b),
      );
    }
    return;
  }
  const take = async (tx: EntityManager) => {
    for (const [name, group] of creates) {
      const first = await takeIds(tx, metadata.get(name).tableName, group.length);
      give(
        group,
        group.map((_, i) => first + i),
      );
    }
  };
  if (root.getTransactionContext()) await take(root);
  else await inTransaction(root.fork(), take);
}

/** A slice's created rows by entity, their ids given (`assignIds`), with the columns they set. */
async function createdRowsOf(root: EntityManager, slice: PlannedWrite) {
  const creates = groupBy(slice.changeSets, ChangeSetType.CREATE);
  await assignIds(root, creates);
  return [...creates].map(([name, group]) => ({ meta: root.getMetadata().get(name), props: createdProps(group), group }));
}

/** What of a slice the last transaction still writes once its created rows are staged. */
const notCreated = (slice: PlannedWrite): PlannedWrite => ({ changeSets: slice.changeSets.filter((cs) => cs.type !== ChangeSetType.CREATE) });

/** Drops the staging tables of the write connection (left by a write that stopped). */
export async function dropStaged(root: EntityManager): Promise<void> {
  await inTransaction(root.fork(), async (tx) => {
    const stages = await queryRows<{ name: string }>(tx, `select name from temp.sqlite_master where type = 'table' and name like '${STAGE_PREFIX}%'`);
    for (const { name } of stages) await preparedWrite(tx, `drop table temp.${tx.getPlatform().quoteIdentifier(name)}`, []);
  });
}

interface StagedTable {
  table: string;
  stage: string;
  columns: string[];
  rows: number;
}

/**
 * On SQLite, one writer at a time: each slice's created rows and audit entries are written ahead,
 * in transactions of `ROWS_PER_STAGE` rows, into staging tables of the write connection's `temp`
 * schema, which no other connection sees and which a crash takes with it. A slice's created rows get
 * their ids first (`takeIds`), so the staged rows and audit entries hold their final values. The last
 * transaction writes the updates and deletes kept from the slices and moves the staged rows in with
 * `INSERT … SELECT` per table, run by SQLite with no work per row in JavaScript: it holds other writers
 * only for that. `onStaged` is called in each staging transaction (to report progress). The caller
 * drops the staging tables when done (`dropStaged`), and before it starts.
 */
export function stageInTempTables(root: EntityManager, onStaged: (tx: EntityManager) => Promise<unknown>): Staging {
  const metadata = root.getMetadata();
  const q = (name: string) => root.getPlatform().quoteIdentifier(name);
  /** Staging tables by table and columns (a slice may set other columns than the one before), audit entries last. */
  const tables = new Map<string, StagedTable>();
  let audit: StagedTable | undefined;
  let made = 0;

  const stage = async (meta: EntityMetadata, props: readonly string[], count: number, rowsAt: (from: number, to: number) => unknown[][], isAudit = false) => {
    const columns = columnsOf(meta, props);
    const key = `${meta.tableName}(${columns.join(',')})`;
    const known = isAudit ? audit : tables.get(key);
    const table = known ?? { table: meta.tableName, stage: `${STAGE_PREFIX}${meta.tableName}_${made++}`, columns, rows: 0 };
    if (isAudit) audit = table;
    else tables.set(key, table);
    for (let from = 0; from < count; from += ROWS_PER_STAGE) {
      await inTransaction(root.fork(), async (tx) => {
        // untyped columns keep each value as bound; the table's own columns convert it when it moves in, as they would have
        if (!known && from === 0) await preparedWrite(tx, `create temp table ${q(table.stage)} (${table.columns.map(q).join(', ')})`, []);
        await insertRows(tx, meta, props, rowsAt(from, Math.min(count, from + ROWS_PER_STAGE)), { into: table.stage });
        table.rows += Math.min(count - from, ROWS_PER_STAGE);
        await onStaged(tx);
      });
    }
  };

  return {
    async take(slice) {
      for (const { meta, props, group } of await createdRowsOf(root, slice)) {
        await stage(meta, props, group.length, (from, to) => group.slice(from, to).map((cs) => createdRow(meta, props, cs)));
      }
      const entries = slice.audit ?? [];
      if (entries.length > 0) {
        const { entityName, props } = auditRowsOf([]);
        // a part's rows at a time: all of a slice's audit rows at once would add to the server's peak memory
        await stage(metadata.get(entityName), props, entries.length, (from, to) => auditRowsOf(entries.slice(from, to)).rows, true);
      }
      return notCreated(slice);
    },
    async moveStaged(tx) {
      for (const { table, stage: name, columns, rows } of [...tables.values(), ...(audit ? [audit] : [])]) {
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

interface HeldRows {
  meta: EntityMetadata;
  props: readonly string[];
  rows: unknown[][];
}

/**
 * Keeps each slice's created rows and audit entries in memory until the last transaction, as the
 * values their columns take (the created rows with their ids, see `assignIds`) rather than as change
 * sets and entities, which hold several copies of each row. On PostgreSQL, where the write stays one
 * transaction (other writers are not held by it: MVCC), and on either database when the last attempt
 * of an import validates and writes in one transaction (`root` is then that transaction).
 */
export function stageInMemory(root: EntityManager): Staging {
  const metadata = root.getMetadata();
  const held: HeldRows[] = [];
  const audit: unknown[][] = [];
  return {
    async take(slice) {
      for (const { meta, props, group } of await createdRowsOf(root, slice)) {
        held.push({ meta, props, rows: group.map((cs) => createdRow(meta, props, cs)) });
        await giveTurn();
      }
      for (const row of auditRowsOf(slice.audit ?? []).rows) audit.push(row);
      return notCreated(slice);
    },
    async moveStaged(tx) {
      for (const { meta, props, rows } of held) await insertRows(tx, meta, props, rows);
      const { entityName, props } = auditRowsOf([]);
      await insertRows(tx, metadata.get(entityName), props, audit);
    },
  };
}
