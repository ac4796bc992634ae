import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MikroORM } from '@mikro-orm/core';
import { openOrm, migrate } from '../../server/src/orm.js';
import { seed } from '../../server/src/seeders/index.js';
import { addDays, DemoCalendar } from '../../server/src/seeders/demo-calendar.js';
import { loadCities } from '../../server/src/modules/analytics/analytics.scope.js';
import { disciplineCaseCounts } from '../../server/src/modules/register/discipline-stats.js';
import { figuresKey, loadSummaryFigures } from '../../server/src/modules/summary/summary-figures.service.js';

/**
 * The demo province generated for three days of one year: its dates never run ahead of the day, the
 * seasons that have closed are complete, the season under way is partly done, later years are targets only.
 */
const DAYS = { spring: '2026-03-20', autumn: '2026-10-10', december: '2026-12-20' } as const;
type Day = keyof typeof DAYS;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-demo-calendar-'));
const databases = new Map<Day, MikroORM>();

beforeAll(async () => {
  for (const [day, today] of Object.entries(DAYS) as Array<[Day, string]>) {
    const orm = await openOrm({ databaseUrl: `sqlite:${path.join(dir, `${day}.sqlite`)}` });
    await migrate(orm);
    await seed(orm, { demo: true, today });
    databases.set(day, orm);
  }
}, 600000);
afterAll(async () => {
  for (const orm of databases.values()) await orm.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const rows = (day: Day, sql: string): Promise<any[]> => databases.get(day)!.em.fork().getConnection().execute(sql);
const one = async (day: Day, sql: string): Promise<number> => Number(Object.values((await rows(day, sql))[0])[0]);

/** Registered students per plan year and season, against the season's seats. */
const registration = (day: Day) =>
  rows(
    day,
    `select p.year, p.season, sum(p.seats) as seats, coalesce(sum(t.students), 0) as students
    from enrollment_plan p left join (select plan_id, sum(count) as students from intake group by plan_id) t on t.plan_id = p.id
    where p.program_id in (select id from program where study_mode <> 'SKILLS_TRAINING')
    group by p.year, p.season order by p.year, p.season`,
  );
const share = (table: any[], year: number, season: string) => {
  const row = table.find((r) => r.year === year && r.season === season);
  return row ? row.students / row.seats : null;
};

describe.each(Object.keys(DAYS) as Day[])('on the %s day', (day) => {
  const today = DAYS[day];

  test('nothing is dated after the day', async () => {
    const dated: Array<[string, string]> = [
      ['intake', 'registered_on'],
      ['plan_transition', 'occurred_on'],
      ['plan_adjustment', 'requested_on'],
      ['plan_adjustment', 'decided_on'],
      ['annual_summary', 'submitted_on'],
      ['outreach_visit', 'visited_on'],
      ['partnership', 'starts_on'],
      ['cross_region_agreement', 'signed_on'],
      ['discipline_case', 'reported_on'],
      ['discipline_case', 'status_changed_on'],
      ['discipline_case', 'referred_on'],
    ];
    for (const [table, column] of dated)
      expect([table, column, await one(day, `select count(*) from ${table} where ${column} > '${today}'`)]).toEqual([table, column, 0]);
    expect(await one(day, `select count(*) from partnership where status = 'ENDED' and (ends_on is null or ends_on > '${today}')`)).toBe(0);
    expect(await one(day, `select count(*) from plan_adjustment where decision = 'PENDING' and decided_on is not null`)).toBe(0);
  });

  test('no overdue state the data itself makes impossible', async () => {
    // Every line of a year whose filing has closed is filed, and no line takes students before it is filed.
    const closedYears = [2023, 2024, 2025, 2026, 2027].filter((year) => `${year}-08-20` < today);
    expect(await one(day, `select count(*) from enrollment_plan where year in (${closedYears.join(',')}) and status <> 'FILED'`)).toBe(0);
    expect(await one(day, `select count(*) from intake i join enrollment_plan p on p.id = i.plan_id where p.status <> 'FILED'`)).toBe(0);
    // Every summary whose deadline has passed was submitted on time.
    const dueYears = [2023, 2024, 2025, 2026].filter((year) => `${year}-11-30` < today);
    const submitted = await rows(
      day,
      `select year, count(*) as n from annual_summary where submitted_on is not null and submitted_on <= year || '-11-30' group by year order by year`,
    );
    expect(submitted.filter((r) => dueYears.includes(r.year)).map((r) => [r.year, r.n])).toEqual(dueYears.map((year) => [year, 11]));
    // Seasons whose registration has closed are nearly full.
    const table = await registration(day);
    for (const year of [2023, 2024, 2025]) {
      expect(share(table, year, 'SPRING')).toBeGreaterThan(0.85);
      expect(share(table, year, 'AUTUMN')).toBeGreaterThan(0.85);
    }
  });

  test('register cases: each state has what it needs, and only recent cases are still open', async () => {
    const states = await rows(day, 'select status, count(*) as n from discipline_case group by status order by status');
    expect(states.map((r) => r.status)).toEqual(['DISMISSED', 'OPEN', 'REFERRED', 'VERIFIED']);
    const broken = await rows(
      day,
      `select id, status from discipline_case where
        (status = 'OPEN' and (findings is not null or status_changed_on is not null))
        or (status <> 'OPEN' and (findings is null or status_changed_on is null or status_changed_on < reported_on))
        or (status in ('VERIFIED', 'REFERRED') and measures is null)
        or ((status = 'REFERRED') <> (referred_on is not null)) or (status = 'REFERRED' and referred_on <> status_changed_on)
        or (school_id is not null and school_id not in (select s.id from school s where s.city_id = discipline_case.city_id))`,
    );
    expect(broken).toEqual([]);
    // Findings come within 45 days: a case received before that is decided.
    expect(await one(day, `select count(*) from discipline_case where status = 'OPEN' and reported_on < '${addDays(today, -45)}'`)).toBe(0);
  });

  test('later years have targets and no plan lines', async () => {
    const planned = await rows(day, 'select distinct year from enrollment_plan order by year');
    const opened = [2023, 2024, 2025, 2026, 2027].filter((year) => `${year - 1}-11-01` <= today);
    expect(planned.map((r) => r.year)).toEqual(opened);
    expect(await one(day, 'select count(*) from campaign_target where year = 2027')).toBe(11);
  });
});

test('the season under way is as far as its day', async () => {
  const spring = await registration('spring');
  expect(share(spring, 2026, 'SPRING')).toBeGreaterThan(0.3);
  expect(share(spring, 2026, 'SPRING')).toBeLessThan(0.9);
  expect(share(spring, 2026, 'AUTUMN')).toBe(0);
  const autumn = await registration('autumn');
  expect(share(autumn, 2026, 'SPRING')).toBeGreaterThan(0.85);
  expect(share(autumn, 2026, 'AUTUMN')).toBeGreaterThan(0.5);
  expect(share(autumn, 2026, 'AUTUMN')).toBeLessThan(0.95);
  const december = await registration('december');
  expect(share(december, 2026, 'AUTUMN')).toBeGreaterThan(0.85);
  expect(await one('december', `select count(distinct status) from enrollment_plan where year = 2027`)).toBe(4);
  // Summaries: none written in March, some being written in October, all in by December.
  expect(await one('spring', 'select count(*) from annual_summary where year = 2026')).toBe(0);
  expect(await one('autumn', 'select count(*) from annual_summary where year = 2026 and submitted_on is not null')).toBe(0);
  expect(await one('december', 'select count(*) from annual_summary where year = 2026 and submitted_on is not null')).toBe(11);
});

test('a malformed or too early DEMO_TODAY is refused before anything is written', () => {
  expect(() => new DemoCalendar('2026-02-30')).toThrow(/DEMO_TODAY/);
  expect(() => new DemoCalendar('20261220')).toThrow(/DEMO_TODAY/);
  expect(() => new DemoCalendar('2020-01-01')).toThrow(/DEMO_TODAY/);
  expect(new DemoCalendar('2026-12-20').planYears).toEqual([2023, 2024, 2025, 2026, 2027]);
});

test('every city has a handful of register cases a year, counted in analytics and in the summary figures', async () => {
  const em = databases.get('december')!.em.fork();
  const cities = await loadCities(em);
  for (const year of [2023, 2024, 2025, 2026]) {
    const counts = await disciplineCaseCounts(em, cities, year);
    expect(counts.map((c) => c.total >= 1 && c.total <= 4)).toEqual(cities.map(() => true));
    const figures = await loadSummaryFigures(
      em,
      cities.map((c) => figuresKey(c.id, year)),
    );
    expect(figures.map((f) => f.disciplineCases)).toEqual(counts.map((c) => c.total));
  }
  const all = await disciplineCaseCounts(em, cities, null);
  expect(all.reduce((sum, c) => sum + c.referred, 0)).toBeGreaterThan(0);
  // In spring the year's first cases are in, most of them still being handled.
  expect(await one('spring', `select count(*) from discipline_case where reported_on >= '2026-01-01'`)).toBeGreaterThan(0);
});

describe('what an official notices at once', () => {
  const day: Day = 'december';

  test('places: 浙江交通技师学院 in 金华, no doubled prefixes, 景宁畲族自治县 in full', async () => {
    expect(await rows(day, `select c.name_zh from school s join city c on c.id = s.city_id where s.name = '浙江交通技师学院'`)).toEqual([
      { name_zh: '金华市' },
    ]);
    const names = (await rows(day, 'select name from school')).map((r) => r.name as string);
    expect(names.filter((name) => /^.{2,3}市.{2,4}[市县]/.test(name))).toEqual([]);
    expect(names.filter((name) => name.includes('景宁') && !name.includes('景宁畲族自治县'))).toEqual([]);
    expect(names.some((name) => name.startsWith('余姚市'))).toBe(true);
  });

  test('majors of a city’s own industries are taught only there', async () => {
    const where = await rows(
      day,
      `select m.name as major, group_concat(distinct c.name_zh) as cities from program p join major m on m.id = p.major_id join school s on s.id = p.school_id join city c on c.id = s.city_id
      where m.code in ('0506', '0507', '0410', '0411', '0117', '0810', '1104') group by m.name order by m.name`,
    );
    const cities = Object.fromEntries(where.map((r) => [r.major, (r.cities as string).split(',').sort()]));
    expect(cities['纺织技术及营销']).toEqual(['绍兴市']);
    expect(cities['船舶制造与修理']).toEqual(['舟山市']);
    expect(cities['五金制品制造']).toEqual(['金华市']);
    for (const city of cities['茶叶生产与加工'] ?? []) expect(['丽水市', '杭州市']).toContain(city);
  });

  test('a school named for a trade teaches mostly that trade', async () => {
    const [{ fitting, all }] = await rows(
      day,
      `select sum(case when m.category = '交通类' or m.category = '机械类' then 1 else 0 end) as fitting, count(*) as "all"
      from program p join major m on m.id = p.major_id join school s on s.id = p.school_id where s.name like '%交通技师学院'`,
    );
    expect(fitting / all).toBeGreaterThan(0.6);
  });

  test('companies: short names keep whole words, order classes draw on what the company does, real county codes', async () => {
    const { COUNTIES } = await import('../../server/src/seeders/data/places.js');
    const { INDUSTRY_WORDS } = await import('../../server/src/seeders/company-names.js');
    const companies = await rows(
      day,
      'select co.id, co.name, co.short_name, co.industry, co.credit_code, c.code as city from company co join city c on c.id = co.city_id',
    );
    const businessOf = (company: any) =>
      INDUSTRY_WORDS[company.industry as keyof typeof INDUSTRY_WORDS].businesses.find(
        (b) => company.name.includes(b.name) && company.short_name.endsWith(b.short),
      );
    expect(companies.filter((company) => !businessOf(company))).toEqual([]);
    expect(companies.filter((company) => !COUNTIES[company.city]!.some((county) => county.code === company.credit_code.slice(2, 8)))).toEqual([]);
    const classes = await rows(
      day,
      `select co.id, co.name, co.short_name, co.industry, m.category from order_class oc join partnership p on p.id = oc.partnership_id
      join company co on co.id = p.company_id join program pr on pr.id = oc.program_id join major m on m.id = pr.major_id`,
    );
    expect(classes.length).toBeGreaterThan(100);
    expect(classes.filter((c) => !businessOf(c)!.categories.includes(c.category))).toEqual([]);
  });
});
