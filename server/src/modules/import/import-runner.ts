import { ChangeSetType, type EntityManager } from '@mikro-orm/core';
import { actingAs, type Actor } from '../../auth/actor.js';
import type { Role } from '../../auth/role.js';
import { rowProblem } from '../../common/errors.js';
import { applyCommit, checkRows, planCommit, type CheckedRows, type CheckOptions } from '../../common/batch-write.js';
import { ROWS_PER_SLICE, type PlannedWrite } from '../../common/change-set-writer.js';
import type { ResourceDef } from '../../common/resource.js';
import type { BaseEntity } from '../../common/base.entity.js';
import { queryRows, toNumber } from '../../read/sql.js';
import { isPostgres } from '../../read/dialect.js';
import { dropStaged, stageInMemory, stageInTempTables, type Staging } from '../../common/staged-write.js';
import { IMPORT_LIMITS } from './import-limits.js';
import { ImportJob, ImportStatus } from './import-job.entity.js';
import { addProblems, dropRows, moveJob, rowsOf } from './import-store.js';
import { inTransaction } from '../../common/transaction.js';

/** Progress is written to the job at most this often; it is also how others see the job is alive. */
const REPORT_EVERY_MS = 1000;
/** Writes since validation began that are read back to see whether they touch the job's rows; more count as a change. */
const WRITES_LOOKED_AT = 10_000;

/** The job was cancelled while it was being validated. */
class Stopped extends Error {}
/** Someone wrote what the job's validation read: validate again. */
class Moved extends Error {}

type Row = { ord: number; data: Record<string, unknown> | null };

const jobActor = (job: ImportJob): Actor => ({ ...job.actor, role: job.actor.role as Role });

/** The newest audit entry: writes after it are what a job's validation may not have seen. */
async function auditMark(em: EntityManager): Promise<number> {
  const [row] = await queryRows<{ mark: unknown }>(em, 'select max(id) as mark from audit_entry');
  return toNumber(row?.mark);
}

/**
 * Plans a checked write a slice at a time, each slice's created rows and audit entries going to
 * `staging` as soon as it is planned (see `planChangeSets`); returns the plan of what is left for the
 * last transaction, and the entities the write adds rows to (new rows there from others can clash
 * with the job's: a duplicate, a seat taken).
 */
async function planStaged(checked: CheckedRows<BaseEntity>, staging: Staging): Promise<{ write: PlannedWrite; grown: Set<string> }> {
  const grown = new Set([checked.def.name]);
  const planned = await planCommit(checked, {
    rowsPerSlice: ROWS_PER_SLICE,
    letGo: true,
    take: (slice) => {
      for (const cs of slice.changeSets) if (cs.type === ChangeSetType.CREATE) grown.add(cs.name);
      return staging.take(slice);
    },
  });
  return { write: { ...planned, moveStaged: staging.moveStaged }, grown };
}

/** Whether anyone wrote, since the mark, what the check relied on: a row it loaded, or any row of the `grown` entities. */
async function touchedSince(em: EntityManager, mark: number, checked: CheckedRows<BaseEntity>, grown: Set<string>): Promise<boolean> {
  const written = await queryRows<{ entity_name: string; entity_id: unknown }>(em, 'select entity_name, entity_id from audit_entry where id > ? limit ?', [
    mark,
    WRITES_LOOKED_AT + 1,
  ]);
  if (written.length > WRITES_LOOKED_AT) return true;
  const loaded = new Set(
    [...checked.work.getUnitOfWork().getIdentityMap().values()].map((entity) => `${entity.constructor.name}:${(entity as BaseEntity).id}`),
  );
  return written.some((w) => grown.has(w.entity_name) || loaded.has(`${w.entity_name}:${toNumber(w.entity_id)}`));
}

/** Lists the problems of a job whose rows did not all pass, and ends it as failed. */
async function fail(em: EntityManager, jobId: number, rows: Row[], given: Row[], checked: CheckedRows<BaseEntity>): Promise<void> {
  await addProblems(
    em,
    jobId,
    checked.problems.map((slot) => {
      const { index: ord, ...problem } = rowProblem(given[slot.index]!.ord, slot.error!);
      return { ord, ...problem };
    }),
  );
  const problemCount = checked.problems.length + rows.length - given.length;
  await moveJob(em, jobId, [ImportStatus.VALIDATING, ImportStatus.WRITING], ImportStatus.FAILED, {
    validated: rows.length,
    problemCount,
    finishedAt: new Date(),
  });
}

/** Writes checked and planned rows and marks the job done, in the transaction of `tx`. */
async function commitJob(tx: EntityManager, jobId: number, checked: CheckedRows<BaseEntity>, planned: PlannedWrite, rows: number): Promise<void> {
  checked.work.setTransactionContext(tx.getTransactionContext()!);
  try {
    if ((await applyCommit(checked, planned)).problems.length > 0) throw new Moved();
  } finally {
    checked.work.resetTransactionContext();
  }
  await moveJob(tx, jobId, [ImportStatus.WRITING], ImportStatus.DONE, { written: rows, finishedAt: new Date() });
}

