import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { expect, inject, test } from 'vitest';
import type { MikroORM } from '@mikro-orm/core';
import { migrate, openOrm } from '../../server/src/orm.js';
import { inTransaction } from '../../server/src/common/transaction.js';
import { databaseUrlFor, testDatabase } from '../helpers/databases.js';

/** An empty database of the project's kind (not the migrated template): the migrations start from nothing. */
async function emptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (testDatabase() === 'sqlite') {
    const file = path.join(os.tmpdir(), `zj-migrations-${randomUUID()}.sqlite`);
    return { url: `sqlite:${file}`, drop: async () => fs.rmSync(file, { force: true }) };
  }
  const name = `m_${randomUUID().replace(/-/g, '')}`;
  const server = databaseUrlFor(inject('templateUrl'), 'postgres');
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`create database ${name}`);
  return { url: databaseUrlFor(server, name), drop: () => run(`drop database if exists ${name} with (force)`) };
}

/**
 * A database built straight from the entities' DDL. MikroORM emits the implicit foreign-key index
 * and an explicit `@Index()` of the same name twice; running that statement once is what is meant.
 */
async function buildFromEntities(orm: MikroORM): Promise<void> {
  const ddl = await orm.schema.getCreateSchemaSQL({ wrap: false });
  for (const statement of new Set(
    ddl
      .split(/;\n/)
      .map((s) => s.trim())
      .filter(Boolean),
  )) {
    await orm.em.getConnection().execute(statement);
  }
}

async function pendingChanges(build: (orm: MikroORM) => Promise<void>): Promise<string> {
  const database = await emptyDatabase();
  const orm = await openOrm({ databaseUrl: database.url });
  try {
    await build(orm);
    return await orm.schema.getUpdateSchemaSQL({ wrap: false });
  } finally {
    await orm.close();
    await database.drop();
  }
}

/**
 * Migrations are current when the schema generator cannot tell the migrated database from one built
 * from the entities. (Comparing against nothing pending is not enough on SQLite: MikroORM 6.6 misreads
 * SQLite enum checks and foreign keys, so it always proposes rebuilding those tables, for both.)
 */
test('the migrations build exactly the schema the entities describe', async () => {
  const afterMigrations = await pendingChanges(migrate);
  expect(afterMigrations).toBe(await pendingChanges(buildFromEntities));
});

/**
 * The schema generator compares an index written as an expression by its name alone, so what the partial indexes
 * of the students' references hold, and that a lookup by either reference reads them, is checked here.
 */
test("the students' order-class and cross-region indexes hold only rows with the reference, and lookups by it read them", async () => {
  const database = await emptyDatabase();
  const orm = await openOrm({ databaseUrl: database.url });
  try {
    await migrate(orm);
    const connection = orm.em.getConnection();
    for (const column of ['order_class_id', 'cross_region_agreement_id']) {
      const index = `student_${column}_index`;
      if (testDatabase() === 'sqlite') {
        const [definition] = await connection.execute<{ sql: string }[]>(`select sql from sqlite_master where type = 'index' and name = ?`, [index]);
        expect(definition!.sql.replace(/[`"]/g, '')).toMatch(new RegExp(`where ${column} is not null$`, 'i'));
        const plan = await connection.execute<{ detail: string }[]>(`explain query plan select id from student where ${column} = ?`, [1]);
        expect(plan.map((step: { detail: string }) => step.detail).join(' ')).toMatch(new RegExp(`USING (COVERING )?INDEX ${index}`));
      } else {
        const [definition] = await connection.execute<{ indexdef: string }[]>(`select indexdef from pg_indexes where indexname = ?`, [index]);
        expect(definition!.indexdef).toContain(`WHERE (${column} IS NOT NULL)`);
        const plan = await inTransaction(orm.em.fork(), async (tx) => {
          await tx.getConnection().execute('set local enable_seqscan = off', [], 'run', tx.getTransactionContext());
          return tx
            .getConnection()
            .execute<{ 'QUERY PLAN': string }[]>(`explain select id from student where ${column} = ?`, [1], 'all', tx.getTransactionContext());
        });
        expect(plan.map((line: { 'QUERY PLAN': string }) => line['QUERY PLAN']).join(' ')).toContain(index);
      }
    }
  } finally {
    await orm.close();
    await database.drop();
  }
});
