import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ANALYST_QUESTIONS } from '../../admin/src/graphiql/analyst-questions.js';
import { createTestApp, type Client, type TestApp } from '../helpers/test-app.js';
import { cityId, createIntake } from '../helpers/fixtures.js';
import { createUser } from '../helpers/users.js';
import { buildDataset, clockAfterRegistration, type Built } from './analytics-dataset.js';

/**
 * `aggregateIntakes` reads `intake_tally` when a question needs only what it holds, and `intake`
 * otherwise. Either way the groups must be those of SQL written here over the intake rows, and the
 * same question asked so that it must read the intakes (with `min` too) must give the same groups.
 */
let t: TestApp;
let built: Built;

beforeAll(async () => {
  t = await createTestApp({ clock: clockAfterRegistration() });
  built = await buildDataset(t);
  // More than one intake in some subtotals (the data set has one each), and a roster intake: a second
  // source. ROSTER is the students' roll-up; set in the database, as the demo turns typed counts into rosters.
  const planOf = async (count: number) => (await t.ok(`{ allIntakes(where: { count: { eq: ${count} } }) { plan { id } } }`)).allIntakes[0].plan.id;
  const a1 = await planOf(30);
  const b1 = await planOf(50);
  await createIntake(t, { planId: a1, count: 7, targetGroup: 'JUNIOR_HIGH_GRADUATE', originCode: '330100', registeredOn: '2025-09-08' });
  await createIntake(t, { planId: a1, count: 4, targetGroup: 'JUNIOR_HIGH_GRADUATE', originCode: '330100', registeredOn: '2025-09-09' });
  await createIntake(t, { planId: b1, count: 3, targetGroup: 'JUNIOR_HIGH_GRADUATE', originCode: '330200', registeredOn: '2025-09-09' });
  await t.orm.em.fork().getConnection().execute(`update intake set source = 'ROSTER' where count = 4`);
});
afterAll(async () => {
  await t.close();
});

const FROM = `from intake i
  join enrollment_plan p on p.id = i.plan_id
  join program pr on pr.id = p.program_id
  join major m on m.id = pr.major_id
  join school s on s.id = p.school_id
  join city c on c.id = s.city_id`;