/** Reports how many rows have been checked (at most once a second) and stops when the job was cancelled meanwhile. */
function reporter(em: EntityManager, jobId: number): CheckOptions['onProgress'] {
  let reported = Date.now();
  return async (validated) => {
    if (Date.now() - reported < REPORT_EVERY_MS) return;
    reported = Date.now();
    if (!(await moveJob(em, jobId, [ImportStatus.VALIDATING], ImportStatus.VALIDATING, { validated }))) throw new Stopped();
  };
}

/**
 * Runs one job. Its rows are validated as one set, as a save's are, but outside any transaction and
 * giving other requests turns, then planned a slice at a time (`planStaged`): on SQLite each slice's
 * rows and audit entries are staged in short transactions that other writers go between
 * (`stageInTempTables`), on PostgreSQL kept as plain values (`stageInMemory`), so that what the job
 * holds in memory is bounded by a slice rather than by the import. One transaction then writes
 * them and marks the job done: a crash leaves nothing half-written. If someone wrote what the check
 * relied on meanwhile, the rows are validated again; the last attempt validates and writes in one
 * transaction, holding other writers for its length but sure to finish.
 */
async function runJob(root: EntityManager, jobId: number, resourceByName: (name: string) => ResourceDef | undefined): Promise<void> {
  const em = root.fork({ clear: true });
  const job = await em.findOne(ImportJob, jobId);
  if (!job || !(await moveJob(em, jobId, [ImportStatus.QUEUED], ImportStatus.VALIDATING, { startedAt: new Date() }))) return;
  const def = resourceByName(job.resource) as ResourceDef<BaseEntity>;
  const rows = await rowsOf(em, jobId);
  const given = rows.filter((row) => row.data !== null);
  const inputs = given.map((row) => row.data!);
  // the job's writes are its owner's, audited as theirs
  actingAs(em, jobActor(job));
  for (let attempt = 1; attempt < IMPORT_LIMITS.attempts; attempt++) {
    const mark = await auditMark(em);
    const checked = await checkRows(em.fork({ clear: true }), def, inputs, { onProgress: reporter(em, jobId) });
    if (checked.problems.length > 0 || given.length < rows.length) return fail(em, jobId, rows, given, checked);
    if (!(await moveJob(em, jobId, [ImportStatus.VALIDATING], ImportStatus.WRITING, { validated: rows.length }))) return;
    let rowsPlanned = 0;
    const staging = isPostgres(em)
      ? stageInMemory(em)
      : stageInTempTables(em, (tx) => moveJob(tx, jobId, [ImportStatus.WRITING], ImportStatus.WRITING, { written: rowsPlanned }));
    try {
      if (!isPostgres(em)) await dropStaged(em);
      const { write, grown } = await planStaged(checked, {
        take: (slice) => {
          // `written` counts the rows of the request planned and being staged (the last slice holds rows the rules made)
          rowsPlanned = Math.min(rows.length, rowsPlanned + ROWS_PER_SLICE);
          return staging.take(slice);
        },
        moveStaged: staging.moveStaged,
      });
      await inTransaction(em.fork(), async (tx) => {
        if (await touchedSince(tx, mark, checked, grown)) throw new Moved();
        await commitJob(tx, jobId, checked, write, rows.length);
      });
      return await dropRows(em, jobId);
    } catch (error) {
      if (!(error instanceof Moved)) throw error;
    } finally {
      if (!isPostgres(em)) await dropStaged(em);
    }
    await moveJob(em, jobId, [ImportStatus.WRITING], ImportStatus.VALIDATING, { validated: 0, written: 0 });
  }
  if (!(await moveJob(em, jobId, [ImportStatus.VALIDATING], ImportStatus.WRITING, { validated: 0 }))) return;
  const failed = await inTransaction(em.fork(), async (tx) => {
    const checked = await checkRows(tx, def, inputs);
    if (checked.problems.length > 0) return checked;
    await commitJob(tx, jobId, checked, (await planStaged(checked, stageInMemory(tx))).write, rows.length);
    return undefined;
  });
  if (failed) return fail(em, jobId, rows, given, failed);
  return dropRows(em, jobId);
}

let queue: Promise<void> = Promise.resolve();

/**
 * Queues a job on this server: jobs run one after another, so two large imports never compete for
 * the writer. An unexpected error fails the job (nothing was written) and is logged.
 */
export function enqueueJob(root: EntityManager, jobId: number, resourceByName: (name: string) => ResourceDef | undefined): void {
  queue = queue.then(() =>
    runJob(root, jobId, resourceByName).catch(async (error: unknown) => {
      if (error instanceof Stopped) return;
      console.error(`[import ${jobId}] unexpected error:`, error);
      await moveJob(root.fork(), jobId, [ImportStatus.VALIDATING, ImportStatus.WRITING], ImportStatus.FAILED, {
        written: 0,
        finishedAt: new Date(),
        message: '导入时发生内部错误，未写入任何数据 (an internal error stopped the import; nothing was written)',
      }).catch(() => undefined);
    }),
  );
}
