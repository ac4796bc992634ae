import os from 'node:os';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export type ReaderRow = Record<string, unknown>;

/** Reader threads when SQLITE_READERS is not set: one per core, at most four. */
export const defaultReaderCount = (): number => Math.min(os.availableParallelism(), 4);

/**
 * Page cache of each reader's connection, in KiB. Smaller than the main connection's 64 MB: on the
 * 600,000-intake benchmark 8 MB costs campaignProgress about 3 ms of its 23 ms statement and sourceMix
 * nothing, and every thread's cache counts in the server's memory.
 */
export const READER_CACHE_KIB = 8192;

// pnpm lets only the packages that depend on better-sqlite3 resolve it: ask @mikro-orm/better-sqlite
// where it is, so the workers load the very copy (and native build) the ORM uses.
const requireHere = createRequire(import.meta.url);
const betterSqlitePath = createRequire(requireHere.resolve('@mikro-orm/better-sqlite')).resolve('better-sqlite3');

/**
 * The worker's whole program, run with `eval: true` as CommonJS. A source string needs no worker
 * file beside this one, which is what lets the same code run under tsx, under vitest (which would not
 * transform a `.ts` worker file) and compiled in dist/. A `null` message closes the connection and
 * lets the thread end.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.betterSqlitePath);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
for (const pragma of workerData.pragmas) db.pragma(pragma);
const statements = new Map();
parentPort.on('message', (job) => {
  if (job === null) {
    db.close();
    parentPort.close();
    return;
  }
  try {
    let statement = statements.get(job.sql);
    if (!statement) {
      statement = db.prepare(job.sql);
      if (statements.size < 500) statements.set(job.sql, statement);
    }
    parentPort.postMessage({ rows: statement.all(job.bindings) });
  } catch (error) {
    parentPort.postMessage({ error: { name: error.name, message: error.message, code: error.code } });
  }
});
`;

interface Job {
  sql: string;
  bindings: unknown[];
  resolve(rows: ReaderRow[]): void;
  reject(error: Error): void;
}

interface Reader {
  worker: Worker;
  job: Job | null;
}

type Reply = { rows: ReaderRow[]; error?: undefined } | { error: { name: string; message: string; code?: string } };

/** What knex's better-sqlite3 dialect does to bindings before running a statement. */
const sqliteValue = (value: unknown): unknown => (value instanceof Date ? value.valueOf() : typeof value === 'boolean' ? Number(value) : value);

/**
 * Worker threads, each with its own read-only connection to one SQLite file, that run SELECTs off the
 * event loop and on other cores. Threads start when first needed, up to `size`; a statement goes to an
 * idle one or waits its turn. The database must be in WAL mode, so that these readers never hold up
 * the writer and each statement sees every commit made before it started.
 */
export class SqliteReaders {
  private readonly readers: Reader[] = [];
  private readonly queue: Job[] = [];
  private closed = false;
  /** Statements answered (rows or an error), for tests and diagnostics. */
  statementsRun = 0;

  constructor(
    private readonly file: string,
    private readonly size: number,
  ) {}

  /** Threads alive now. */
  get threads(): number {
    return this.readers.length;
  }

  /** The rows of a SELECT with `?` placeholders; rejects with SQLite's error when the statement fails. */
  all(sql: string, bindings: readonly unknown[]): Promise<ReaderRow[]> {
    if (this.closed) return Promise.reject(new Error('SQLite readers are closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ sql, bindings: bindings.map(sqliteValue), resolve, reject });
      this.dispatch();
    });
  }

  /** Lets every thread finish its statement, close its connection and end; queued statements are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('SQLite readers are closed'));
    await Promise.all(
      this.readers.map(({ worker }) => {
        const ended = new Promise((resolve) => worker.once('exit', resolve));
        worker.postMessage(null);
        return ended;
      }),
    );
  }

  private dispatch(): void {
    while (this.queue.length > 0 && !this.closed) {
      let reader = this.readers.find((r) => r.job === null);
      if (!reader) {
        if (this.readers.length >= this.size) return;
        reader = this.start();
      }
      const job = this.queue.shift()!;
      reader.job = job;
      // A thread with a statement in hand keeps the process alive until it answers; an idle one does not.
      reader.worker.ref();
      reader.worker.postMessage({ sql: job.sql, bindings: job.bindings });
    }
  }

  private start(): Reader {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      // V8 would let each thread's young generation grow to tens of MB of short-lived result rows.
      resourceLimits: { maxYoungGenerationSizeMb: 8 },
      workerData: { betterSqlitePath, file: this.file, pragmas: ['busy_timeout = 5000', `cache_size = -${READER_CACHE_KIB}`] },
    });
    const reader: Reader = { worker, job: null };
    const finish = (): Job => {
      const job = reader.job!;
      reader.job = null;
      worker.unref();
      this.statementsRun++;
      return job;
    };
    worker.on('message', (reply: Reply) => {
      const job = finish();
      if (reply.error) job.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name, code: reply.error.code }));
      else job.resolve(reply.rows);
      this.dispatch();
    });
    // The thread itself failed (its connection could not open, say): its statement fails with that error.
    worker.on('error', (error) => {
      if (reader.job) finish().reject(error);
    });
    worker.on('exit', () => {
      this.readers.splice(this.readers.indexOf(reader), 1);
      if (reader.job) finish().reject(new Error('SQLite reader thread stopped'));
      this.dispatch();
    });
    this.readers.push(reader);
    return reader;
  }
}

// An ORM's readers, by its configuration: every forked EntityManager shares that object.
const readersByConfig = new WeakMap<object, SqliteReaders>();
type HasConfig = { config: object };

export function attachSqliteReaders(orm: HasConfig, readers: SqliteReaders): void {
  readersByConfig.set(orm.config, readers);
}

/** The reader threads of an ORM or EntityManager on a SQLite file, or null (PostgreSQL, `:memory:`, SQLITE_READERS=0). */
export function sqliteReadersOf(em: HasConfig): SqliteReaders | null {
  return readersByConfig.get(em.config) ?? null;
}

/** Forgets an ORM's readers and returns them, for closing. */
export function detachSqliteReaders(orm: HasConfig): SqliteReaders | null {
  const readers = sqliteReadersOf(orm);
  readersByConfig.delete(orm.config);
  return readers;
}