/** The table the grouped statement of the last request read. */
function tableRead(): 'intake_tally' | 'intake' {
  const grouped = t.queries.filter((sql) => /group by|count\(\*\)|sum\(/i.test(sql) && /from [`"]intake/i.test(sql));
  expect(grouped).toHaveLength(1);
  return /from [`"]intake_tally[`"]/.test(grouped[0]!) ? 'intake_tally' : 'intake';
}

type Flat = Array<string | number | null>;

/** A group as one array: its keys in the order selected (a record as its id, booleans as 0/1), then its measures. */
function flatGroup(group: Record<string, any>): Flat {
  const key = Object.values(group.key ?? {}).map((v: any) =>
    v === null ? null : typeof v === 'object' ? Number(v.id) : typeof v === 'boolean' ? Number(v) : v,
  );
  return [...key, group.count, group.sum?.count ?? null, group.avg?.count ?? null];
}

/** A row of the SQL: k0…kn, then n, s, a. */
function flatRow(row: Record<string, any>): Flat {
  const keys = Object.keys(row)
    .filter((k) => /^k\d$/.test(k))
    .sort()
    .map((k) =>
      row[k] === null ? null : typeof row[k] === 'boolean' ? Number(row[k]) : /^k\d$/.test(k) && typeof row[k] === 'string' ? row[k] : Number(row[k]),
    );
  return [...keys, Number(row.n), row.s === null ? null : Number(row.s), row.a === null ? null : Number(row.a)];
}

async function sqlGroups(sql: string, params: unknown[] = []): Promise<Flat[]> {
  const rows = await t.orm.em.fork().getConnection().execute(sql, params);
  return (rows as Record<string, any>[]).map(flatRow);
}

interface Shape {
  name: string;
  /** The arguments of aggregateIntakes. */
  args: string;
  /** The key fields selected, in the SQL's k0…kn order. */
  keys: string;
  sql: string;
  params?: unknown[];
}

const MEASURES = 'count sum { count } avg { count }';

/** Asks the shape as it is, then with `min` too (which only the intake rows hold); returns both answers and the tables read. */
async function ask(client: Client | TestApp, shape: Shape): Promise<{ tally: Flat[]; rows: Flat[]; tables: string[] }> {
  t.resetQueryLog();
  const first = await client.ok(`{ aggregateIntakes(${shape.args}) { key { ${shape.keys} } ${MEASURES} } }`);
  const firstTable = tableRead();
  t.resetQueryLog();
  const second = await client.ok(`{ aggregateIntakes(${shape.args}) { key { ${shape.keys} } ${MEASURES} min { count } } }`);
  const secondTable = tableRead();
  return { tally: first.aggregateIntakes.map(flatGroup), rows: second.aggregateIntakes.map(flatGroup), tables: [firstTable, secondTable] };
}

const SHAPES: Shape[] = [
  {
    name: 'by target group',
    args: 'groupBy: [TARGET_GROUP]',
    keys: 'targetGroup',
    sql: `select i.target_group as k0, count(*) as n, sum(i.count) as s, avg(i.count) as a ${FROM} group by i.target_group order by i.target_group`,
  },
  {
    name: 'by origin and source',
    args: 'groupBy: [ORIGIN_CODE, SOURCE]',
    keys: 'originCode source',
    sql: `select i.origin_code as k0, i.source as k1, count(*) as n, sum(i.count) as s, avg(i.count) as a ${FROM}
      group by i.origin_code, i.source order by i.origin_code, i.source`,
  },
  {
    name: 'by plan line (a reference key)',
    args: 'groupBy: [PLAN]',
    keys: 'plan { id }',
    sql: `select i.plan_id as k0, count(*) as n, sum(i.count) as s, avg(i.count) as a ${FROM} group by i.plan_id order by i.plan_id`,
  },
  {
    name: 'by year, city and level of counted programmes (paths through the plan line)',
    args: 'where: { plan: { program: { studyMode: { ne: SKILLS_TRAINING } } } }, groupBy: [PLAN_YEAR, PLAN_SCHOOL_CITY_CODE, PLAN_PROGRAM_LEVEL]',
    keys: 'planYear planSchoolCityCode planProgramLevel',
    sql: `select p.year as k0, c.code as k1, pr.level as k2, count(*) as n, sum(i.count) as s, avg(i.count) as a ${FROM}
      where pr.study_mode <> 'SKILLS_TRAINING' group by p.year, c.code, pr.level order by p.year, c.code, pr.level`,
  },
  {
    name: 'by major category and provincial school, one year',
    args: 'where: { plan: { year: { eq: 2025 } } }, groupBy: [PLAN_PROGRAM_MAJOR_CATEGORY, PLAN_SCHOOL_PROVINCIAL, PLAN_SCHOOL]',
    keys: 'planProgramMajorCategory planSchoolProvincial planSchool { id }',
    sql: `select m.category as k0, s.provincial as k1, s.id as k2, count(*) as n, sum(i.count) as s, avg(i.count) as a ${FROM}
      where p.year = 2025 group by m.category, s.provincial, s.id order by m.category, s.provincial, s.id`,
  },
  {
    name: "react-admin's filter: a field, a path filter and the search",
    args: 'filter: { targetGroup: JUNIOR_HIGH_GRADUATE, year: 2025, q: "分析测试" }, groupBy: [PLAN_SCHOOL_CITY]',
    keys: 'planSchoolCity { id }',
    sql: `select c.id as k0, count(*) as n, sum(i.count) as s, avg(i.count) as a ${FROM}
      where i.target_group = 'JUNIOR_HIGH_GRADUATE' and p.year = 2025 and s.name like '%分析测试%' group by c.id order by c.id`,
  },
  {
    name: 'or, not, startsWith and in on tally keys',
    args: `where: { or: [{ not: { originCode: { startsWith: "33" } } }, { source: { eq: ROSTER } }, { targetGroup: { in: [UNEMPLOYED, ENTERPRISE_EMPLOYEE] } }] }
      groupBy: [PLAN_SCHOOL_CITY_CODE, SOURCE]`,
    keys: 'planSchoolCityCode source',
    sql: `select c.code as k0, i.source as k1, count(*) as n, sum(i.count) as s, avg(i.count) as a ${FROM}
      where not (i.origin_code like '33%') or i.source = 'ROSTER' or i.target_group in ('UNEMPLOYED', 'ENTERPRISE_EMPLOYEE')
      group by c.code, i.source order by c.code, i.source`,
  },
  {
    name: 'having on rows, sum and avg, ordered by a measure, limited',
    args: `groupBy: [PLAN_SCHOOL_CITY_CODE, TARGET_GROUP], having: { count: { gte: 1 }, sum: { count: { gte: 10 } }, avg: { count: { lt: 40 } } }
      orderBy: [{ field: SUM_COUNT, direction: DESC }], limit: 3`,
    keys: 'planSchoolCityCode targetGroup',
    sql: `select c.code as k0, i.target_group as k1, count(*) as n, sum(i.count) as s, avg(i.count) as a ${FROM}
      group by c.code, i.target_group having count(*) >= 1 and sum(i.count) >= 10 and avg(i.count) < 40
      order by sum(i.count) desc, c.code, i.target_group limit 3`,
  },
  {
    name: 'ordered by rows and by the mean',
    args: 'groupBy: [PLAN], orderBy: [{ field: ROWS, direction: DESC }, { field: AVG_COUNT }]',
    keys: 'plan { id }',
    sql: `select i.plan_id as k0, count(*) as n, sum(i.count) as s, avg(i.count) as a ${FROM}
      group by i.plan_id order by count(*) desc, avg(i.count), i.plan_id`,
  },
  {
    name: 'no groups: every row',
    args: 'where: { plan: { season: { eq: AUTUMN } } }',
    keys: 'planYear',
    sql: `select count(*) as n, sum(i.count) as s, avg(i.count) as a ${FROM} where p.season = 'AUTUMN'`,
  },
  {
    name: 'no rows at all',
    args: 'where: { targetGroup: { in: [] } }',
    keys: 'planYear',
    sql: `select count(*) as n, sum(i.count) as s, avg(i.count) as a ${FROM} where 1 = 0`,
  },
];

describe('questions the subtotals hold are read from them, with the groups of the intake rows', () => {
  for (const shape of SHAPES) {
    test(shape.name, async () => {
      const { tally, rows, tables } = await ask(t, shape);
      expect(tables).toEqual(['intake_tally', 'intake']);
      const expected = await sqlGroups(shape.sql, shape.params);
      expect(expected.length).toBeGreaterThan(0);
      // a group without keys has a null for the one key selected (planYear)
      const noKeys = !shape.args.includes('groupBy');
      expect(noKeys ? tally.map((g) => g.slice(1)) : tally).toEqual(expected);
      expect(rows).toEqual(tally);
    });
  }

  test('each role reads only its own groups from the subtotals', async () => {
    const hangzhou = await cityId(t, '330100');
    const cityAdmin = await t.as(await createUser(t, { username: 'tally-city', role: 'CITY_ADMIN', cityId: hangzhou }));
    const staff = await t.as(await createUser(t, { username: 'tally-school', role: 'SCHOOL_STAFF', schoolId: built.schoolIds.B }));
    const analyst = await t.as(await createUser(t, { username: 'tally-analyst', role: 'ANALYST' }));
    const shape = (where: string): Shape => ({
      name: 'by school and target group',
      args: 'groupBy: [PLAN_SCHOOL, TARGET_GROUP]',
      keys: 'planSchool { id } targetGroup',
      sql: `select s.id as k0, i.target_group as k1, count(*) as n, sum(i.count) as s, avg(i.count) as a ${FROM}
        where ${where} group by s.id, i.target_group order by s.id, i.target_group`,
    });
    const cases: Array<[Client, Shape]> = [
      [cityAdmin, shape(`c.code = '330100'`)],
      [staff, shape(`s.id = ${Number(built.schoolIds.B)}`)],
      [analyst, shape('1 = 1')],
    ];
    for (const [client, question] of cases) {
      const { tally, rows, tables } = await ask(client, question);
      expect(tables).toEqual(['intake_tally', 'intake']);
      expect(tally).toEqual(await sqlGroups(question.sql));
      expect(rows).toEqual(tally);
    }
    // the city admin's groups are not the province's
    expect((await ask(cityAdmin, shape('1 = 1'))).tally).not.toEqual(await sqlGroups(shape('1 = 1').sql));
  });

  test('every intake question the explorer offers is read from the subtotals', async () => {
    const intakeQuestions = ANALYST_QUESTIONS.filter(({ query }) => query.includes('aggregateIntakes('));
    expect(intakeQuestions.length).toBeGreaterThanOrEqual(6);
    for (const { query } of intakeQuestions) {
      t.resetQueryLog();
      await t.ok(query);
      expect(tableRead(), query.split('\n')[0]).toBe('intake_tally');
    }
  });
});

describe('questions needing what only the intake rows hold read them', () => {
  const cases: Array<[string, string, string]> = [
    [
      'a filter on the registration date',
      `where: { registeredOn: { gte: "2025-09-05" } }, groupBy: [TARGET_GROUP]`,
      `where i.registered_on >= '2025-09-05' group by i.target_group order by i.target_group`,
    ],
    ['a filter on the count', `where: { count: { gt: 8 } }, groupBy: [TARGET_GROUP]`, `where i.count > 8 group by i.target_group order by i.target_group`],
    ['the ids of react-admin', `filter: { ids: [] }, groupBy: [TARGET_GROUP]`, `where 1 = 0 group by i.target_group order by i.target_group`],
    [
      'a group by the registration date',
      `groupBy: [REGISTERED_ON], having: { sum: { count: { gte: 10 } } }`,
      `group by i.registered_on having sum(i.count) >= 10 order by i.registered_on`,
    ],
  ];
  for (const [name, args, sqlTail] of cases) {
    test(name, async () => {
      const keyExpr = args.includes('REGISTERED_ON') ? 'i.registered_on' : 'i.target_group';
      const keys = args.includes('REGISTERED_ON') ? 'registeredOn' : 'targetGroup';
      t.resetQueryLog();
      const { aggregateIntakes } = await t.ok(`{ aggregateIntakes(${args}) { key { ${keys} } ${MEASURES} } }`);
      expect(tableRead()).toBe('intake');
      const keyCast = keys === 'registeredOn' && !/^sqlite/.test(t.databaseUrl) ? `to_char(${keyExpr}, 'YYYY-MM-DD')` : keyExpr;
      expect(aggregateIntakes.map(flatGroup)).toEqual(
        await sqlGroups(`select ${keyCast} as k0, count(*) as n, sum(i.count) as s, avg(i.count) as a ${FROM} ${sqlTail}`),
      );
    });
  }

  test('min and max, in the selection, in having or in the order', async () => {
    for (const args of ['groupBy: [TARGET_GROUP], having: { max: { count: { gte: 10 } } }', 'groupBy: [TARGET_GROUP], orderBy: [{ field: MIN_COUNT }]']) {
      t.resetQueryLog();
      const { aggregateIntakes } = await t.ok(`{ aggregateIntakes(${args}) { key { targetGroup } count sum { count } } }`);
      expect(tableRead(), args).toBe('intake');
      const sql = args.includes('having')
        ? `select i.target_group as k0, count(*) as n, sum(i.count) as s, null as a ${FROM} group by i.target_group having max(i.count) >= 10 order by i.target_group`
        : `select i.target_group as k0, count(*) as n, sum(i.count) as s, null as a ${FROM} group by i.target_group order by min(i.count), i.target_group`;
      expect(aggregateIntakes.map(flatGroup)).toEqual(await sqlGroups(sql));
    }
  });
});
