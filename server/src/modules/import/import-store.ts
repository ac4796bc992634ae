import type { EntityManager } from '@mikro-orm/core';
import { chunksOf } from '../../common/batch-lookups.js';
import { insertRows, rowsPerStatement } from '../../common/change-set-writer.js';
import { queryRows, toNumber } from '../../read/sql.js';
import { giveTurn } from '../../common/turns.js';
import { IMPORT_LIMITS } from './import-limits.js';
import { ImportJob, ImportProblem, ImportRow, ImportStatus, RUNNING_STATUSES } from './import-job.entity.js';

/**
 * Moves a job from one of `from` to `to` (with the given columns), unless another request moved it
 * first; returns whether it moved. Every change of a job's status goes through here.
 */
export async function moveJob(em: EntityManager, id: number, from: ImportStatus[], to: ImportStatus, set: Partial<ImportJob> = {}): Promise<boolean> {
  const moved = await em.nativeUpdate(ImportJob, { id, status: { $in: from } }, { ...set, status: to, updatedAt: new Date() });
  return moved === 1;
}

/** Problems of rows, by position in the import. */
export async function addProblems(em: EntityManager, jobId: number, problems: Array<Omit<ImportProblem, 'job'>>): Promise<void> {
  for (const chunk of chunksOf(problems, rowsPerStatement(6))) {
    await em.insertMany(
      ImportProblem,
      chunk.map((p) => ({ ...p, job: jobId })),
    );
  }
}

/** Stages a part of a job's rows, in the caller's transaction. */
export async function addRows(em: EntityManager, jobId: number, firstOrd: number, rows: Array<Record<string, unknown> | null>): Promise<void> {
  await insertRows(
    em,
    em.getMetadata().get(ImportRow.name),
    ['job', 'ord', 'data'],
    rows.map((data, i) => [jobId, firstOrd + i, data]),
  );
}

/**
 * Rows read from `import_row` per statement, on the server's own thread (`onThisThread`), with turns
 * between. All of a 50,000-row job at once would be one result of tens of MB; in a SQLite reader
 * thread, whose heap then stays large, and copied over, it added ~25 MB to the server's RSS during
 * a 20,000-row import.
 */
const ROWS_PER_READ = 2000;

/** The job's rows in order, each with its position; rows that did not fit the input type come back as null. */
export async function rowsOf(em: EntityManager, jobId: number): Promise<Array<{ ord: number; data: Record<string, unknown> | null }>> {
  const rows: Array<{ ord: number; data: Record<string, unknown> | null }> = [];
  for (let after = -1; ;) {
    const page = await queryRows(em, 'select ord, data from import_row where job_id = ? and ord > ? order by ord limit ?', [jobId, after, ROWS_PER_READ], {
      onThisThread: true,
    });
    for (const row of page) {
      rows.push({
        ord: toNumber(row.ord),
        data: typeof row.data === 'string' ? JSON.parse(row.data) : (row.data as Record<string, unknown> | null),
      });
    }
    if (page.length < ROWS_PER_READ) return rows;
    after = rows[rows.length - 1]!.ord;
    await giveTurn();
  }
}

export async function dropRows(em: EntityManager, jobId: number): Promise<void> {
  await em.nativeDelete(ImportRow, { job: jobId });
}

/**
 * Housekeeping before jobs are read or started: a job said to be running that has not reported for
 * a while lost its server (nothing of it was written: its write is one transaction) and is marked
 * interrupted; jobs left receiving, and the rows and problems of old jobs, go after a day.
 */
export async function sweepJobs(em: EntityManager, now = new Date()): Promise<void> {
  const silentSince = new Date(now.getTime() - IMPORT_LIMITS.silentForMs);
  const keptSince = new Date(now.getTime() - IMPORT_LIMITS.keptForMs);
  await em.nativeUpdate(
    ImportJob,
    { status: { $in: RUNNING_STATUSES }, updatedAt: { $lt: silentSince } },
    { status: ImportStatus.INTERRUPTED, written: 0, finishedAt: now, updatedAt: now },
  );
  await em.nativeUpdate(
    ImportJob,
    { status: ImportStatus.RECEIVING, updatedAt: { $lt: keptSince } },
    { status: ImportStatus.CANCELLED, finishedAt: now, updatedAt: now },
  );
  await em.nativeDelete(ImportJob, { finishedAt: { $lt: keptSince } });
}

/** A job said to be running that has not reported for `IMPORT_LIMITS.silentForMs`. */
export const isSilent = (job: ImportJob, now = Date.now()): boolean =>
  RUNNING_STATUSES.includes(job.status) && job.updatedAt.getTime() < now - IMPORT_LIMITS.silentForMs;

export const jobById = (em: EntityManager, id: number) => em.findOne(ImportJob, id, { refresh: true });
