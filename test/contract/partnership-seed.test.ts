import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MikroORM } from '@mikro-orm/core';
import { openOrm, migrate } from '../../server/src/orm.js';
import { seed } from '../../server/src/seeders/index.js';
import { checkCharacter } from '../helpers/company-fixtures.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zj-partners-'));
let first: MikroORM;
let second: MikroORM;

async function seededDatabase(name: string): Promise<MikroORM> {
  const orm = await openOrm({ databaseUrl: `sqlite:${path.join(dir, name)}` });
  await migrate(orm);
  await seed(orm, { demo: true, today: '2026-12-20' });
  return orm;
}

const rows = (orm: MikroORM, sql: string): Promise<any[]> => orm.em.fork().getConnection().execute(sql);

beforeAll(async () => {
  first = await seededDatabase('a.sqlite');
  second = await seededDatabase('b.sqlite');
}, 300000);
afterAll(async () => {
  await first.close();
  await second.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('demo companies and partnerships', () => {
  test('about 400 companies in every city and industry, each with a valid and unique credit code', async () => {
    const companies = await rows(
      first,
      'select c.name, c.short_name, c.credit_code, c.industry, city.code as city, city.name_zh as city_name from company c join city on city.id = c.city_id order by c.id',
    );
    expect(companies).toHaveLength(400);
    for (const company of companies) expect(company.credit_code.slice(17)).toBe(checkCharacter(company.credit_code.slice(0, 17)));
    expect(new Set(companies.map((c) => c.credit_code)).size).toBe(400);
    expect(new Set(companies.map((c) => c.name)).size).toBe(400);
    expect(new Set(companies.map((c) => c.city)).size).toBe(11);
    expect(new Set(companies.map((c) => c.industry)).size).toBe(9);
    expect(companies.filter((c) => !c.name.startsWith(c.city_name.replace(/市$/, '')))).toEqual([]);
  });

  test('every school has two to five partnerships with dates in order', async () => {
    const perSchool = await rows(first, 'select s.id, count(p.id) as n from school s left join partnership p on p.school_id = s.id group by s.id');
    expect(perSchool.every((r) => r.n >= 2 && r.n <= 5)).toBe(true);
    const [{ misordered }] = await rows(first, 'select count(*) as misordered from partnership where ends_on is not null and ends_on <= starts_on');
    expect(misordered).toBe(0);
    const kinds = await rows(first, 'select kind from partnership group by kind order by kind');
    expect(kinds.map((k) => k.kind)).toEqual(['APPRENTICESHIP', 'NAMED_CLASS', 'ORDER_CLASS', 'WORK_STUDY']);
  });

  test('order classes obey R11, enrolment within seats, and named classes carry the company name', async () => {
    const [{ classes }] = await rows(first, 'select count(*) as classes from order_class');
    expect(classes).toBeGreaterThan(150);
    const overPlan = await rows(
      first,
      `
      select oc.program_id, oc.year, oc.season, sum(oc.seats) as taken,
        (select coalesce(sum(p.seats), 0) from enrollment_plan p where p.program_id = oc.program_id and p.year = oc.year and p.season = oc.season) as planned
      from order_class oc group by oc.program_id, oc.year, oc.season having sum(oc.seats) > planned`,
    );
    expect(overPlan).toEqual([]);
    const [{ overfull }] = await rows(
      first,
      'select count(*) as overfull from order_class where enrolled > seats or employment_commitment not between 0 and 100',
    );
    expect(overfull).toBe(0);
    const named = await rows(
      first,
      `select oc.name, c.short_name from order_class oc join partnership p on p.id = oc.partnership_id join company c on c.id = p.company_id where p.kind = 'NAMED_CLASS'`,
    );
    expect(named.length).toBeGreaterThan(20);
    expect(named.filter((r) => !r.name.includes(r.short_name))).toEqual([]);
    const [{ mismatched }] = await rows(
      first,
      'select count(*) as mismatched from order_class oc join partnership p on p.id = oc.partnership_id join program pr on pr.id = oc.program_id where pr.school_id <> p.school_id',
    );
    expect(mismatched).toBe(0);
  });

  test('a dozen cross-region agreements with Sichuan, Guizhou and Ningxia obey R12', async () => {
    const agreements = await rows(
      first,
      `
      select a.partner_province_code as province, a.stages, pr.duration_years as duration, a.city_id, s.city_id as school_city, a.school_id, pr.school_id as program_school, a.enrolled, a.seats
      from cross_region_agreement a join program pr on pr.id = a.program_id join school s on s.id = a.school_id order by a.id`,
    );
    expect(agreements).toHaveLength(12);
    expect(agreements.map((a) => a.province).sort()).toEqual([...Array(4).fill('510000'), ...Array(4).fill('520000'), ...Array(4).fill('640000')]);
    for (const a of agreements) {
      const stages = JSON.parse(a.stages) as Array<{ where: string; years: number }>;
      expect(stages.reduce((sum, s) => sum + s.years, 0)).toBe(a.duration);
      expect(stages.map((s) => s.where)).toContain('PARTNER');
      expect(stages.map((s) => s.where)).toContain('ZHEJIANG');
      expect([a.city_id, a.school_id, a.enrolled <= a.seats]).toEqual([a.school_city, a.program_school, true]);
    }
  });

  test('every city visits other provinces and offers incentives every year', async () => {
    const visits = await rows(
      first,
      'select city_id, substr(visited_on, 1, 4) as year, count(*) as n from outreach_visit group by city_id, substr(visited_on, 1, 4)',
    );
    expect(visits).toHaveLength(11 * 4);
    const incentives = await rows(
      first,
      `select city_id, year, count(*) as n from incentive where kind in ('TUITION_WAIVER', 'SCHOLARSHIP', 'GRANT') group by city_id, year`,
    );
    expect(incentives).toHaveLength(11 * 4);
    expect(incentives.every((r) => r.n === 3)).toBe(true);
  });

  test('the same on every machine, and seeded only once', async () => {
    const digest = `select c.credit_code, c.name, p.kind, p.starts_on, oc.name as class, oc.seats
      from company c left join partnership p on p.company_id = c.id left join order_class oc on oc.partnership_id = p.id order by c.id, p.id, oc.id`;
    expect(await rows(second, digest)).toEqual(await rows(first, digest));
    const agreements = 'select partner_institution, stages, seats from cross_region_agreement order by id';
    expect(await rows(second, agreements)).toEqual(await rows(first, agreements));
    expect(await seed(first, { demo: true, today: '2026-12-20' })).toEqual([]);
  });
});
