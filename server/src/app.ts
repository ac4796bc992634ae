import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import cors from 'cors';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/core';
import { createContext, type Context } from './context.js';
import { createSchema } from './schema.js';
import { formatError } from './common/format-error.js';

export interface AppOptions {
  orm: MikroORM;
  /** Built admin to serve at `/`, when present. */
  adminDist?: string;
  plugins?: ApolloServerPlugin<Context>[];
}

export interface App {
  express: express.Express;
  apollo: ApolloServer<Context>;
  stop(): Promise<void>;
}

export async function createApp({ orm, adminDist, plugins = [] }: AppOptions): Promise<App> {
  const apollo = new ApolloServer<Context>({
    schema: await createSchema(),
    introspection: true,
    formatError,
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled(), ...plugins],
  });
  await apollo.start();

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
    expressMiddleware(apollo, { context: async () => createContext(orm) }),
  );
  if (adminDist && fs.existsSync(path.join(adminDist, 'index.html'))) {
    app.use(express.static(adminDist, { index: 'index.html', maxAge: '1h' }));
    app.get(/^\/(?!graphql).*/, (_req, res) => res.sendFile(path.join(adminDist, 'index.html')));
  }
  return { express: app, apollo, stop: () => apollo.stop() };
}
