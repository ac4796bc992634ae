import http from 'node:http';
import express from 'express';
import pg from 'pg';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { RECORD_SQL } from './comparison-sql.js';

/**
 * The ceiling of the stack the product is specified on, for the record by id: Express 5 and Apollo
 * Server 5 (the versions ours runs) with one resolver that runs the joined SQL by hand. None of the
 * product is in it: no authentication, no ORM, no limits, no compiled execution.
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
      const { rows } = await pool.query(RECORD_SQL, [Number(id)]);
      const r = rows[0];
      return r ? { id: r.id, name: r.name, type: r.type, provincial: r.provincial, city: { id: r.city_id, code: r.code, nameZh: r.name_zh } } : null;
    },
  },
};

const apollo = new ApolloServer({ typeDefs, resolvers });
await apollo.start();
const app = express();
app.use('/graphql', express.json(), expressMiddleware(apollo));
const server = http.createServer(app);
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
