import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { serverAudits } from 'graphql-http';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

/** Requests as a signed-in client: the audits are about the protocol, not about who may ask. */
const signedIn: typeof fetch = (input, init) => {
  const headers = new Headers(init?.headers);
  for (const [name, value] of Object.entries(t.adminHeaders)) headers.set(name, value);
  return fetch(input, { ...init, headers });
};

const audits = serverAudits({ url: () => t.url, fetchFn: signedIn });

/**
 * Recommendations the server does not follow, each explained in docs/federation.md
 * ("GraphQL over HTTP"). Pinned so that the document cannot drift from the server.
 */
const KNOWN_DEVIATIONS = {
  '572B': 'SHOULD use 200 status code on document parsing failure when accepting application/json',
  FDE2: 'SHOULD use 200 status code on document validation failure when accepting application/json',
  '7B9B': 'SHOULD use a status code of 200 on variable coercion failure when accepting application/json',
  '5A70': 'MAY accept application/x-www-form-urlencoded formatted GET requests',
  D6D5: 'MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/graphql-response+json',
  '6A70': 'MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/json',
};

describe('every MUST of the GraphQL-over-HTTP audit suite', () => {
  test.each(audits.filter((audit) => audit.name.startsWith('MUST')).map((audit) => [audit.id, audit.name, audit] as const))(
    '%s %s',
    async (_id, _name, audit) => {
      const result = await audit.fn();
      expect(result.status === 'ok' ? 'ok' : `${result.status}: ${result.reason}`).toBe('ok');
    },
  );
});

test('the SHOULD and MAY audits that fail are exactly the documented deviations', async () => {
  const failing: Record<string, string> = {};
  for (const audit of audits.filter((a) => !a.name.startsWith('MUST'))) {
    const result = await audit.fn();
    if (result.status !== 'ok') failing[audit.id] = audit.name;
  }
  expect(failing).toEqual(KNOWN_DEVIATIONS);
});

describe('GET', () => {
  const query = encodeURIComponent('query City($code: String) { allCities(filter: { code: $code }) { code nameZh } }');
  const variables = encodeURIComponent(JSON.stringify({ code: '330100' }));

  test('runs a query for a client that marks the request as non-simple, answering with the negotiated media type', async () => {
    const response = await signedIn(`${t.url}?query=${query}&variables=${variables}`, {
      headers: { accept: 'application/graphql-response+json', 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/graphql-response+json; charset=utf-8');
    expect(await response.json()).toEqual({ data: { allCities: [{ code: '330100', nameZh: '杭州市' }] } });
  });

  test('refuses a simple cross-site GET (CSRF prevention) without running it', async () => {
    const response = await signedIn(`${t.url}?query=${query}&variables=${variables}`, { headers: { accept: 'application/json' } });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { data?: unknown; errors: Array<{ extensions: { code: string } }> };
    expect(body.data).toBeUndefined();
    expect(body.errors.map((e) => e.extensions.code)).toEqual(['BAD_REQUEST']);
  });

  test('never runs a mutation', async () => {
    const mutation = encodeURIComponent('mutation { deleteCity(id: "1", version: 1) { id } }');
    const response = await signedIn(`${t.url}?query=${mutation}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    const cities = await t.ok<{ allCities: unknown[] }>('{ allCities { id } }');
    expect(cities.allCities).toHaveLength(11);
  });
});
