import { afterAll, beforeAll, expect, test } from 'vitest';
import { graphql, startTarget, type Target } from './http-target.js';

/** The server as NODE_ENV=production runs it: validation errors name nothing of the schema for anyone. */
let t: Target;
beforeAll(async () => {
  t = await startTarget({ production: true });
}, 120000);
afterAll(async () => {
  await t?.stop();
});

test('no "Did you mean" suggestions in production, signed in or not', async () => {
  const signedIn = await graphql(t.url, '{ allCitie { id } }', {}, t.admin);
  expect(signedIn.status).toBe(400);
  expect(signedIn.body.errors[0].message).toBe('Cannot query field "allCitie" on type "Query".');
  const anonymous = await graphql(t.url, 'mutation { login(usernam: "root", password: "x") { token } }');
  expect(anonymous.body.errors.map((e: { message: string }) => e.message).join(' ')).not.toMatch(/Did you mean/);
});
