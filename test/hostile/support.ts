import { expect } from 'vitest';
import type { GraphQLResponse, TestApp } from '../helpers/test-app.js';

/** The server's base address (`http://127.0.0.1:port`) from its GraphQL endpoint. */
export const baseOf = (t: TestApp): string => t.url.replace(/\/graphql$/, '');

/** `/health` answers within a second; the attack runs meanwhile. */
export async function expectHealthy(t: TestApp): Promise<void> {
  const response = await fetch(`${baseOf(t)}/health`, { signal: AbortSignal.timeout(1000) });
  expect(response.status).toBe(200);
}

/**
 * Runs an attack while probing `/health` every 100 ms; every probe must answer within a second,
 * and the server must still answer afterwards.
 */
export async function whileHealthy<T>(t: TestApp, attack: () => Promise<T>): Promise<T> {
  let running = true;
  const probes: Promise<void>[] = [];
  const prober = (async () => {
    while (running) {
      probes.push(expectHealthy(t));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  try {
    return await attack();
  } finally {
    running = false;
    await prober;
    await Promise.all(probes);
    await expectHealthy(t);
  }
}

/** The first error of an answer, which must have one. */
export function firstError(result: GraphQLResponse): { message: string; extensions: Record<string, any> } {
  expect(result.errors, JSON.stringify(result.data)).toBeDefined();
  return result.errors![0]!;
}

/** A POST with an exact body, for what `t.gql` would not send (raw text, chosen headers). */
export async function post(t: TestApp, body: unknown, headers: Record<string, string> = t.adminHeaders): Promise<{ status: number; body: GraphQLResponse }> {
  const response = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as GraphQLResponse };
}
