import 'reflect-metadata';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { Kind, parse, print, type ConstDirectiveNode } from 'graphql';
import { createSchema } from '../../server/src/schema.js';
import { FEDERATION_VERSION, addRouterAuthorization } from '../../server/src/federation/directives.js';
import { resources } from '../../server/src/modules/index.js';
import { composeServices } from '@apollo/composition';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const contractFile = fileURLToPath(new URL('../../schema/schema.graphql', import.meta.url));
/** The checked-in contract without its one generated header line. */
const contract = () => fs.readFileSync(contractFile, 'utf8').split('\n').slice(1).join('\n');

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

test('schema/schema.graphql is what the server prints (run `pnpm schema:emit` when this fails)', async () => {
  expect(contract()).toBe(`${printSubgraphSchema(await createSchema())}\n`);
});

test('schema/schema.router.graphql is the served SDL with router authorization (run `pnpm schema:emit` when this fails)', async () => {
  const routerFile = fileURLToPath(new URL('../../schema/schema.router.graphql', import.meta.url));
  const served = printSubgraphSchema(await createSchema());
  const expected = printSubgraphSchema(buildSubgraphSchema(addRouterAuthorization(parse(served), resources)));
  expect(fs.readFileSync(routerFile, 'utf8').split('\n').slice(1).join('\n')).toBe(`${expected}\n`);
});

test('{ _service { sdl } } serves exactly schema/schema.graphql', async () => {
  const data = await t.ok<{ _service: { sdl: string } }>('{ _service { sdl } }');
  expect(`${data._service.sdl}\n`).toBe(contract());
});

test('the link names the newest Federation version the pinned @apollo/composition knows', () => {
  const link = contract().match(/@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/(v2\.\d+)"/);
  expect(link![1]).toBe(FEDERATION_VERSION);
  const minor = Number(FEDERATION_VERSION.split('.')[1]);
  const composesAt = (version: string) =>
    !composeServices([
      {
        name: 'probe',
        url: 'http://probe',
        typeDefs: parse(`extend schema @link(url: "https://specs.apollo.dev/federation/${version}", import: ["@key"])\ntype Query { a: Int }`),
      },
    ]).errors;
  expect(composesAt(FEDERATION_VERSION)).toBe(true);
  expect(composesAt(`v2.${minor + 1}`)).toBe(false);
});

const directivesOn = (directives: readonly ConstDirectiveNode[] | undefined, name: string) =>
  (directives ?? []).filter((d) => d.name.value === name).map((d) => print(d));

test('entities and their keys', () => {
  const keys = Object.fromEntries(
    parse(contract()).definitions.flatMap((d) =>
      d.kind === Kind.OBJECT_TYPE_DEFINITION && directivesOn(d.directives, 'key').length > 0 ? [[d.name.value, directivesOn(d.directives, 'key')]] : [],
    ),
  );
  expect(keys).toEqual({
    City: ['@key(fields: "id")', '@key(fields: "code")'],
    School: ['@key(fields: "id")'],
    Program: ['@key(fields: "id")'],
    Major: ['@key(fields: "id")'],
    EnrollmentPlan: ['@key(fields: "id")', '@key(fields: "program { id } year season")'],
    Company: ['@key(fields: "id")', '@key(fields: "creditCode")'],
    Partnership: ['@key(fields: "id")'],
    OrderClass: ['@key(fields: "id")'],
    Student: ['@key(fields: "id")'],
  });
});

test('shareable value types', () => {
  const shareable = parse(contract()).definitions.flatMap((d) =>
    d.kind === Kind.OBJECT_TYPE_DEFINITION && directivesOn(d.directives, 'shareable').length > 0 ? [d.name.value] : [],
  );
  expect(shareable.sort()).toEqual(['ListMetadata', 'Province']);
});
