import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginInlineTrace } from '@apollo/server/plugin/inlineTrace';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { MikroORM } from '@mikro-orm/core';
import { createContext, type Context } from './context.js';
import { createSchema } from './schema.js';
import { compiledExecution } from './read/compiled-execution.js';
import { formatError } from './common/format-error.js';
import { inlineTraceOnRequest, requestPlugin } from './request-plugin.js';
import { RememberedDocuments } from './document-store.js';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from './query-limits.js';
import { systemClock, type Clock } from './common/clock.js';
import { TokenService } from './auth/tokens.js';
import { actorFor } from './auth/authenticate.js';
import { readAccount } from './modules/user/account.js';
import { TableCache } from './read/table-cache.js';
import { graphqlHandler, sendError } from './http/graphql-handler.js';
import { loadStaticSite } from './http/static-files.js';
import { clientAddress } from './http/client-address.js';
import { AppError } from './common/errors.js';
import { useDurationOverrides, type DurationOverrides } from './modules/program/durations.js';
import { DEFAULT_REMINDER_DAYS, useReminderDays } from './modules/alerts/reminder-days.js';

export interface AppOptions {
  orm: MikroORM;
  /** Built admin to serve at `/`, when present. */
  adminDist?: string;
  plugins?: ApolloServerPlugin<Context>[];
  /** "Now" for date-dependent rules; real time unless a test fixes it. */
  clock?: Clock;
  /** The server to attach to; `stop()` then drains its in-flight requests before returning. */
  httpServer?: http.Server;
  shutdownGraceMs?: number;
  /** Depth and cost limits per operation; the defaults unless configured. */
  queryLimits?: QueryLimits;
  /** Where the table cache listens for changes, when not DATABASE_URL (see TableCache.open). */
  listenUrl?: string | null;
  /** Signs and checks bearer tokens; without one, a random key valid for this process only. */
  tokens?: TokenService;
  /** Proxies in front of the server whose X-Forwarded-For is believed (TRUST_PROXY); 0: none. */
  trustedProxies?: number;
  /** Production hides schema details ("Did you mean …") from every client, not only anonymous ones. */
  production?: boolean;
  /** Standard programme lengths replacing the built-in ones (PROGRAM_DURATIONS). */
  programDurations?: DurationOverrides;
  /** Days before each deadline a reminder appears (ALERT_REMINDER_DAYS). */
  alertReminderDays?: readonly number[];
}

export interface App {
  /** Answers every HTTP request: hand it to `http.createServer`. */
  handle: http.RequestListener;
  apollo: ApolloServer<Context>;
  stop(): Promise<void>;
}

const json = (res: http.ServerResponse, status: number, body: unknown) => {
  const text = JSON.stringify(body);
  res
    .writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(text)),
      'x-content-type-options': 'nosniff',
    })
    .end(text);
};

const notFound = () => new AppError({ code: 'NOT_FOUND', zh: '没有这个地址', en: 'no such path', details: { http: { status: 404 } } });

export async function createApp({
  orm,
  adminDist,
  plugins = [],
  clock = systemClock,
  httpServer,
  shutdownGraceMs = 10000,
  queryLimits = DEFAULT_QUERY_LIMITS,
  listenUrl,
  tokens = new TokenService(randomBytes(32).toString('hex'), 8 * 3600),
  trustedProxies = 0,
  production = false,
  programDurations = {},
  alertReminderDays = DEFAULT_REMINDER_DAYS,
}: AppOptions): Promise<App> {
  useDurationOverrides(programDurations);
  useReminderDays(alertReminderDays);
  const drain = httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: shutdownGraceMs })] : [];
  const apollo = new ApolloServer<Context>({
    gateway: compiledExecution(await createSchema()),
    documentStore: new RememberedDocuments(),
    introspection: true,
    // main.ts drains and closes the database on SIGTERM itself; Apollo's own handler would race it and hang.
    stopOnTerminationSignals: false,
    formatError,
    // No cache hints are used; the cache-control plugin would still wrap every field's resolver.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      inlineTraceOnRequest(ApolloServerPluginInlineTrace()),
      ApolloServerPluginCacheControlDisabled(),
      requestPlugin({ production, queryLimits }),
      ...drain,
      ...plugins,
    ],
  });
  await apollo.start();
  const cache = await TableCache.open(orm, listenUrl);
  const site = adminDist ? loadStaticSite(adminDist) : null;
  const graphql = graphqlHandler({
    apollo,
    // the global EntityManager is never inside a transaction: the account is read by the prepared statement
    authenticate: (authorization) => actorFor((id) => readAccount(orm.em, id), cache, tokens, authorization),
    context: (req, actor) => createContext(orm, actor, clock, tokens, cache, clientAddress(req, trustedProxies)),
  });

  const route = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = req.url ?? '/';
    const queryAt = url.indexOf('?');
    const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
    if (pathname === '/graphql') return graphql(req, res, queryAt === -1 ? '' : url.slice(queryAt));
    if (pathname === '/health') return json(res, 200, { status: 'ok' });
    if (pathname === '/ready') {
      try {
        await orm.em.fork().getConnection().execute('select 1');
        return json(res, 200, { status: 'ready' });
      } catch {
        return json(res, 503, { status: 'database unavailable' });
      }
    }
    const readable = req.method === 'GET' || req.method === 'HEAD';
    // Any other path is a page of the admin's own router: index.html answers it.
    if (site && readable && ((await site.serve(pathname, req, res)) || (!pathname.startsWith('/graphql') && (await site.serve('/', req, res))))) return;
    sendError(res, notFound());
  };
  const handle: http.RequestListener = (req, res) => {
    route(req, res).catch((error: unknown) => {
      console.error(error);
      if (res.headersSent) res.destroy();
      else json(res, 500, { errors: [{ message: '服务器内部错误 (Internal server error)', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    });
  };
  httpServer?.on('request', handle);
  const stop = async () => {
    await apollo.stop();
    await cache.close();
  };
  return { handle, apollo, stop };
}
