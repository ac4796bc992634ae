import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { expect, inject, test } from 'vitest';
import type { MikroORM } from '@mikro-orm/core';
import { migrate, openOrm } from '../../server/src/orm.js';
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
