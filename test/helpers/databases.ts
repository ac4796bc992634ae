import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';

export type TestDatabase = 'sqlite' | 'postgresql';

export const TEMPLATE_DB = 'zj_template';

/** The database kind of the running vitest project. */
export const testDatabase = (): TestDatabase => (process.env.TEST_DATABASE === 'postgresql' ? 'postgresql' : 'sqlite');

export function databaseUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A fresh database for one test file: a copy of the migrated, reference-seeded template. */
export async function cloneTemplate(template: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (template.startsWith('sqlite:')) {
    const file = path.join(os.tmpdir(), `zj-test-${randomUUID()}.sqlite`);
    fs.copyFileSync(template.slice('sqlite:'.length), file);
    // The WAL's side files are gone once the database is closed; removed too in case it was not.
    return { url: `sqlite:${file}`, drop: async () => ['', '-wal', '-shm'].forEach((side) => fs.rmSync(file + side, { force: true })) };
  }
  const name = `t_${randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Client({ connectionString: databaseUrlFor(template, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  return {
    url: databaseUrlFor(template, name),
    drop: async () => {
      const client = new pg.Client({ connectionString: databaseUrlFor(template, 'postgres') });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
