import type { MikroORM } from '@mikro-orm/core';
import type { AbstractSqlConnection } from '@mikro-orm/knex';
import { isPostgres } from './dialect.js';
import { sqliteDataVersion } from './prepared-statements.js';

/** Where the `notify_table_changed` trigger (PostgreSQL migration 20261129090000) names changed tables. */
const CHANNEL = 'table_changed';
export const LISTENER_NAME = 'table cache listener';
/** Tables whose writes are announced (the migration's triggers); only these may be cached. */
const CACHED_TABLES = ['app_user', 'city'] as const;
export type CachedTable = (typeof CACHED_TABLES)[number];
export const isCached = (table: string): table is CachedTable => (CACHED_TABLES as readonly string[]).includes(table);

const MAX_ENTRIES_PER_TABLE = 10_000;
const HEARTBEAT_MS = 5_000;
const RECONNECT_MS = 1_000;

interface ListeningConnection {
  connect(): Promise<void>;
  end(): Promise<void>;
  query(sql: string): Promise<unknown>;
  on(event: 'notification', listener: (message: { channel: string; payload?: string }) => void): void;
  on(event: 'error' | 'end', listener: () => void): void;
  removeAllListeners(): void;
}

/**
 * Rows that every request reads (its user, the city list), kept in this process until a write to
 * their table commits on any instance. PostgreSQL tells each instance through LISTEN/NOTIFY on a
 * connection of its own, in the milliseconds after the commit. Nothing is cached while that
 * connection is not listening (a change could go unheard), so a lost connection empties the cache and
 * requests read the database until it listens again. A read that overlaps a change is not kept: it
 * may have seen the row before the change.
 *
 * On a SQLite file every read first asks the read connection's `data_version`, which moves on any
 * commit by another connection: this process's writes (they have a connection of their own, see
 * orm.ts) and any other process's on the same file. A moved version forgets everything. Asking costs
 * a microsecond; the account it saves is a lookup and a row to map on every request. An in-memory
 * database has one connection (its own commits do not move its version): there nothing is cached.
 */
export class TableCache {
  private readonly tables = new Map<CachedTable, Map<string | number, unknown>>();
  /** Moves on every change heard and every loss of the listening connection. */
  private generation = 0;
  private connection: ListeningConnection | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private retry: NodeJS.Timeout | null = null;
  private stopped = false;

  /** The SQLite read connection's `data_version` when last asked. */
  private sqliteVersion: number | null = null;

  private constructor(
    private readonly orm: MikroORM | null,
    private readonly listenUrl: string | null,
    private readonly sqlite: MikroORM | null = null,
  ) {}

  /**
   * A cache that listens for changes when the database is PostgreSQL; it starts listening before
   * returning. `listenUrl` (DATABASE_LISTEN_URL) reaches PostgreSQL in session mode when the pool's
   * URL goes through a transaction pooler, which does not pass notifications on.
   */
  static async open(orm: MikroORM, listenUrl?: string | null): Promise<TableCache> {
    if (!isPostgres(orm.em)) return new TableCache(null, null, orm.em.getConnection('read') !== orm.em.getConnection('write') ? orm : null);
    const cache = new TableCache(orm, listenUrl || orm.config.get('clientUrl')!);
    // This process's own writes forget their table as they flush, before the notification comes back.
    orm.em.getEventManager().registerSubscriber({
      onFlush: ({ uow }) => {
        for (const changeSet of uow.getChangeSets()) cache.changed(changeSet.meta.tableName);
      },
    });
    await cache.listen();
    return cache;
  }

  /** Whether PostgreSQL's changes are being heard. */
  get live(): boolean {
    return this.connection !== null;
  }

  async read<V>(table: CachedTable, key: string | number, load: () => Promise<V>): Promise<V> {
    if (!this.usable()) return load();
    const rows = this.tables.get(table);
    if (rows?.has(key)) return rows.get(key) as V;
    const generation = this.generation;
    const value = await load();
    if (this.usable() && generation === this.generation) this.keep(table, key, value);
    return value;
  }

  /** Forgets a table's rows; called for every change heard, and by this process's own writes before they commit. */
  changed(table: string): void {
    if (!isCached(table)) return;
    // Also when nothing is kept yet: a read in flight may have seen the row before the change.
    this.generation++;
    this.tables.delete(table);
  }

  /** Whether kept rows may be served and new ones kept: PostgreSQL listening, or SQLite's version asked (see `sqliteVersionAsked`). */
  private usable(): boolean {
    return this.live || (this.sqlite !== null && this.sqliteVersionAsked());
  }

  /** False while the version cannot be asked; forgets everything when it moved since last asked. */
  private sqliteVersionAsked(): boolean {
    const version = sqliteDataVersion(this.sqlite!.em);
    if (version === null) return false;
    if (version !== this.sqliteVersion) {
      this.sqliteVersion = version;
      this.generation++;
      this.tables.clear();
    }
    return true;
  }

  async close(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    await this.drop();
  }

  private keep(table: CachedTable, key: string | number, value: unknown): void {
    let rows = this.tables.get(table);
    if (!rows) this.tables.set(table, (rows = new Map()));
    // Insertion order: the oldest entry goes first.
    if (rows.size >= MAX_ENTRIES_PER_TABLE) rows.delete(rows.keys().next().value!);
    rows.set(key, value);
  }

  private async listen(): Promise<void> {
    let connection: ListeningConnection | null = null;
    try {
      // The pg driver the pool uses; named so that operators (and tests) can tell it apart in pg_stat_activity.
      const { Client } = (this.orm!.em.getConnection() as AbstractSqlConnection).getKnex().client.driver;
      connection = new Client({ connectionString: this.listenUrl, application_name: LISTENER_NAME }) as ListeningConnection;
      connection.on('notification', (message) => {
        if (message.channel === CHANNEL && message.payload) this.changed(message.payload);
      });
      connection.on('error', () => void this.lost());
      connection.on('end', () => void this.lost());
      await connection.connect();
      await connection.query(`listen ${CHANNEL}`);
    } catch {
      if (connection) await connection.end().catch(() => undefined);
      this.reconnectLater();
      return;
    }
    if (this.stopped) {
      await connection.end().catch(() => undefined);
      return;
    }
    this.connection = connection;
    // A connection can die without a word (a dropped network path): one that stops answering is lost.
    this.heartbeat = setInterval(() => void this.beat(), HEARTBEAT_MS).unref();
  }

  private async beat(): Promise<void> {
    const connection = this.connection;
    if (!connection) return;
    let timer: NodeJS.Timeout | undefined;
    const silence = new Promise((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error('no answer')), HEARTBEAT_MS);
    });
    try {
      await Promise.race([connection.query('select 1'), silence]);
    } catch {
      if (this.connection === connection) await this.lost();
    } finally {
      clearTimeout(timer);
    }
  }

  private async lost(): Promise<void> {
    if (!this.connection) return;
    await this.drop();
    this.reconnectLater();
  }

  /** Stops listening and forgets everything: what changed meanwhile will not be heard. */
  private async drop(): Promise<void> {
    const connection = this.connection;
    this.connection = null;
    this.generation++;
    this.tables.clear();
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    if (!connection) return;
    connection.removeAllListeners();
    // A dead connection may still emit an error while it is being closed.
    connection.on('error', () => undefined);
    await connection.end().catch(() => undefined);
  }

  private reconnectLater(): void {
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.listen();
    }, RECONNECT_MS).unref();
  }
}
