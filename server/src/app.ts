import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import express from 'express';
import cors from 'cors';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginInlineTrace } from '@apollo/server/plugin/inlineTrace';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/core';
import { createContext, type Context } from './context.js';
import { createSchema } from './schema.js';
import { compiledExecution } from './compiled-execution.js';
import { formatError } from './common/format-error.js';
import { DEFAULT_QUERY_LIMITS, queryLimitsPlugin, type QueryLimits } from './query-limits.js';
import { systemClock, type Clock } from './common/clock.js';
import { TokenService } from './auth/tokens.js';
import { authenticate, requireSignIn } from './auth/authenticate.js';
import { TableCache } from './common/table-cache.js';

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
}

export interface App {
  express: express.Express;
  apollo: ApolloServer<Context>;
  stop(): Promise<void>;
}

export async function createApp({ orm, adminDist, plugins = [], clock = systemClock, httpServer, shutdownGraceMs = 10000, queryLimits = DEFAULT_QUERY_LIMITS, listenUrl, tokens = new TokenService(randomBytes(32).toString('hex'), 8 * 3600) }: AppOptions): Promise<App> {
  const drain = httpServer ? [ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: shutdownGraceMs })] : [];
  const apollo = new ApolloServer<Context>({
    gateway: compiledExecution(await createSchema()),
    introspection: true,
    // main.ts drains and closes the database on SIGTERM itself; Apollo's own handler would race it and hang.
    stopOnTerminationSignals: false,
    formatError,
    // No cache hints are used; the cache-control plugin would still wrap every field's resolver.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTrace(), ApolloServerPluginCacheControlDisabled(), requireSignIn as ApolloServerPlugin<Context>, queryLimitsPlugin<Context>(queryLimits), ...drain, ...plugins],
  });
  await apollo.start();
  const cache = await TableCache.open(orm, listenUrl);

  const app = express();
  app.disable('x-powered-by');
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    try {
      await orm.em.fork().getConnection().execute('select 1');
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'database unavailable' });
    }
  });
  app.use(
    '/graphql',
    cors(),
    express.json({ limit: '20mb' }),
    authenticate(orm, cache, tokens),
    expressMiddleware(apollo, { context: async () => createContext(orm, clock, tokens, cache) }),
  );
  const explorer = adminDist ? path.join(adminDist, 'graphiql.html') : null;
  if (explorer && fs.existsSync(explorer)) app.get('/graphiql', (_req, res) => res.sendFile(explorer));
  if (adminDist && fs.existsSync(path.join(adminDist, 'index.html'))) {
    app.use(express.static(adminDist, { index: 'index.html', maxAge: '1h' }));
    app.get(/^\/(?!graphql).*/, (_req, res) => res.sendFile(path.join(adminDist, 'index.html')));
  }
  httpServer?.on('request', app);
  const stop = async () => {
    await apollo.stop();
    await cache.close();
  };
  return { express: app, apollo, stop };
}
