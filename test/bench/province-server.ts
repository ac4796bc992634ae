import 'reflect-metadata';
import { openOrm, migrate, closeOrm } from '../../server/src/orm.js';
import { seedReference } from '../../server/src/seeders/reference.js';
import { City } from '../../server/src/modules/city/city.entity.js';
import { Major } from '../../server/src/modules/major/major.entity.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { FULL_SIZE, generateProvince, type BenchSize } from './generate.js';
import { bulkLoad } from './load.js';

/** The generated province (at the given size) in a new SQLite file: reference data, schools, programs, plan lines, intakes. */
export async function loadProvince(file: string, size: BenchSize = FULL_SIZE): Promise<void> {
  const orm = await openOrm({ databaseUrl: `sqlite:${file}` });
  try {
    await migrate(orm);
    await orm.em.fork().transactional((em) => seedReference(em));
    const em = orm.em.fork();
    const ids = { city: new Map((await em.find(City, {})).map((c) => [c.code, c.id])), major: new Map((await em.find(Major, {})).map((m) => [m.code, m.id])) };
    await bulkLoad(orm, generateProvince(ids, size));
  } finally {
    await closeOrm(orm);
  }
}

/** The real server (as `npm start` runs it, serving the built admin) over a SQLite file, with a province admin of the given name. */
export const startProvinceServer = (file: string, admin: { username: string; password: string }): Promise<ServerProcess> =>
  startServerProcess(`sqlite:${file}`, { NODE_ENV: 'test', ADMIN_USERNAME: admin.username, ADMIN_PASSWORD: admin.password }, { readyWithinMs: 600000 });
