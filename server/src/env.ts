import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { EntryBasis } from './modules/program/program.enums.js';
import { Level } from './modules/major/level.js';
import type { DurationOverrides } from './modules/program/durations.js';
import { DEFAULT_REMINDER_DAYS } from './modules/alerts/reminder-days.js';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from './query-limits.js';
import { defaultReaderCount } from './read/sqlite-readers.js';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type DatabaseKind = 'sqlite' | 'postgresql';

export interface Env {
  port: number;
  databaseUrl: string;
  /** PostgreSQL in session mode for the table cache's LISTEN, when DATABASE_URL goes through a transaction pooler. */
  databaseListenUrl: string | null;
  production: boolean;
  demoData: boolean;
  /** The day the demo province is generated for (DEMO_TODAY); undefined: today in China Standard Time. */
  demoToday: string | undefined;
  adminDist: string;
  rootDir: string;
  programDurations: DurationOverrides;
  /** Largest number of pooled PostgreSQL connections per instance. */
  databasePoolMax: number;
  /** PostgreSQL statement_timeout in milliseconds (0: none). */
  statementTimeoutMs: number;
  /** Threads that run the analyst statements on a SQLite file database (0: on the main connection). */
  sqliteReaders: number;
  migrateOnStart: boolean;
  seedOnStart: boolean;
  /** How long a shutdown waits for in-flight requests before closing them. */
  shutdownGraceMs: number;
  /** Signs bearer tokens; every instance behind one load balancer needs the same one. */
  jwtSecret: string | null;
  tokenTtlMinutes: number;
  adminUsername: string;
  adminPassword: string | undefined;
  /** Days before a deadline that reminders go out (ALERT_REMINDER_DAYS, e.g. `14,7,1`). */
  alertReminderDays: number[];
  /** Where alerts are posted, signed with HMAC-SHA256 (ALERT_WEBHOOK_URL, ALERT_WEBHOOK_SECRET); none: no outbound channel. */
  alertWebhook: { url: string; secret: string } | null;
  /** Depth and cost limits of one GraphQL operation (QUERY_MAX_DEPTH, QUERY_MAX_COST). */
  queryLimits: QueryLimits;
  /** Proxies in front of the server whose X-Forwarded-For is believed (see docs/http.md). */
  trustProxy: number;
}

