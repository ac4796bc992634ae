import { Field, ID, InterfaceType } from 'type-graphql';
import { City } from '../city/city.entity.js';

/**
 * 机构: what a school and a company have in common for other systems — a jobs platform or a city's
 * portal lists who trains and who employs in a city without knowing our two types apart.
 */
/** Its rows carry `__typename`, set by the resolver that reads them (see `schema.ts`). */
@InterfaceType({ description: '机构: a technical school or a company, with what both have (name, city)' })
export abstract class Institution {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  name!: string;

  @Field(() => City)
  city!: City;
}
