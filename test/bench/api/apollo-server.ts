import http from 'node:http';
import express from 'express';
import pg from 'pg';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { RECORD_SQL } from './comparison-sql.js';

/**
 * Apollo Server 5 alone, for the record by id: one resolver running the joined SQL as a named prepared
 * statement, Apollo's cache-control plugin off (as in ours), nothing of the product (no authentication,
 * ORM, limits or compiled execution). `APOLLO_TRANSPORT=http` serves it through node:http and
 * `executeHTTPGraphQLRequest` (as ours and Apollo's own `startStandaloneServer` do), `express` through
 * Express 5 and `@as-integrations/express5` (what ours used before).
 */
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_MAX ?? 10) });

const typeDefs = `#graphql
  type City { id: ID! code: String! nameZh: String! }
  type School { id: ID! name: String! type: String! provincial: Boolean! city: City! }
  type Query { School(id: ID!): School }
`;

const resolvers = {
  Query: {
    async School(_: unknown, { id }: { id: string }) {
      const { rows } = await pool.query({ name: 'record', text: RECORD_SQL, values: [Number(id)] });
      const r = rows[0];
      return r ? { id: r.id, name: r.name, type: r.type, provincial: r.provincial, city: { id: r.city_id, code: r.code, nameZh: r.name_zh } } : null;
    },
  },
};

const apollo = new ApolloServer({ typeDefs, resolvers, plugins: [ApolloServerPluginCacheControlDisabled()] });
await apollo.start();

function overNodeHttp(): http.Server {
  return http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
      const [, search = ''] = (req.url ?? '').split('?');
      const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
      apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: { method: req.method!, headers, search, body }, context: async () => ({}) }).then(
        (response) => {
          res.writeHead(response.status ?? 200, Object.fromEntries(response.headers));
          res.end(response.body.kind === 'complete' ? response.body.string : '');
        },
        (error: Error) => res.writeHead(500).end(error.message),
      );
    });
  });
}

function overExpress(): http.Server {
  const app = express();
  app.use('/graphql', express.json(), expressMiddleware(apollo));
  return http.createServer(app);
}

const server = process.env.APOLLO_TRANSPORT === 'express' ? overExpress() : overNodeHttp();
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