function readPort(value: string | undefined): number {
  const port = Number(value ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${value}"`);
  return port;
}

function readBoolean(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(value.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(value.toLowerCase())) return false;
  throw new Error(`${name} must be true or false, got "${value}"`);
}

function readInteger(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}

function readSecret(value: string | undefined, production: boolean): string | null {
  if (value && value.length < 32) throw new Error('JWT_SECRET must be at least 32 characters');
  if (!value && production) throw new Error('JWT_SECRET is required when NODE_ENV=production (all instances must share it)');
  return value || null;
}

function readDatabaseUrl(value: string | undefined): string {
  const url = value || `sqlite:${path.join(rootDir, 'data', 'enrollment.sqlite')}`;
  if (!/^(sqlite:|postgres(ql)?:\/\/)/.test(url)) {
    throw new Error(`DATABASE_URL must start with sqlite: or postgres://, got "${url}"`);
  }
  return url;
}

function readListenUrl(value: string | undefined): string | null {
  if (!value) return null;
  if (!/^postgres(ql)?:\/\//.test(value)) throw new Error(`DATABASE_LISTEN_URL must start with postgres://, got "${value}"`);
  return value;
}

/** `PROGRAM_DURATIONS='{"SENIOR_HIGH":{"ADVANCED":3}}'`: entries given replace the built-in ones. */
function readDurations(value: string | undefined): DurationOverrides {
  if (value === undefined || value.trim() === '') return {};
  const fail = (why: string): never => {
    throw new Error(`PROGRAM_DURATIONS ${why}, got '${value}'`);
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return fail('must be JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return fail('must be an object by entry basis');
  const result: DurationOverrides = {};
  for (const [basis, byLevel] of Object.entries(parsed)) {
    if (!(basis in EntryBasis)) fail(`has an unknown entry basis ${basis}`);
    if (typeof byLevel !== 'object' || byLevel === null) fail(`needs an object by level for ${basis}`);
    const levels: Partial<Record<Level, number>> = {};
    for (const [level, years] of Object.entries(byLevel as object)) {
      if (!(level in Level)) fail(`has an unknown level ${level}`);
      if (!Number.isInteger(years) || years < 1 || years > 6) fail(`needs whole years from 1 to 6 for ${basis}.${level}`);
      levels[level as Level] = years as number;
    }
    result[basis as EntryBasis] = levels;
  }
  return result;
}

function readReminderDays(value: string | undefined): number[] {
  if (value === undefined || value.trim() === '') return [...DEFAULT_REMINDER_DAYS];
  const days = value.split(',').map((part) => Number(part.trim()));
  if (days.length > 10 || days.some((d) => !Number.isInteger(d) || d < 0 || d > 365)) {
    throw new Error(`ALERT_REMINDER_DAYS must be up to 10 whole numbers of days from 0 to 365, separated by commas, got "${value}"`);
  }
  return days;
}

function readWebhook(url: string | undefined, secret: string | undefined): { url: string; secret: string } | null {
  if (!url) return null;
  if (!/^https?:\/\//.test(url)) throw new Error(`ALERT_WEBHOOK_URL must be an http(s) URL, got "${url}"`);
  if (!secret || secret.length < 16) throw new Error('ALERT_WEBHOOK_SECRET (16+ characters) is required with ALERT_WEBHOOK_URL: receivers check the signature');
  return { url, secret };
}

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  return {
    port: readPort(source.PORT),
    databaseUrl: readDatabaseUrl(source.DATABASE_URL),
    databaseListenUrl: readListenUrl(source.DATABASE_LISTEN_URL),
    production: source.NODE_ENV === 'production',
    demoData: readBoolean('DEMO_DATA', source.DEMO_DATA, true),
    demoToday: source.DEMO_TODAY || undefined,
    adminDist: path.join(rootDir, 'admin', 'dist'),
    rootDir,
    programDurations: readDurations(source.PROGRAM_DURATIONS),
    databasePoolMax: readInteger('DATABASE_POOL_MAX', source.DATABASE_POOL_MAX, 10, 1, 500),
    statementTimeoutMs: readInteger('DATABASE_STATEMENT_TIMEOUT_MS', source.DATABASE_STATEMENT_TIMEOUT_MS, 30000, 0, 3600000),
    sqliteReaders: readInteger('SQLITE_READERS', source.SQLITE_READERS, defaultReaderCount(), 0, 64),
    migrateOnStart: readBoolean('MIGRATE_ON_START', source.MIGRATE_ON_START, true),
    seedOnStart: readBoolean('SEED_ON_START', source.SEED_ON_START, true),
    shutdownGraceMs: readInteger('SHUTDOWN_GRACE_MS', source.SHUTDOWN_GRACE_MS, 10000, 0, 600000),
    jwtSecret: readSecret(source.JWT_SECRET, source.NODE_ENV === 'production'),
    tokenTtlMinutes: readInteger('TOKEN_TTL_MINUTES', source.TOKEN_TTL_MINUTES, 480, 1, 60 * 24 * 30),
    adminUsername: source.ADMIN_USERNAME || 'admin',
    adminPassword: source.ADMIN_PASSWORD || undefined,
    alertReminderDays: readReminderDays(source.ALERT_REMINDER_DAYS),
    alertWebhook: readWebhook(source.ALERT_WEBHOOK_URL, source.ALERT_WEBHOOK_SECRET),
    queryLimits: {
      maxDepth: readInteger('QUERY_MAX_DEPTH', source.QUERY_MAX_DEPTH, DEFAULT_QUERY_LIMITS.maxDepth, 1, 100),
      maxCost: readInteger('QUERY_MAX_COST', source.QUERY_MAX_COST, DEFAULT_QUERY_LIMITS.maxCost, 1, 1_000_000_000),
    },
    trustProxy: readInteger('TRUST_PROXY', source.TRUST_PROXY, 0, 0, 10),
  };
}

export function databaseKind(url: string): DatabaseKind {
  return url.startsWith('sqlite:') ? 'sqlite' : 'postgresql';
}
