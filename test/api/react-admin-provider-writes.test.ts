import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { DataProvider } from 'ra-core';
import { resources } from '../../server/src/modules/index.js';
import { seed } from '../../server/src/seeders/index.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { PASSWORD } from '../helpers/users.js';

/**
 * Writes through the stock react-admin GraphQL provider, unmodified, over the demo province (a row of
 * every resource): create with input built from the contract's writable fields, update as react-admin
 * sends it (the whole record), and delete, which the stock provider sends by id alone while the API
 * wants the version it was based on (docs/admin.md). Updates of every resource are in
 * react-admin-provider.test.ts.
 */
const require = createRequire(import.meta.url);
const { default: buildGraphQLProvider } = require('ra-data-graphql-simple') as typeof import('ra-data-graphql-simple');
const { HttpLink } = require('@apollo/client') as typeof import('@apollo/client');

/** The contract as clients read it (schema/resources.json). */
const contract = JSON.parse(fs.readFileSync(new URL('../../schema/resources.json', import.meta.url), 'utf8')) as {
  resources: Array<{ name: string; fields: Array<{ name: string; readOnly?: boolean; writeOnly?: boolean }> }>;
};
const writtenFields = (name: string) => contract.resources.find((r) => r.name === name)!.fields.filter((f) => !f.readOnly);

/**
 * Resources with a demo row that nothing depends on and whose rules take its values again (a city, a
 * school or a major always has dependents; a submitted summary, a moved case, an order class and an
 * agreement are bound by their rules; an account's input differs from its row): create is driven with
 * that row's own values.
 */
const RECREATED = [
  'CampaignTarget',
  'SchoolTarget',
  'Program',
  'EnrollmentPlan',
  'Intake',
  'Company',
  'Partnership',
  'OutreachVisit',
  'Incentive',
  'ScoringWeight',
];

let t: TestApp;
let provider: DataProvider;
/** The body of the last answer the provider received, to read the error it was refused with. */
let lastBody: unknown;

beforeAll(async () => {
  t = await createTestApp();
  await seed(t.orm, { demo: true });
  // The demo has no enrollment-order cases: one reported through the API.
  const { rows } = await t.ok(`{ rows: allCities(perPage: 1) { id } }`);
  await t.ok(
    `mutation($c: ID!) { createDisciplineCase(cityId: $c, kind: ILLEGAL_RECRUITMENT, source: COMPLAINT, reportedOn: "2026-05-01", summary: "跨市招生") { id } }`,
    {
      c: rows[0].id,
    },
  );
  // a second try on a socket the server closed while the provider introspected (see react-admin-provider.test.ts)
  const fetchOnLiveSocket: typeof fetch = (input, init) =>
    fetch(input, init).catch((error) => (error instanceof TypeError ? fetch(input, init) : Promise.reject(error)));
  const recording: typeof fetch = async (input, init) => {
    const response = await fetchOnLiveSocket(input, init);
    lastBody = await response.clone().json();
    return response;
  };
  provider = await buildGraphQLProvider({ clientOptions: { link: new HttpLink({ uri: t.url, headers: t.adminHeaders, fetch: recording }) } });
}, 600000);
afterAll(async () => {
  await t?.close();
});

/** A row nothing depends on, deleted through the API with its version: its values are input every rule of the resource accepts. */
async function takeAwayARow(name: string, plural: string): Promise<Record<string, unknown> | undefined> {
  const { rows } = await t.ok(`{ rows: all${plural}(perPage: 200, sortField: "id", sortOrder: "DESC") { id version } }`);
  for (const { id, version } of rows as Array<{ id: string; version: number }>) {
    const before = (await provider.getOne(name, { id })).data;
    const deleted = await t.gql(`mutation($id: ID!, $v: Int!) { delete${name}(id: $id, version: $v) { id } }`, { id, v: version });
    if (!deleted.errors) return before;
  }
  return undefined;
}

describe.each(RECREATED.map((name) => [name, resources.find((def) => def.name === name)!] as const))('%s', (name, def) => {
  test('create from the contract\u2019s writable fields, then update as react-admin sends it', async () => {
    const gone = await takeAwayARow(name, def.plural);
    expect(gone, `a row of ${name} that nothing depends on`).toBeDefined();
    const written = writtenFields(name);
    const data: Record<string, unknown> = Object.fromEntries(written.filter((f) => !f.writeOnly).map((f) => [f.name, gone![f.name]]));
    // a password is never read back: an account of a role that signs in takes a new one
    if (written.some((f) => f.writeOnly) && gone!.role !== 'SERVICE') data.password = PASSWORD;
    const created = (await provider.create(name, { data })).data;
    expect(created.id).not.toBe(gone!.id);
    for (const field of written.filter((f) => !f.writeOnly)) expect(created[field.name], field.name).toEqual(gone![field.name]);

    const updated = (await provider.update(name, { id: created.id, data: created, previousData: created })).data;
    expect(updated.id).toBe(created.id);
    expect(updated.version).toBeGreaterThanOrEqual(created.version);
  });
});

describe.each(resources.filter((def) => def.mutations !== false).map((def) => [def.name, def] as const))('%s', (name, def) => {
  test('delete by id alone is refused, typed, naming the missing version; the row stays', async () => {
    const { rows } = await t.ok(`{ rows: all${def.plural}(perPage: 1) { id version } }`);
    const row = (rows as Array<{ id: string; version: number }>)[0]!;
    const refused = await provider.delete(name, { id: row.id, previousData: row }).then(
      () => null,
      (error: { status?: number }) => error,
    );
    expect(refused?.status).toBe(400);
    const [error] = (lastBody as { errors: Array<{ message: string; extensions: { code: string } }> }).errors;
    expect(error!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(error!.message).toContain(`delete${name}`);
    expect(error!.message).toMatch(/"version".*required/);
    expect((await t.ok(`query($id: ID!) { row: ${name}(id: $id) { id version } }`, { id: row.id })).row).toEqual(row);
  });
});
