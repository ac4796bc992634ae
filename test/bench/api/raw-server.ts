import http from 'node:http';
import pg from 'pg';
import { NESTED_SQL, PROGRESS_SQL, RECORD_SQL } from './comparison-sql.js';

/**
 * The raw limit: node:http and pg, the same SQL by hand as named prepared statements (parsed and
 * planned once per connection), rows shaped into the same JSON as the GraphQL answers and nothing
 * else (no parsing of queries, no authentication).
 */
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_MAX ?? 10) });
pg.types.setTypeParser(pg.types.builtins.INT8, Number);

type Row = Record<string, unknown>;

async function record(id: number) {
  const { rows } = await pool.query({ name: 'record', text: RECORD_SQL, values: [id] });
  const r = rows[0] as Row | undefined;
  return {
    school: r
      ? { id: String(r.id), name: r.name, type: r.type, provincial: r.provincial, city: { id: String(r.city_id), code: r.code, nameZh: r.name_zh } }
      : null,
  };
}

async function nested(year: number) {
  const { rows } = await pool.query({ name: 'nested', text: NESTED_SQL, values: [year] });
  const cities: Row[] = [];
  let city: { schools: Row[] } & Row = { schools: [] };
  let school: { plans: Row[] } & Row = { plans: [] };
  for (const r of rows as Row[]) {
    if (city.id !== String(r.city_id)) cities.push((city = { id: String(r.city_id), code: r.code, nameZh: r.name_zh, schools: [] }));
    if (r.school_id === null) continue;
    if (school.id !== String(r.school_id)) city.schools.push((school = { id: String(r.school_id), name: r.name, type: r.type, plans: [] }));
    if (r.plan_id !== null) school.plans.push({ id: String(r.plan_id), year: r.year, season: r.season, seats: r.seats, status: r.status });
  }
  return { cities };
}

async function progress() {
  const { rows } = await pool.query({ name: 'progress', text: PROGRESS_SQL });
  return {
    rows: (rows as Row[]).map((r) => ({
      year: r.year,
      cityCode: r.city_code,
      cityName: r.city_name,
      target: r.target,
      planned: r.planned,
      enrolled: r.enrolled,
      registered: r.registered,
      completionRate: r.completion_rate,
      gap: r.gap,
    })),
  };
}

async function answer(url: URL): Promise<unknown> {
  const byId = url.pathname.match(/^\/school\/(\d+)$/);
  if (byId) return record(Number(byId[1]));
  if (url.pathname === '/cities') return nested(Number(url.searchParams.get('year')));
  if (url.pathname === '/campaign-progress') return progress();
  return undefined;
}

const server = http.createServer((req, res) => {
  answer(new URL(req.url ?? '/', 'http://localhost')).then(
    (data) => {
      if (data === undefined) {
        res.writeHead(404).end();
        return;
      }
      const body = JSON.stringify({ data });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
    },
    (error: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(error.message),
  );
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('ready'));
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
