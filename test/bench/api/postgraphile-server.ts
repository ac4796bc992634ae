import http from 'node:http';
import { postgraphile } from 'postgraphile';

/**
 * PostGraphile 4 as its documentation sets it up for production, on the benchmark's PostgreSQL
 * database: the public schema (tables and the `campaign_progress()` function) inferred at start.
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
});
const server = http.createServer(middleware);
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
