import fs from 'node:fs';
import type { EntityManager } from '@mikro-orm/core';
import { City } from '../modules/city/city.entity.js';
import { CampaignTarget } from '../modules/target/campaign-target.entity.js';
import { CAMPAIGN_FIRST_YEAR, CAMPAIGN_LAST_YEAR } from '../modules/target/campaign.js';
import { Major } from '../modules/major/major.entity.js';
import { MAJORS } from './data/majors.js';

interface TaskRow {
  code: string;
  nameZh: string;
  nameEn: string;
  displayOrder: number;
  seats: Map<number, number>;
}

/** The notice's task table (附件): 11 cities × 2023–2027. */
export function readTaskTable(): TaskRow[] {
  const text = fs.readFileSync(new URL('./data/targets.csv', import.meta.url), 'utf8');
  const [header, ...lines] = text.trim().split(/\r?\n/);
  const columns = header!.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    const cell = (name: string) => cells[columns.indexOf(name)]!;
    const seats = new Map<number, number>();
    for (let year = CAMPAIGN_FIRST_YEAR; year <= CAMPAIGN_LAST_YEAR; year++) seats.set(year, Number(cell(`y${year}`)));
    return { code: cell('city_code'), nameZh: cell('city_zh'), nameEn: cell('city_en'), displayOrder: Number(cell('display_order')), seats };
  });
}

/** Cities, campaign targets and the major catalogue; does nothing when cities already exist. */
export async function seedReference(em: EntityManager): Promise<boolean> {
  if ((await em.count(City)) > 0) return false;
  for (const row of readTaskTable()) {
    const city = em.create(City, { code: row.code, nameZh: row.nameZh, nameEn: row.nameEn, displayOrder: row.displayOrder });
    for (const [year, seats] of row.seats) em.create(CampaignTarget, { city, year, seats });
  }
  for (const major of MAJORS) em.create(Major, { ...major, levels: [...major.levels] });
  await em.flush();
  return true;
}
