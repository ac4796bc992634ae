import fs from 'node:fs';
import type { IncomingMessage } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { clientAddress } from '../../server/src/http/client-address.js';
import { startTarget, type Target } from './http-target.js';

/** The admin's build as the server serves it: a stand-in build with a page, GraphiQL and hashed assets. */
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-dist-'));
const INDEX = `<!doctype html><title>admin</title>${'<!-- padding -->'.repeat(100)}`;
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(4000))});`;
fs.mkdirSync(path.join(dist, 'assets'));
fs.writeFileSync(path.join(dist, 'index.html'), INDEX);
fs.writeFileSync(path.join(dist, 'graphiql.html'), '<!doctype html><title>graphiql</title>');
fs.writeFileSync(path.join(dist, 'assets', 'index-BYoy86e6.js'), SCRIPT);
fs.writeFileSync(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');

let t: Target;
beforeAll(async () => {
  t = await startTarget({ adminDist: dist });
});
afterAll(async () => {
  await t?.stop();
  fs.rmSync(dist, { recursive: true, force: true });
});

const get = (urlPath: string, headers: Record<string, string> = {}) => fetch(`${t.base}${urlPath}`, { headers, signal: AbortSignal.timeout(10000) });

function expectSecurityHeaders(response: Response) {
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
}

describe('pages and assets', () => {
  test('index.html: security headers, revalidated on every load, 304 when unchanged', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(INDEX);
    expectSecurityHeaders(response);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const etag = response.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    const again = await get('/', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expectSecurityHeaders(again);
  });

  test('hashed assets are cached for good and compressed as the client accepts', async () => {
    const plain = await get('/assets/index-BYoy86e6.js', { 'accept-encoding': 'identity' });
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(plain.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(SCRIPT);
    expectSecurityHeaders(plain);
    for (const [encoding, decode] of [
      ['br', zlib.brotliDecompressSync],
      ['gzip', zlib.gunzipSync],
    ] as const) {
      // fetch would decode on its own; the raw bytes show what the server sent
      const raw = await new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
        import('node:http').then(({ get: httpGet }) =>
          httpGet(`${t.base}/assets/index-BYoy86e6.js`, { headers: { 'accept-encoding': encoding } }, (res: IncomingMessage) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
          }).on('error', reject),
        );
      });
      expect(raw.encoding).toBe(encoding);
      expect(raw.body.length).toBeLessThan(SCRIPT.length / 4);
      expect(decode(raw.body).toString()).toBe(SCRIPT);
    }
  });

  test('/graphiql is its own page; unknown paths are pages of the admin; other files are revalidated', async () => {
    const explorer = await get('/graphiql');
    expect(await explorer.text()).toContain('<title>graphiql</title>');
    expectSecurityHeaders(explorer);
    const deep = await get('/schools/42/show');
    expect(await deep.text()).toBe(INDEX);
    expectSecurityHeaders(deep);
    expect((await get('/favicon.svg')).headers.get('cache-control')).toBe('no-cache');
  });

  test('no path leaves the build', async () => {
    for (const probe of ['/../../../../etc/passwd', '/assets/..%2f..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/../../package.json']) {
      const response = await get(probe);
      expect([200, 404]).toContain(response.status);
      const text = await response.text();
      expect(text).not.toMatch(/root:|"dependencies"/);
    }
  });

  test('/graphql is never the admin: a wrong method or path there is JSON', async () => {
    const put = await fetch(`${t.base}/graphql`, {
      method: 'PUT',
      headers: { ...t.admin, 'content-type': 'application/json' },
      body: '{}',
      signal: AbortSignal.timeout(10000),
    });
    expect(put.status).toBe(405);
    const elsewhere = await fetch(`${t.base}/graphql/extra`, { signal: AbortSignal.timeout(10000) });
    expect(elsewhere.status).toBe(404);
    expect(((await elsewhere.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('NOT_FOUND');
  });
});

describe('/graphql over HTTP', () => {
  test('CORS: any origin may call with a bearer token; the preflight names what is allowed', async () => {
    const preflight = await fetch(t.url, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://elsewhere.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
      signal: AbortSignal.timeout(10000),
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
    const answer = await fetch(t.url, {
      method: 'POST',
      headers: { ...t.admin, 'content-type': 'application/json', origin: 'https://elsewhere.example' },
      body: '{"query":"{ __typename }"}',
    });
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(await answer.json()).toEqual({ data: { __typename: 'Query' } });
  });

  test('an answer carries its length, not chunked encoding', async () => {
    const query = '{ allCities { code nameZh } }';
    const answer = await fetch(t.url, { method: 'POST', headers: { ...t.admin, 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const body = Buffer.from(await answer.arrayBuffer());
    expect(answer.headers.get('transfer-encoding')).toBeNull();
    expect(Number(answer.headers.get('content-length'))).toBe(body.length);
    expect(JSON.parse(body.toString('utf8')).data.allCities).toHaveLength(11);
  });

  test("a body that is not JSON gets Apollo's 400, as JSON", async () => {
    const answer = await fetch(t.url, { method: 'POST', headers: { ...t.admin, 'content-type': 'text/plain' }, body: '{"query":"{ __typename }"}' });
    expect(answer.status).toBe(400);
  });
});

describe('the client address', () => {
  const request = (peer: string, forwarded?: string) =>
    ({ socket: { remoteAddress: peer }, headers: forwarded ? { 'x-forwarded-for': forwarded } : {} }) as unknown as IncomingMessage;

  test('without TRUST_PROXY the socket peer, whatever X-Forwarded-For claims', () => {
    expect(clientAddress(request('10.0.0.5', '1.2.3.4'), 0)).toBe('10.0.0.5');
  });

  test('behind N trusted proxies, the address the first of them saw', () => {
    // client → proxy A (writes the client) → proxy B (appends A) → server (peer B)
    expect(clientAddress(request('10.0.0.2', '203.0.113.7, 10.0.0.1'), 2)).toBe('203.0.113.7');
    expect(clientAddress(request('10.0.0.1', '203.0.113.7'), 1)).toBe('203.0.113.7');
    // a client that forges entries gains nothing: they are to the left of what the proxy appended
    expect(clientAddress(request('10.0.0.1', '6.6.6.6, 203.0.113.7'), 1)).toBe('203.0.113.7');
    // more proxies configured than hops present: the leftmost address there is
    expect(clientAddress(request('10.0.0.1'), 3)).toBe('10.0.0.1');
  });
});
