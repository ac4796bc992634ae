import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

/** The notice's annex, read here independently of the server's seeder. */
function annex(): Array<{ code: string; zh: string; en: string; order: number; seats: number[] }> {
  const lines = fs
    .readFileSync(new URL('../../../shared/notice/targets.csv', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  return lines.map((line) => {
    const [code, zh, en, order, ...seats] = line.split(',');
    return { code: code!, zh: zh!, en: en!, order: Number(order), seats: seats.map(Number) };
  });
}

describe('reference data seeded on every database', () => {
  test('the 11 cities in the notice order with GB/T 2260 codes', async () => {
    const { allCities } = await t.ok(`{ allCities { code nameZh nameEn displayOrder } }`);
    expect(allCities).toEqual(annex().map((c) => ({ code: c.code, nameZh: c.zh, nameEn: c.en, displayOrder: c.order })));
    expect(allCities[3].nameZh).toBe('湖州市');
    expect(allCities[4].nameZh).toBe('嘉兴市');
  });

  test('the 55 campaign targets equal the task table exactly', async () => {
    const { allCampaignTargets, _allCampaignTargetsMeta } = await t.ok(`{
      allCampaignTargets(perPage: 100, sortField: "id") { year seats city { code } }
      _allCampaignTargetsMeta { count }
    }`);
    expect(_allCampaignTargetsMeta.count).toBe(55);
    const expected = annex().flatMap((c) => c.seats.map((seats, i) => ({ year: 2023 + i, seats, city: { code: c.code } })));
    expect([...allCampaignTargets].sort(byCityYear)).toEqual(expected.sort(byCityYear));
  });

  test('yearly sums are the notice totals and the five years make 600,000', async () => {
    const { allCampaignTargets } = await t.ok(`{ allCampaignTargets(perPage: 100) { year seats } }`);
    const byYear = new Map<number, number>();
    for (const row of allCampaignTargets) byYear.set(row.year, (byYear.get(row.year) ?? 0) + row.seats);
    expect(Object.fromEntries(byYear)).toEqual({ 2023: 100000, 2024: 110000, 2025: 120000, 2026: 130000, 2027: 140000 });
    expect([...byYear.values()].reduce((a, b) => a + b, 0)).toBe(600000);
  });

  test('a catalogue of at least 40 majors with categories and levels', async () => {
    const { allMajors } = await t.ok(`{ allMajors(perPage: 500) { code name category levels } }`);
    expect(allMajors.length).toBeGreaterThanOrEqual(40);
    expect(new Set(allMajors.map((m: { category: string }) => m.category)).size).toBeGreaterThanOrEqual(8);
    expect(allMajors.find((m: { code: string }) => m.code === '0115')).toEqual({
      code: '0115',
      name: '工业机器人应用与维护',
      category: '机械类',
      levels: ['INTERMEDIATE', 'ADVANCED', 'PREPARATORY_TECHNICIAN'],
    });
  });

  test('province-level codes are listed for origins', async () => {
    const { provinces } = await t.ok(`{ provinces { code nameZh } }`);
    expect(provinces).toHaveLength(34);
    expect(provinces).toContainEqual({ code: '510000', nameZh: '四川省' });
  });
});

function byCityYear(a: { city: { code: string }; year: number }, b: { city: { code: string }; year: number }) {
  return a.city.code.localeCompare(b.city.code) || a.year - b.year;
}
