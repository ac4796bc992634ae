import type { EntityManager } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { queryRows, toNumber } from '../../read/sql.js';
import { CountByKey } from '../summary/summary-figures.types.js';
import { DisciplineStatus } from './discipline.enums.js';

@ObjectType({ description: '招生秩序: register cases of a city, by status and kind' })
export class DisciplineCaseCount {
  @Field(() => String) cityCode!: string;
  @Field(() => String) cityName!: string;
  @Field(() => Int) total!: number;
  @Field(() => Int, { description: 'Still being handled' }) open!: number;
  @Field(() => Int) verified!: number;
  @Field(() => Int) dismissed!: number;
  @Field(() => Int, { description: 'Referred to 纪检监察' }) referred!: number;
  @Field(() => [CountByKey]) byKind!: CountByKey[];
}

/** Cases per city (every city listed, in display order), for one year of receipt or all. */
export async function disciplineCaseCounts(
  em: EntityManager,
  cities: ReadonlyArray<{ id: number; code: string; nameZh: string }>,
  year: number | null,
): Promise<DisciplineCaseCount[]> {
  const where = year === null ? '' : 'where reported_on >= ? and reported_on <= ?';
  const params = year === null ? [] : [`${year}-01-01`, `${year}-12-31`];
  const rows = await queryRows<{ city_id: number; status: string; kind: string; n: unknown }>(
    em,
    `select city_id, status, kind, count(*) as n from discipline_case ${where} group by city_id, status, kind order by kind`,
    params,
  );
  return cities.map((city) => {
    const own = rows.filter((r) => Number(r.city_id) === city.id);
    const byStatus = (status: DisciplineStatus) => own.filter((r) => r.status === status).reduce((sum, r) => sum + toNumber(r.n), 0);
    const kinds = new Map<string, number>();
    for (const r of own) kinds.set(r.kind, (kinds.get(r.kind) ?? 0) + toNumber(r.n));
    return {
      cityCode: city.code,
      cityName: city.nameZh,
      total: own.reduce((sum, r) => sum + toNumber(r.n), 0),
      open: byStatus(DisciplineStatus.OPEN),
      verified: byStatus(DisciplineStatus.VERIFIED),
      dismissed: byStatus(DisciplineStatus.DISMISSED),
      referred: byStatus(DisciplineStatus.REFERRED),
      byKind: [...kinds].map(([key, count]) => ({ key, count })),
    };
  });
}
