import { execFile } from 'node:child_process';
import { createTestApp, type TestApp, type TestAppOptions } from '../helpers/test-app.js';

/**
 * The server under attack, on its own port and database. It shares the test's process: a request that
 * blocks the event loop also holds back the 1 s timer of `health`, which then reports no answer.
 */
export interface Target {
  base: string;
  url: string;
  /** The province admin's `Authorization` header. */
  admin: Record<string, string>;
  app: TestApp;
  stop(): Promise<void>;
}

export interface Answer {
  status: number;
  contentType: string | null;
  body: any;
}

/** Every request of an attack is bounded: none may hang a test. */
export const ATTACK_TIMEOUT_MS = 30000;

export async function post(url: string, body: string | ReadableStream<Uint8Array>, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    signal: AbortSignal.timeout(ATTACK_TIMEOUT_MS),
    ...(typeof body === 'string' ? {} : { duplex: 'half' }),
  } as RequestInit);
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // left as text: the assertion on it shows what came back
  }
  return { status: response.status, contentType: response.headers.get('content-type'), body: parsed };
}

export const graphql = (url: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  post(url, JSON.stringify({ query, variables }), headers);

// Builds a document of aliases of `size` bytes and posts it: run in a process of its own, so that
// building and sending megabytes does not hold up the test's (and the in-process server's) event loop.
const BIG_ALIAS_POST = `
const [url, size, headers] = [process.argv[1], Number(process.argv[2]), JSON.parse(process.argv[3])];
const parts = [];
for (let i = 0, n = 2; n < size; i++) { const p = 'a' + i + ': __typename '; parts.push(p); n += p.length; }
const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query: '{ ' + parts.join('') + '}' }) });
const text = await response.text();
let body = text; try { body = JSON.parse(text); } catch {}
console.log(JSON.stringify({ status: response.status, contentType: response.headers.get('content-type'), body }));
`;

/** Posts a document of aliases of `size` bytes from another process. */
export function postAliasesFromChild(url: string, size: number, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--input-type=module', '-e', BIG_ALIAS_POST, url, String(size), JSON.stringify(headers)],
      { timeout: ATTACK_TIMEOUT_MS, maxBuffer: 1024 * 1024 },
      (error, stdout) => {
        if (error) reject(error);
        else resolve(JSON.parse(stdout) as Answer);
      },
    );
  });
}

/** `/health`'s status, or 'no answer within 1 s'. */
export async function health(base: string): Promise<number | string> {
  return fetch(`${base}/health`, { signal: AbortSignal.timeout(1000) }).then(
    (r) => r.status,
    () => 'no answer within 1 s',
  );
}

/**
 * Starts the attack and asks `/health` again and again until it ends (each a bounded wait of 1 s, not
 * a measure of speed): the attack's answer, and 200 or the first health answer that was not 200.
 */
export async function whileAttacking<T>(base: string, attack: () => Promise<T>): Promise<{ answer: T; healthDuring: number | string }> {
  let settled = false;
  const running = attack().finally(() => (settled = true));
  let healthDuring: number | string = 200;
  do {
    const status = await health(base);
    if (status !== 200) healthDuring = status;
    await new Promise((r) => setTimeout(r, 100));
  } while (!settled && healthDuring === 200);
  return { answer: await running, healthDuring };
}

export async function startTarget(options: TestAppOptions = {}): Promise<Target> {
  const app = await createTestApp(options);
  return { base: app.url.replace(/\/graphql$/, ''), url: app.url, admin: app.adminHeaders, app, stop: () => app.close() };
}

/** A typed refusal: the error's code, and its limit where it names one. */
export const refusal = (answer: Answer) => ({
  status: answer.status,
  json: answer.contentType?.startsWith('application/json') ?? false,
  code: answer.body?.errors?.[0]?.extensions?.code,
  limit: answer.body?.errors?.[0]?.extensions?.limit,
  data: answer.body?.data,
});
