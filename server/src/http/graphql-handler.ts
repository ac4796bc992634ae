import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import type { Actor } from '../auth/actor.js';
import { unauthenticated } from '../auth/scope.js';
import type { Context } from '../context.js';
import { checkDocument, malformedBody, nestsDeeperThan, overLimit } from './budget.js';
import { CORS_HEADERS, CORS_PREFLIGHT_HEADERS } from './headers.js';
import { REQUEST_LIMITS } from './limits.js';

export interface GraphQLHandlerOptions {
  apollo: ApolloServer<Context>;
  /** The signed-in user behind an `Authorization` header, or null. */
  authenticate(authorization: string | undefined): Promise<Actor | null>;
  /** The request's context, acting for the token's user (null: anonymous), made only when Apollo asks for it. */
  context(req: IncomingMessage, actor: Actor | null): Context;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** A refusal of the HTTP layer, in the shape of a GraphQL response (`extensions.http` is for us only). */
export function sendError(res: ServerResponse, error: GraphQLError): void {
  const { http, ...extensions } = error.extensions as { http?: { status?: number } };
  const body = JSON.stringify({ errors: [{ message: error.message, extensions }] });
  res.writeHead(http?.status ?? 400, { ...CORS_HEADERS, 'content-type': JSON_TYPE, 'content-length': String(Buffer.byteLength(body)) }).end(body);
}

/** The body, or 'TOO_LARGE' as soon as it passes `limit` bytes (by its Content-Length or as it arrives). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'TOO_LARGE'> {
  if (Number(req.headers['content-length'] ?? 0) > limit) {
    req.resume();
    return Promise.resolve('TOO_LARGE');
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const onData = (chunk: Buffer) => {
      length += chunk.length;
      if (length > limit) {
        // The rest is read and dropped, so that the client (still sending) gets the answer.
        req.off('data', onData);
        req.resume();
        resolve('TOO_LARGE');
      } else chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks, length)));
    req.once('error', reject);
  });
}

const isJson = (req: IncomingMessage) => /^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '');

/** The request as Apollo takes it, or the error to refuse it with. */
async function readRequest(req: IncomingMessage, search: string, anonymous: boolean): Promise<{ body: unknown; query: unknown } | GraphQLError> {
  if (req.method !== 'POST') return { body: undefined, query: new URLSearchParams(search).get('query') ?? undefined };
  const limit = anonymous ? REQUEST_LIMITS.anonymousBodyBytes : REQUEST_LIMITS.bodyBytes;
  const raw = await readBody(req, limit);
  if (raw === 'TOO_LARGE') return overLimit('BODY_BYTES', limit);
  // Apollo answers a body that is not JSON (or empty) with its own 400.
  if (!isJson(req) || raw.length === 0) return { body: undefined, query: undefined };
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch (error) {
    return malformedBody((error as Error).message);
  }
  if (nestsDeeperThan(body, REQUEST_LIMITS.jsonDepth)) return overLimit('JSON_DEPTH', REQUEST_LIMITS.jsonDepth);
  return { body, query: typeof body === 'object' && body !== null ? (body as { query?: unknown }).query : undefined };
}

/**
 * `/graphql`: the request budget first (for a client without a valid token, before anything else),
 * then Apollo's own handling (CSRF prevention, GET and POST, status codes), run as the token's user.
 */
export function graphqlHandler({ apollo, authenticate, context }: GraphQLHandlerOptions) {
  return async (req: IncomingMessage, res: ServerResponse, search: string): Promise<void> => {
    if (req.method === 'OPTIONS') {
      const requested = req.headers['access-control-request-headers'];
      res.writeHead(204, { ...CORS_PREFLIGHT_HEADERS, ...(requested ? { 'access-control-allow-headers': requested } : {}), 'content-length': '0' }).end();
      return;
    }
    const actor = await authenticate(req.headers.authorization);
    const anonymous = actor === null;
    const request = await readRequest(req, search, anonymous);
    if ('message' in request) return sendError(res, request);
    if (typeof request.query === 'string') {
      const refusal = checkDocument(request.query, anonymous);
      if (refusal) return sendError(res, refusal);
    } else if (anonymous) {
      return sendError(res, unauthenticated());
    }

    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method!, headers, search, body: request.body },
      context: async () => context(req, actor),
    });
    const head: Record<string, string> = { ...CORS_HEADERS };
    for (const [name, value] of response.headers) head[name] = value;
    if (response.body.kind === 'complete') {
      // With its length known the answer goes out in one write with its head, not chunked in four.
      const body = response.body.string;
      head['content-length'] = String(Buffer.byteLength(body));
      res.writeHead(response.status ?? 200, head).end(body);
      return;
    }
    res.writeHead(response.status ?? 200, head);
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
