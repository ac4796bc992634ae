import type { AbstractSqlConnection } from '@mikro-orm/knex';

type Row = Record<string, unknown>;
export type KnexClient = ReturnType<AbstractSqlConnection['getKnex']>['client'];
type Pool = NonNullable<KnexClient['pool']>;

/** A pg `Client` as knex pools it. */
interface PgConnection {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: Row[] }>;
  /** Set by knex when the connection failed or ended; the pool destroys such a connection. */
  readonly __knex__disposed?: unknown;
}

interface Waiting {
  resolve(connection: PgConnection): void;
  reject(error: unknown): void;
}

/** How long held connections may sit unused before they go back to the pool (knex's idle timeout). */
const IDLE_MS = 30_000;

/**
 * PostgreSQL connections that lookups by key (prepared-statements.ts) keep out of the ORM's pool
 * between lookups. Taking a connection from knex's pool for each lookup cost about 25 promises and
 * two timers, several times the rest of the lookup; a held connection is taken and put back in a
 * step. No connection is opened beside the pool: lookups hold at most half of it, and give a
 * connection back whenever anything else (a transaction, a list) waits for one, when the pool
 * closes, and after a while unused.
 */
export class LookupConnections {
  private readonly idle: PgConnection[] = [];
  private readonly waiting: Waiting[] = [];
  /** Connections taken from the pool or asked of it, idle or not. */
  private held = 0;
  /** Of those, asked of the pool and not yet given. */
  private arriving = 0;
  private readonly limit: number;
  /** Set while this asks the pool for a connection, whose request must not make it give one back. */
  private asking = false;
  private closing = false;
  private lookupsSinceSweep = 0;
  private sweeper: NodeJS.Timeout | null = null;

  constructor(
    private readonly client: KnexClient,
    private readonly pool: Pool,
    private readonly poolMax: number,
  ) {
    this.limit = Math.max(1, Math.floor(poolMax / 2));
    pool.on('acquireRequest', () => {
      if (!this.asking && this.poolExhausted()) this.giveBackIdle();
    });
    pool.on('poolDestroyRequest', () => {
      this.closing = true;
      this.giveBackIdle();
    });
  }

  /** The rows of a statement (its name set once it is prepared) with these values. */
  query(statement: { name?: string; text: string }, values: unknown[]): Promise<Row[]> {
    this.lookupsSinceSweep++;
    const connection = this.take();
    return connection instanceof Promise ? connection.then((c) => this.run(c, statement, values)) : this.run(connection, statement, values);
  }

  private run(connection: PgConnection, statement: { name?: string; text: string }, values: unknown[]): Promise<Row[]> {
    return connection.query({ ...statement, values }).then(
      (result) => {
        this.put(connection);
        return result.rows;
      },
      (error: unknown) => {
        this.put(connection);
        throw error;
      },
    );
  }

  /** An idle connection, else a new one while under the limit, else the next one put back. */
  private take(): PgConnection | Promise<PgConnection> {
    for (let connection = this.idle.pop(); connection; connection = this.idle.pop()) {
      if (!connection.__knex__disposed) return connection;
      this.giveBack(connection);
    }
    if (this.held < this.limit) return this.borrow();
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private put(connection: PgConnection): void {
    if (connection.__knex__disposed || this.closing || this.othersWait()) {
      this.giveBack(connection);
      const next = this.waiting.shift();
      if (next) this.borrow().then(next.resolve, next.reject);
      return;
    }
    const next = this.waiting.shift();
    if (next) next.resolve(connection);
    else this.idle.push(connection);
  }

  private borrow(): Promise<PgConnection> {
    this.held++;
    this.arriving++;
    this.asking = true;
    let arriving: Promise<PgConnection>;
    try {
      arriving = this.client.acquireConnection() as Promise<PgConnection>;
    } finally {
      this.asking = false;
    }
    return arriving.then(
      (connection) => {
        this.arriving--;
        this.sweeper ??= setInterval(() => this.sweep(), IDLE_MS).unref();
        return connection;
      },
      (error: unknown) => {
        this.arriving--;
        this.held--;
        throw error;
      },
    );
  }

  private giveBack(connection: PgConnection): void {
    this.held--;
    void this.client.releaseConnection(connection);
    if (this.held === 0 && this.sweeper) {
      clearInterval(this.sweeper);
      this.sweeper = null;
    }
  }

  private giveBackIdle(): void {
    for (const connection of this.idle.splice(0)) this.giveBack(connection);
  }

  /** Whether anything other than these lookups waits for a connection of the pool. */
  private othersWait(): boolean {
    return this.pool.numPendingAcquires() > this.arriving;
  }

  private poolExhausted(): boolean {
    return this.pool.numFree() === 0 && this.pool.numUsed() + this.pool.numPendingCreates() >= this.poolMax;
  }

  private sweep(): void {
    if (this.lookupsSinceSweep === 0) this.giveBackIdle();
    this.lookupsSinceSweep = 0;
  }
}

const byPool = new WeakMap<Pool, LookupConnections>();

/** The lookup connections of a knex client's current pool (a closed ORM's next pool gets its own). */
export function lookupConnections(client: KnexClient, poolMax: number): LookupConnections {
  const pool = client.pool;
  if (!pool) throw new Error('the database connection is closed');
  let connections = byPool.get(pool);
  if (!connections) byPool.set(pool, (connections = new LookupConnections(client, pool, poolMax)));
  return connections;
}
