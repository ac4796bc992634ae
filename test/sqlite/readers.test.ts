import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { sqliteReadersOf, type SqliteReaders } from '../../server/src/read/sqlite-readers.js';
import { closeOrm, openOrm } from '../../server/src/orm.js';
import { cityRanking } from '../../server/src/modules/analytics/city-ranking.service.js';
import { campaignProgress } from '../../server/src/modules/analytics/campaign-progress.service.js';
import { loadCities } from '../../server/src/modules/analytics/analytics.scope.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { cloneTemplate } from '../helpers/databases.js';
import { createIntake } from '../helpers/fixtures.js';
import { buildDataset, clockAfterRegistration, SCHOOLS, type Built } from '../api/analytics-dataset.js';

/**
 * The analyst statements on a SQLite file run in reader threads (read/sqlite-readers.ts) on their
 * own read-only connections, with the file in WAL mode. `readers` has two threads; `inline` serves the
 * same file with none, so both answer from the same data.
 */
describe('SQLite reader threads', () => {
  let readers: TestApp;
  let inline: TestApp;
  let built: Built;
  let pool: SqliteReaders;

  beforeAll(async () => {
    readers = await createTestApp({ clock: clockAfterRegistration(), sqliteReaders: 2 });
    built = await buildDataset(readers);
    inline = await createTestApp({ clock: clockAfterRegistration(), sqliteReaders: 0, sharing: readers });
    pool = sqliteReadersOf(readers.orm)!;
  });
  afterAll(async () => {
    await inline?.close();
    await readers?.close();
  });

  const PROGRESS = `query($year: Int, $cityCode: String) {
    campaignProgress(year: $year, cityCode: $cityCode) {
      rows { year cityCode cityName target planned enrolled registered completionRate gap }
      cumulative { cityCode target enrolled completionRate }
    }
  }`;
  const LEVEL_MIX = `query($year: Int, $cityCode: String, $schoolId: ID) {
    levelMix(year: $year, cityCode: $cityCode, schoolId: $schoolId) { year cityCode cityName schoolId schoolName enrolled intermediate advanced preparatoryTechnician advancedShare previousAdvancedShare falling }
  }`;
  const SOURCE_MIX = `query($year: Int, $cityCode: String) {
    sourceMix(year: $year, cityCode: $cityCode) { year cityCode cityName enrolled skillsTraining outOfProvince outOfProvinceShare byTargetGroup { targetGroup students } byStudyMode { studyMode students countsTowardTarget } byOrigin { origin provinceCode provinceName students } }
  }`;
  const RANKING = `query($year: Int) { cityRanking(year: $year) { rank year cityCode cityName target enrolled completionRate advancedShare } }`;
  const PARTNERSHIPS = `query($year: Int, $cityCode: String) {
    partnershipStats(year: $year, cityCode: $cityCode) { year cityCode byCity { cityCode cityName kind partnerships classes seats enrolled } byIndustry { industry kind partnerships classes seats enrolled } byPartnerProvince { provinceCode provinceName agreements seats students } }
  }`;

  const asked = (): Array<[string, Record<string, unknown>]> => [
    [PROGRESS, {}],
    [PROGRESS, { year: 2025 }],
    [PROGRESS, { year: 2025, cityCode: '330100' }],
    [PROGRESS, { cityCode: '330000' }],
    [LEVEL_MIX, {}],
    [LEVEL_MIX, { year: 2025, cityCode: '330200' }],
    [LEVEL_MIX, { year: 2025, schoolId: built.schoolIds.A }],
    [SOURCE_MIX, {}],
    [SOURCE_MIX, { year: 2025, cityCode: '330300' }],
    [RANKING, {}],
    [RANKING, { year: 2025 }],
    [PARTNERSHIPS, {}],
    [PARTNERSHIPS, { year: 2025, cityCode: '330100' }],
  ];

  /** Logged SELECTs without their timings. */
  const statements = (app: TestApp) => app.selects().map((line) => line.replace(/ \[took .*$/, ''));

  const hangzhou2025 = async (app: TestApp) => {
    const { campaignProgress } = await app.ok(PROGRESS, { year: 2025, cityCode: '330100' });
    return campaignProgress.rows.find((r: { cityCode: string }) => r.cityCode === '330100');
  };

  test('every analyst query answers the same through the reader threads as on the main connection, and logs the same statements', async () => {
    for (const [query, variables] of asked()) {
      readers.resetQueryLog();
      inline.resetQueryLog();
      const before = pool.statementsRun;
      const threaded = await readers.ok(query, variables);
      expect(pool.statementsRun).toBeGreaterThan(before);
      expect(threaded).toEqual(await inline.ok(query, variables));
      // Statements that run side by side are logged as they finish: compare them in any order.
      expect(statements(readers).sort()).toEqual(statements(inline).sort());
    }
    // The data set is really there: Hangzhou's 2025 intermediate and advanced students (not SKILLS_TRAINING).
    expect(await hangzhou2025(readers)).toMatchObject({ planned: 80, enrolled: 50 });
    // Each aggregate statement is logged once, with its text, like every other statement.
    readers.resetQueryLog();
    await readers.ok(RANKING, {});
    expect(readers.selects().filter((sql) => sql.includes('campaign_target'))).toHaveLength(1);
    expect(inline.orm).not.toBe(readers.orm);
    expect(sqliteReadersOf(inline.orm)).toBeNull();
  });

  /** The Hangzhou college's 2025 intermediate plan line (50 seats, 38 students in the data set). */
  const hangzhouPlanId = async (): Promise<string> => {
    const [plan] = await readers.orm.em
      .fork()
      .getConnection()
      .execute(
        `select p.id from enrollment_plan p join program pr on pr.id = p.program_id join school s on s.id = p.school_id
       where s.name = ? and pr.level = 'INTERMEDIATE' and p.year = 2025`,
        [SCHOOLS.A.name],
      );
    return String(plan.id);
  };

  test('a read right after a committed write sees the write', async () => {
    const before = await hangzhou2025(readers);
    await createIntake(readers, { planId: await hangzhouPlanId(), count: 7, originCode: '330100', registeredOn: '2025-09-08' });
    expect(await hangzhou2025(readers)).toMatchObject({ enrolled: before.enrolled + 7, registered: before.registered + 7 });
    expect(await hangzhou2025(inline)).toEqual(await hangzhou2025(readers));
  });

  test('a long read in a reader thread does not hold up a write, which commits while the read runs', async () => {
    await pool.all('select 1', []);
    const finished: string[] = [];
    // Counts to twenty million (seconds of work) while holding a read transaction on the file.
    const read = pool
      .all(
        'with recursive c(x) as (select 1 union all select x + 1 from c where x < 20000000) select count(*) as n, (select count(*) from city) as cities from c',
        [],
      )
      .then((rows) => {
        finished.push('read');
        return rows;
      });
    // Give the thread a moment to begin (a worker answers a message within microseconds when idle).
    await new Promise((resolve) => setTimeout(resolve, 100));
    const before = await hangzhou2025(readers);
    await createIntake(readers, { planId: await hangzhouPlanId(), count: 1, originCode: '330100', registeredOn: '2025-09-09' });
    finished.push('write');
    // In rollback-journal mode the commit would wait for the read to end (or fail after busy_timeout).
    expect(await read).toEqual([{ n: 20000000, cities: 11 }]);
    expect(finished).toEqual(['write', 'read']);
    expect(await hangzhou2025(readers)).toMatchObject({ enrolled: before.enrolled + 1 });
  });

  test('a SQL error in a reader thread rejects with SQLite’s message, and the threads go on working', async () => {
    await expect(pool.all('select * from no_such_table', [])).rejects.toMatchObject({
      name: 'SqliteError',
      code: 'SQLITE_ERROR',
      message: 'no such table: no_such_table',
    });
    expect(await pool.all('select ? + 1 as two', [1])).toEqual([{ two: 2 }]);
  });

  test('a failing analyst statement rejects with SQLite’s message, gives the same internal error as without threads, and works again afterwards', async () => {
    const connection = readers.orm.em.fork().getConnection();
    const index = 'intake_plan_registered_on_count_index';
    const [{ sql }] = await connection.execute('select sql from sqlite_master where name = ?', [index]);
    const expected = await readers.ok(PROGRESS, { year: 2025 });
    try {
      await connection.execute(`drop index ${index}`);
      const em = readers.orm.em.fork();
      await expect(campaignProgress(em, await loadCities(em), { year: 2025 }, '2025-12-01')).rejects.toMatchObject({
        name: 'SqliteError',
        message: `no such index: ${index}`,
      });
      const threaded = await readers.gql(PROGRESS, { year: 2025 });
      expect(threaded.errors).toEqual([expect.objectContaining({ extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) } })]);
      expect(JSON.stringify(threaded)).not.toContain('no such index');
      // The same answer but for the request id each internal error carries.
      const withoutRequestIds = (answer: typeof threaded) =>
        JSON.parse(JSON.stringify(answer).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'ID'));
      expect(withoutRequestIds(await inline.gql(PROGRESS, { year: 2025 }))).toEqual(withoutRequestIds(threaded));
    } finally {
      await connection.execute(sql);
    }
    expect(await readers.ok(PROGRESS, { year: 2025 })).toEqual(expected);
  });

  test('closing the ORM ends the reader threads and leaves the file in WAL mode, checkpointed', async () => {
    const database = await cloneTemplate(inject('templateUrl'));
    const file = database.url.slice('sqlite:'.length);
    try {
      const orm = await openOrm({ databaseUrl: database.url, sqliteReaders: 2 });
      const ownPool = sqliteReadersOf(orm)!;
      const cities = await loadCities(orm.em.fork());
      await Promise.all([cityRanking(orm.em.fork(), cities, { year: null }), cityRanking(orm.em.fork(), cities, { year: 2025 })]);
      expect(ownPool.threads).toBe(2);
      expect(fs.existsSync(`${file}-wal`)).toBe(true);

      await closeOrm(orm);
      expect(ownPool.threads).toBe(0);
      expect(sqliteReadersOf(orm)).toBeNull();
      await expect(ownPool.all('select 1', [])).rejects.toThrow('closed');
      // The main connection closed last, so the WAL was checkpointed into the file and removed.
      expect(fs.existsSync(`${file}-wal`)).toBe(false);
      // Bytes 18 and 19 of the header are the file format's write and read versions: 2 is WAL.
      expect([...fs.readFileSync(file).subarray(18, 20)]).toEqual([2, 2]);
    } finally {
      await database.drop();
    }
  });
});
