import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openOrm, migrate, closeOrm } from '../../server/src/orm.js';
import { seedReference } from '../../server/src/seeders/reference.js';
import { ensureFirstAdmin } from '../../server/src/modules/user/first-admin.js';
import { TEST_ADMIN } from './credentials.js';
import { startPostgresCluster, type PostgresCluster } from '../../scripts/postgres-cluster.mjs';
import { TEMPLATE_DB, databaseUrlFor } from './databases.js';

declare module 'vitest' {
  export interface ProvidedContext {
    templateUrl: string;
  }
}

async function prepareTemplate(url: string): Promise<void> {
  const orm = await openOrm({ databaseUrl: url });
  await migrate(orm);
  await orm.em.fork().transactional((em) => seedReference(em));
  await ensureFirstAdmin(orm, TEST_ADMIN.username, TEST_ADMIN.password);
  // Closed before any test copies the file: closing checkpoints the WAL into it.
  await closeOrm(orm);
}

/** Migrates and seeds one template database per run; each test file then copies it. */
export default async function setup(project: TestProject) {
  let cluster: PostgresCluster | undefined;
  let templateUrl: string;
  let dir: string | undefined;
  if (project.config.env?.TEST_DATABASE === 'postgresql') {
    cluster = process.env.TEST_POSTGRES_URL ? undefined : await startPostgresCluster();
    const server = process.env.TEST_POSTGRES_URL ?? cluster!.url;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`drop database if exists ${TEMPLATE_DB}`);
    await admin.query(`create database ${TEMPLATE_DB}`);
    await admin.end();
    templateUrl = databaseUrlFor(server, TEMPLATE_DB);
  } else {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-template-'));
    templateUrl = `sqlite:${path.join(dir, 'template.sqlite')}`;
  }
  await prepareTemplate(templateUrl);
  project.provide('templateUrl', templateUrl);
  return () => {
    cluster?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  };
}
