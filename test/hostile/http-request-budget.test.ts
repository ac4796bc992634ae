import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REQUEST_LIMITS } from '../../server/src/http/limits.js';
import { graphql, post, postAliasesFromChild, refusal, startTarget, whileAttacking, type Target } from './http-target.js';

/**
 * Attacks on the request budget, each against `npm start`'s server in its own process: the answer is
 * a typed GraphQL error in JSON with the right status, `/health` answers within 1 s while the attack
 * runs, and the server still serves afterwards.
 */
let t: Target;
beforeAll(async () => {
  t = await startTarget();
}, 120000);
afterAll(async () => {
  await t?.stop();
});

const LOGIN = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';
const aliasDocument = (bytes: number) => {
  const parts: string[] = [];
  for (let i = 0, size = 2; size < bytes; i++) {
    const part = `a${i}: __typename `;
    parts.push(part);
    size += part.length;
  }
  return `{ ${parts.join('')}}`;
};

describe('bodies', () => {
  test('an anonymous 20 MB alias document is refused by its size alone (413), as JSON', async () => {
    const { answer, healthDuring } = await whileAttacking(t.base, () => postAliasesFromChild(t.url, 20 * 1024 * 1024));
    expect(refusal(answer)).toMatchObject({ status: 413, json: true, code: 'PAYLOAD_TOO_LARGE', limit: 'BODY_BYTES' });
    expect(answer.body.errors[0].extensions.maximum).toBe(REQUEST_LIMITS.anonymousBodyBytes);
    expect(answer.body.errors[0].extensions.messageZh).toContain('请求过大');
    expect(healthDuring).toBe(200);
  });

  test('a signed-in body over its limit is refused too, also when streamed without a length', async () => {
    const declared = await post(t.url, JSON.stringify({ query: aliasDocument(REQUEST_LIMITS.bodyBytes + 1024) }), t.admin);
    expect(refusal(declared)).toMatchObject({ status: 413, json: true, code: 'PAYLOAD_TOO_LARGE', limit: 'BODY_BYTES' });

    const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        // far past the limit, then stop: the server must answer before the end
        if ((sent += chunk.length) > 40 * REQUEST_LIMITS.bodyBytes) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const { answer, healthDuring } = await whileAttacking(t.base, () => post(t.url, endless, t.admin));
    expect(refusal(answer)).toMatchObject({ status: 413, json: true, code: 'PAYLOAD_TOO_LARGE' });
    expect(healthDuring).toBe(200);
  });

  test('malformed JSON gets a GraphQL JSON error, never an HTML page', async () => {
    for (const headers of [{}, t.admin]) {
      const answer = await post(t.url, '{"query": "{ __typename }"', headers);
      expect(refusal(answer)).toMatchObject({ status: 400, json: true, code: 'BAD_REQUEST' });
      expect(answer.body.errors[0].extensions.messageEn).toMatch(/^the request body is not valid JSON/);
      expect(JSON.stringify(answer.body)).not.toMatch(/<html|at JSON\.parse|\/work\//i);
    }
  });
});

describe('variables', () => {
  const FILTER = 'query($w: CityWhere) { allCities(where: $w) { id } }';
  const nestedFilter = (levels: number) => `${'{"not":'.repeat(levels)}{"code":{"eq":"330100"}}${'}'.repeat(levels)}`;
  const body = (levels: number) => `{"query":${JSON.stringify(FILTER)},"variables":{"w":${nestedFilter(levels)}}}`;

  test('variables nested 100,000 deep in 800 KB: refused by the JSON\u2019s depth, before any walk of them', async () => {
    const { answer, healthDuring } = await whileAttacking(t.base, () => post(t.url, body(100_000), t.admin));
    expect(refusal(answer)).toMatchObject({ status: 400, json: true, code: 'REQUEST_TOO_LARGE', limit: 'JSON_DEPTH' });
    expect(answer.body.errors[0].extensions.maximum).toBe(REQUEST_LIMITS.jsonDepth);
    expect(healthDuring).toBe(200);
  });

  test('at the depth limit the request goes on to the filter\u2019s own bound', async () => {
    // the body and `variables` are two levels, the field and its operator two more
    const answer = await post(t.url, body(REQUEST_LIMITS.jsonDepth - 4), t.admin);
    expect(refusal(answer)).toMatchObject({ status: 200, code: 'BAD_USER_INPUT' });
    expect(answer.body.errors[0].message).toMatch(/nests deeper than 8 levels/);
    expect(refusal(await post(t.url, body(REQUEST_LIMITS.jsonDepth - 3), t.admin))).toMatchObject({ status: 400, limit: 'JSON_DEPTH' });
  });
});

describe('documents', () => {
  test('too many tokens: refused before the document is parsed whole', async () => {
    const query = `{ ${'__typename '.repeat(REQUEST_LIMITS.tokens)} }`;
    const { answer, healthDuring } = await whileAttacking(t.base, () => graphql(t.url, query, {}, t.admin));
    expect(refusal(answer)).toMatchObject({ status: 400, json: true, code: 'REQUEST_TOO_LARGE', limit: 'TOKENS' });
    expect(healthDuring).toBe(200);
  });

  test('too many aliases', async () => {
    const aliases = Array.from({ length: REQUEST_LIMITS.aliases + 1 }, (_, i) => `a${i}: __typename`).join(' ');
    const answer = await graphql(t.url, `{ ${aliases} }`, {}, t.admin);
    expect(refusal(answer)).toMatchObject({ status: 400, json: true, code: 'REQUEST_TOO_LARGE', limit: 'ALIASES' });
    expect(answer.body.errors[0].extensions).toMatchObject({ actual: REQUEST_LIMITS.aliases + 1, maximum: REQUEST_LIMITS.aliases });
  });

  test('fragments spread into an exponential number of fields: counted through, refused at once', async () => {
    // F0 has two fields, every Fn spreads F(n-1) twice: F40 stands for 2^41 fields in under 2 KB.
    const fragments = ['fragment F0 on Query { __typename b: __typename }'];
    for (let i = 1; i <= 40; i++) fragments.push(`fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`);
    const query = `{ ...F40 } ${fragments.join(' ')}`;
    const { answer, healthDuring } = await whileAttacking(t.base, () => graphql(t.url, query, {}, t.admin));
    expect(refusal(answer)).toMatchObject({ status: 400, json: true, code: 'REQUEST_TOO_LARGE' });
    expect(['ALIASES', 'FIELDS']).toContain(refusal(answer).limit);
    expect(healthDuring).toBe(200);
  });

  test('too many fields, without aliases', async () => {
    const fields = Array.from({ length: REQUEST_LIMITS.fields + 1 }, () => 'code').join(' ');
    const answer = await graphql(t.url, `{ allCities { ${fields} } }`, {}, t.admin);
    expect(refusal(answer)).toMatchObject({ status: 400, code: 'REQUEST_TOO_LARGE', limit: 'FIELDS' });
  });

  test('too many directives', async () => {
    const directives = Array.from({ length: REQUEST_LIMITS.directives + 1 }, () => '@include(if: true)').join(' ');
    const answer = await graphql(t.url, `{ __typename ${directives} }`, {}, t.admin);
    expect(refusal(answer)).toMatchObject({ status: 400, code: 'REQUEST_TOO_LARGE', limit: 'DIRECTIVES' });
  });

  test('a document within every limit still runs', async () => {
    const answer = await graphql(t.url, '{ a: allCities(filter: { code: "330100" }) { code } b: __typename }', {}, t.admin);
    expect(answer.body).toEqual({ data: { a: [{ code: '330100' }], b: 'Query' } });
  });
});

describe('anonymous requests', () => {
  test('300 aliased logins: refused by the anonymous body or token budget, no password is hashed', async () => {
    const logins = (n: number) => Array.from({ length: n }, (_, i) => `l${i}:login(username:"root",password:"g${i}"){token}`).join(' ');
    const { answer, healthDuring } = await whileAttacking(t.base, () => graphql(t.url, `mutation { ${logins(300)} }`));
    expect(refusal(answer)).toMatchObject({ status: 413, json: true, code: 'PAYLOAD_TOO_LARGE', limit: 'BODY_BYTES' });
    expect(healthDuring).toBe(200);
    // As many as fit in the anonymous body: still far over its token budget.
    const compact = await graphql(t.url, `mutation { ${logins(60)} }`);
    expect(refusal(compact)).toMatchObject({ status: 400, json: true, code: 'REQUEST_TOO_LARGE', limit: 'TOKENS' });
  });

  test('a login may not be aliased, doubled or decorated', async () => {
    for (const query of [
      'mutation { a: login(username: "root", password: "x") { token } }',
      'mutation { login(username: "root", password: "x") { token } __typename }',
      'mutation { login(username: "root", password: "x") @skip(if: false) { token } }',
      'mutation A { login(username: "root", password: "x") { token } } mutation B { login(username: "root", password: "y") { token } }',
    ]) {
      expect(refusal(await graphql(t.url, query))).toMatchObject({ status: 400, json: true, code: 'BAD_REQUEST', data: undefined });
    }
  });

  test('anything but a login is refused as not signed in, unparsable documents included', async () => {
    for (const query of [
      '{ allCities { id } }',
      '{ __schema { types { name } } }',
      'mutation { deleteCity(id: "1") { id } }',
      '{ allCities { ',
      'fragment F on Query { __typename }',
    ]) {
      expect(refusal(await graphql(t.url, query))).toMatchObject({ status: 401, json: true, code: 'UNAUTHENTICATED', data: undefined });
    }
    expect(refusal(await post(t.url, JSON.stringify({ variables: {} })))).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });

  test('a forged token counts as anonymous: same budget', async () => {
    const body = JSON.stringify({ query: aliasDocument(64 * 1024) });
    const answer = await post(t.url, body, { authorization: 'Bearer forged.token.value' });
    expect(refusal(answer)).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE', limit: 'BODY_BYTES' });
  });

  test('no schema suggestions for anonymous clients; a signed-in developer still gets them', async () => {
    const anonymous = await graphql(t.url, 'mutation { login(usernam: "root", password: "x") { token } }');
    expect(anonymous.status).toBe(400);
    expect(anonymous.body.errors.length).toBeGreaterThan(0);
    expect(JSON.stringify(anonymous.body)).not.toMatch(/Did you mean/);
    const signedIn = await graphql(t.url, '{ allCitie { id } }', {}, t.admin);
    expect(JSON.stringify(signedIn.body)).toMatch(/Did you mean .*allCities/);
  });

  test('the real login still works after all of that', async () => {
    const answer = await graphql(t.url, LOGIN, { u: 'root', p: 'Test-password-2023' });
    expect(answer.body.data.login.token).toEqual(expect.any(String));
  });
});
