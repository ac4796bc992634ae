import { Field, Float, Int, ObjectType } from 'type-graphql';
import { UNVERIFIED } from './analytics.types.js';

@ObjectType({ description: '设区市排名: completion of the task table, best first, with the R2 level share beside it' })
export class CityRankingRow {
  @Field(() => Int) rank!: number;
  @Field(() => Int, { nullable: true, description: 'The year ranked; null for the whole campaign 2023–2027' }) year!: number | null;
  @Field(() => String) cityCode!: string;
  @Field(() => String) cityName!: string;
  @Field(() => Int) target!: number;
  @Field(() => Int, { description: '学制教育 students (R1)' }) enrolled!: number;
  @Field(() => Int, { description: UNVERIFIED }) unverified!: number;
  @Field(() => Float, { nullable: true }) completionRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'Share of ADVANCED + PREPARATORY_TECHNICIAN in enrolled (R2)' }) advancedShare!: number | null;
}
