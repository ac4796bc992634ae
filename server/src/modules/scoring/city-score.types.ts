import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ScoreCriterion } from './scoring.enums.js';

@ObjectType({ description: 'One criterion of a city score: its weight, how far the city met it (0–1) and the points it gives' })
export class ScorePart {
  @Field(() => ScoreCriterion) criterion!: ScoreCriterion;
  @Field(() => Int) weight!: number;
  @Field(() => Float) attainment!: number;
  @Field(() => Float, { description: '100 × weight × attainment / sum of weights' }) points!: number;
}

@ObjectType({ description: '绩效考核: a city’s yearly score from the published weights, with its breakdown' })
export class CityScore {
  @Field(() => Int) rank!: number;
  @Field(() => Int) year!: number;
  @Field(() => String) cityCode!: string;
  @Field(() => String) cityName!: string;
  @Field(() => Float, { description: '0–100' }) score!: number;
  @Field(() => [ScorePart]) breakdown!: ScorePart[];
}
