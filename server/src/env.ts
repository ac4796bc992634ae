import path from 'node:path';
import { fileURLToPath } from 'node:url';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type DatabaseKind = 'sqlite' | 'postgresql';

export interface Env {
  port: number;
  databaseUrl: string;
  production: boolean;
  demoData: boolean;
  adminDist: string;
  rootDir: string;
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

function readDatabaseUrl(value: string | undefined): string {
  const url = value || `sqlite:${path.join(rootDir, 'data', 'enrollment.sqlite')}`;
  if (!/^(sqlite:|postgres(ql)?:\/\/)/.test(url)) {
    throw new Error(`DATABASE_URL must start with sqlite: or postgres://, got "${url}"`);
  }
  return url;
}

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  return {
    port: readPort(source.PORT),
    databaseUrl: readDatabaseUrl(source.DATABASE_URL),
    production: source.NODE_ENV === 'production',
    demoData: readBoolean('DEMO_DATA', source.DEMO_DATA, true),
    adminDist: path.join(rootDir, 'admin', 'dist'),
    rootDir,
  };
}

export function databaseKind(url: string): DatabaseKind {
  return url.startsWith('sqlite:') ? 'sqlite' : 'postgresql';
}
