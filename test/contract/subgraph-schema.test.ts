import 'reflect-metadata';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { printSubgraphSchema } from '@apollo/subgraph';
import { Kind, parse, print, type ConstDirectiveNode } from 'graphql';
import { createSchema } from '../../server/src/schema.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const contractFile = fileURLToPath(new URL('../../schema/schema.graphql', import.meta.url));
/** The checked-in contract without its one generated header line. */
const contract = () => fs.readFileSync(contractFile, 'utf8').split('\n').slice(1).join('\n');

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

test('schema/schema.graphql is what the server prints (run `pnpm schema:emit` when this fails)', async () => {
  expect(contract()).toBe(`${printSubgraphSchema(await createSchema())}\n`);
});

test('{ _service { sdl } } serves exactly schema/schema.graphql', async () => {
  const data = await t.ok<{ _service: { sdl: string } }>('{ _service { sdl } }');
  expect(`${data._service.sdl}\n`).toBe(contract());
});

test('the link names a Federation 2 version that routers and Apollo\'s compatibility checks accept', () => {
  const link = contract().match(/@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.(\d+)"/);
  expect(Number(link![1])).toBeGreaterThanOrEqual(0);
  expect(Number(link![1])).toBeLessThanOrEqual(7);
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
    EnrollmentPlan: ['@key(fields: "id")'],
    Company: ['@key(fields: "id")', '@key(fields: "creditCode")'],
    Partnership: ['@key(fields: "id")'],
    OrderClass: ['@key(fields: "id")'],
  });
});

test('shareable value types', () => {
  const shareable = parse(contract()).definitions.flatMap((d) =>
    d.kind === Kind.OBJECT_TYPE_DEFINITION && directivesOn(d.directives, 'shareable').length > 0 ? [d.name.value] : [],
  );
  expect(shareable.sort()).toEqual(['ListMetadata', 'Province']);
});
