import http from 'node:http';
import { postgraphile } from 'postgraphile';

/**
 * PostGraphile 4 as its documentation sets it up for production, on the benchmark's PostgreSQL
 * database: the public schema (tables and the `campaign_progress()` function) inferred at start.
 * With `JWT_SECRET` set, its JWT option is on: a request's bearer token is verified and its claims
 * set with `set_config` in a transaction around the request, PostGraphile's way of authenticating.
 */
const middleware = postgraphile(process.env.DATABASE_URL, 'public', {
  disableQueryLog: true,
  retryOnInitFail: false,
  watchPg: false,
  graphiql: false,
  enableQueryBatching: false,
  ignoreRBAC: false,
  setofFunctionsContainNulls: false,
  legacyRelations: 'omit',
  extendedErrors: ['errcode'],
  ...(process.env.JWT_SECRET ? { jwtSecret: process.env.JWT_SECRET } : {}),
});
const server = http.createServer(middleware);
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
