import { Entity, Enum, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../common/base.entity.js';
import { ScoreCriterion } from './scoring.enums.js';

/** A published weight of the city assessment; the province edits it, everyone signed in reads it. */
@ObjectType({ description: '绩效考核权重 (weight of one criterion of the yearly city score)' })
@Entity({ tableName: 'scoring_weight' })
export class ScoringWeight extends BaseEntity {
  @Field(() => ScoreCriterion)
  @Unique()
  @Enum({ items: () => ScoreCriterion, type: 'string', length: 30 })
  criterion!: ScoreCriterion;

  @Field(() => Int, { description: 'Relative weight, 0–100; a score divides by the sum of the weights' })
  @Property({ type: 'integer' })
  weight!: number;
}
