import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import type { MikroORM } from '@mikro-orm/core';
import { openOrm, migrate } from '../../server/src/orm.js';
import { seed } from '../../server/src/seeders/index.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-demo-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A day after the 2026 season closed, with 2027's lines in review. */
const TODAY = '2026-12-20';

async function seededDatabase(name: string): Promise<MikroORM> {
  const orm = await openOrm({ databaseUrl: `sqlite:${path.join(dir, name)}` });
  await migrate(orm);
  await seed(orm, { demo: true, today: TODAY });
  return orm;
}

const rows = (orm: MikroORM, sql: string) => orm.em.fork().getConnection().execute(sql);

test('the demo province looks like a real one and is the same on every machine', async () => {
  const first = await seededDatabase('a.sqlite');
  const second = await seededDatabase('b.sqlite');
  try {
    const [{ schools }] = await rows(first, 'select count(*) as schools from school');
    expect(schools).toBeGreaterThanOrEqual(110);
    expect(schools).toBeLessThanOrEqual(130);
    const [{ programs }] = await rows(first, 'select count(*) as programs from program');
    expect(programs).toBeGreaterThanOrEqual(1400);

    const perCity = await rows(first, 'select c.code, count(*) as n from school s join city c on c.id = s.city_id group by c.code');
    expect(perCity).toHaveLength(11);
    const types = await rows(first, 'select type, count(*) as n from school group by type order by type');
    expect(types.map((r: { type: string }) => r.type)).toEqual(['SENIOR_TECHNICAL_SCHOOL', 'TECHNICAL_SCHOOL', 'TECHNICIAN_COLLEGE']);

    const seasons = await rows(first, 'select year, season, count(*) as n from enrollment_plan where year <= 2025 group by year, season order by year, season');
    expect(seasons.map((r: { year: number; season: string }) => `${r.year}${r.season}`)).toEqual([
      '2023AUTUMN',
      '2023SPRING',
      '2024AUTUMN',
      '2024SPRING',
      '2025AUTUMN',
      '2025SPRING',
    ]);
    const intakeYears = await rows(
      first,
      'select p.year, sum(i.count) as students from intake i join enrollment_plan p on p.id = i.plan_id group by p.year order by p.year',
    );
    expect(intakeYears.map((r: { year: number }) => r.year)).toEqual([2023, 2024, 2025, 2026]);
    // Each past year enrolls close to the notice's province target (100,000 in 2023).
    expect(intakeYears[0].students).toBeGreaterThan(90000);
    expect(intakeYears[0].students).toBeLessThan(115000);

    const digest = 'select p.year, p.season, p.seats, p.status, s.name from enrollment_plan p join school s on s.id = p.school_id order by p.id';
    expect(await rows(second, digest)).toEqual(await rows(first, digest));

    expect(await seed(first, { demo: true, today: TODAY })).toEqual([]);
  } finally {
    await first.close();
    await second.close();
  }
}, 300000);

test('without demo data only the reference data is seeded', async () => {
  const orm = await openOrm({ databaseUrl: `sqlite:${path.join(dir, 'bare.sqlite')}` });
  try {
    await migrate(orm);
    expect(await seed(orm, { demo: false })).toEqual(['reference data (cities, task table, majors)']);
    const [{ n }] = await rows(orm, 'select count(*) as n from school');
    expect(n).toBe(0);
  } finally {
    await orm.close();
  }
}, 120000);
