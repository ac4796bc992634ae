import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const QUERY = '{ allCities(perPage: 2, sortField: "code") { code schools { name } } }';

async function post(headers: Record<string, string>) {
  const response = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...t.adminHeaders, ...headers },
    body: JSON.stringify({ query: QUERY }),
  });
  return (await response.json()) as { data?: unknown; errors?: unknown[]; extensions?: { ftv1?: string } };
}

test('an inline trace (ftv1) with a node per resolved field, when the gateway asks for one', async () => {
  const traced = await post({ 'apollo-federation-include-trace': 'ftv1' });
  expect(traced.errors).toBeUndefined();
  expect(traced.data).toEqual({
    allCities: [
      { code: '330100', schools: [] },
      { code: '330200', schools: [] },
    ],
  });
  // A protobuf Trace: its field nodes carry the response names as plain UTF-8 strings.
  const trace = Buffer.from(traced.extensions!.ftv1!, 'base64').toString('utf8');
  for (const field of ['allCities', 'code', 'schools', 'City', 'String']) expect(trace).toContain(field);
});

test('no trace otherwise, and the same answer after traced requests as before', async () => {
  const before = await post({});
  await post({ 'apollo-federation-include-trace': 'ftv1' });
  const after = await post({});
  expect(before.extensions?.ftv1).toBeUndefined();
  expect(after.extensions?.ftv1).toBeUndefined();
  expect(after.data).toEqual(before.data);
  expect((await post({ 'apollo-federation-include-trace': 'yes' })).extensions?.ftv1).toBeUndefined();
});
