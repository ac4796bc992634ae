import { Field, ObjectType, Query, Resolver } from 'type-graphql';
import { PROVINCES } from './provinces.js';
import { defineQueries } from '../../common/query-reach.js';

/** Reference codes, the same to everyone (common/query-reach.ts). */
export const regionQueries = defineQueries({ provinces: 'everyone' });

@ObjectType({ description: 'A province-level division (GB/T 2260)' })
export class Province {
  @Field(() => String) code!: string;
  @Field(() => String) nameZh!: string;
  @Field(() => String) nameEn!: string;
}

@Resolver()
export class RegionResolver {
  @Query(() => [Province], { description: 'Province-level codes accepted as intake origins and cross-region partners' })
  provinces(): Province[] {
    return PROVINCES.map((p) => ({ ...p }));
  }
}
