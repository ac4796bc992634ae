import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { inject } from 'vitest';
import type { MikroORM } from '@mikro-orm/core';
import { User } from '../../server/src/modules/user/user.entity.js';
import { closeOrm, openOrm } from '../../server/src/orm.js';
import { createApp, type App } from '../../server/src/app.js';
import { createHttpServer } from '../../server/src/http/http-server.js';
import type { Clock } from '../../server/src/common/clock.js';
import { TokenService } from '../../server/src/auth/tokens.js';
import { cloneTemplate } from './databases.js';
import { TEST_ADMIN_ID, TEST_JWT_SECRET } from './credentials.js';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions: Record<string, any> }>;
  /** response extensions (a gateway's `valueCompletion` problems, traces) */
  extensions?: Record<string, any>;
}

export interface TestApp {
  orm: MikroORM;
  app: App;
  url: string;
  databaseUrl: string;
  /** SQL statements run since the last `resetQueryLog()`. */
  queries: string[];
  resetQueryLog(): void;
  /** SELECT statements logged since the last reset, leaving out the per-request sign-in lookup of the user. */
  selects(): string[];
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** Like gql, but fails the test when the response has errors. */
  ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** The same calls as another user (by id), or anonymously with `null`; `t.gql` acts as the template's province admin. */
  as(userId: number | null): Promise<Client>;
  /** `Authorization` header of the province admin, for clients other than `gql` (gateways, audits, browsers). */
  adminHeaders: Record<string, string>;
  tokens: TokenService;
  close(): Promise<void>;
}

export interface Client {
  headers: Record<string, string>;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  ok<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

export interface TestAppOptions {
  clock?: Clock;
  /** SQLite reader threads for the analyst statements (default: as the server, one per core up to 4; 0: none). */
  sqliteReaders?: number;
  /** Serve another app's database instead of a fresh copy of the template (it stays when this app closes). */
  sharing?: TestApp;
  /** Behave as with NODE_ENV=production (see AppOptions). */
  production?: boolean;
  /** A built admin to serve at `/` (see AppOptions). */
  adminDist?: string;
  /** TRUST_PROXY (see AppOptions). */
  trustedProxies?: number;
}

/** The real server over HTTP on a loopback port, on a fresh copy of the migrated, reference-seeded database. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.sharing ? { url: options.sharing.databaseUrl, drop: async () => {} } : await cloneTemplate(inject('templateUrl'));
  const queries: string[] = [];
  const orm = await openOrm({ databaseUrl: database.url, onQuery: (sql) => queries.push(sql), sqliteReaders: options.sqliteReaders });
  const tokens = new TokenService(TEST_JWT_SECRET, 3600);
  const app = await createApp({
    orm,
    clock: options.clock,
    tokens,
    production: options.production,
    adminDist: options.adminDist,
    trustedProxies: options.trustedProxies,
  });
  const server = createHttpServer(app.handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;

  const headersFor = async (userId: number | null): Promise<Record<string, string>> => {
    if (userId === null) return {};
    const user = await orm.em.fork().findOneOrFail(User, userId);
    const { token } = await tokens.issue({ userId, tokenVersion: user.tokenVersion, role: user.role });
    return { authorization: `Bearer ${token}` };
  };
  const adminHeaders = await headersFor(TEST_ADMIN_ID);
  const send = async <T>(query: string, variables: Record<string, unknown> | undefined, headers: Record<string, string>) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  };
  const gql = <T>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = adminHeaders) => send<T>(query, variables, headers);
  const clientFor = (headers: Record<string, string>): Client => ({
    headers,
    gql: (query, variables) => send(query, variables, headers),
    async ok<T>(query: string, variables?: Record<string, unknown>) {
      const result = await send<T>(query, variables, headers);
      if (result.errors) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
      return result.data!;
    },
  });

  return {
    orm,
    app,
    url,
    databaseUrl: database.url,
    queries,
    resetQueryLog: () => void queries.splice(0),
    selects: () => queries.filter((sql) => /select/i.test(sql) && !/[`"]app_user[`"]/.test(sql)),
    gql,
    adminHeaders,
    tokens,
    as: async (userId) => clientFor(await headersFor(userId)),
    async ok<T>(query: string, variables?: Record<string, unknown>) {
      const result = await gql<T>(query, variables);
      if (result.errors) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
      return result.data!;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.stop();
      await closeOrm(orm);
      await database.drop();
    },
  };
}
