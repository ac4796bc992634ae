import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Request } from './queries.js';

const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'request.lua');

export interface WrkResult {
  requests: number;
  durationUs: number;
  p50Us: number;
  p99Us: number;
  meanUs: number;
  connectErrors: number;
  readErrors: number;
  writeErrors: number;
  statusErrors: number;
  timeouts: number;
  /** Answers carrying GraphQL errors (HTTP 200 all the same). */
  graphqlErrors: number;
}

export interface WrkOptions {
  seconds: number;
  connections: number;
  threads: number;
  token?: string;
  /** The saved rows' current version, for bodies with `VERSION_SLOT` (the script counts it on per save). */
  version?: number;
  /** Which of the bodies (1-based) changes the rows as they stand; the script alternates from there. */
  firstBody?: number;
  /** Where request bodies are written for the Lua script to read. */
  scratchDir: string;
}

/** Runs wrk against `base` with one request (or several sent in turn) and returns its summary. */
export function runWrk(base: string, requests: Request[], options: WrkOptions): Promise<WrkResult> {
  const files = requests.map((r, i) => {
    if (r.body === undefined) return null;
    const file = path.join(options.scratchDir, `body-${process.pid}-${i}.json`);
    fs.writeFileSync(file, r.body);
    return file;
  });
  const env = {
    ...process.env,
    BENCH_METHOD: requests[0]!.method,
    BENCH_TOKEN: options.token ?? '',
    BENCH_BODY_FILES: files.filter((f) => f !== null).join(';'),
    BENCH_VERSION: options.version === undefined ? '' : String(options.version),
    BENCH_FIRST_BODY: String(options.firstBody ?? 1),
  };
  const args = [
    '-t',
    String(options.threads),
    '-c',
    String(options.connections),
    '-d',
    `${options.seconds}s`,
    '--timeout',
    '30s',
    '-s',
    SCRIPT,
    `${base}${requests[0]!.path}`,
  ];
  return new Promise((resolve, reject) => {
    execFile('wrk', args, { env, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`wrk failed: ${error.message}\n${stdout}${stderr}`));
      const line = stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
      if (!line) return reject(new Error(`wrk printed no result:\n${stdout}${stderr}`));
      resolve(JSON.parse(line.slice('BENCH_RESULT '.length)) as WrkResult);
    });
  });
}
