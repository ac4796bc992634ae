import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { badInput } from '../../common/errors.js';

/** Where a stage of joint training happens: "省外学习 N 年，浙江学习 N 年"，"两地交叉工作 N 年". */
export enum StageWhere {
  PARTNER = 'PARTNER',
  ZHEJIANG = 'ZHEJIANG',
  WORK = 'WORK',
}
registerEnumType(StageWhere, {
  name: 'StageWhere',
  valuesConfig: {
    PARTNER: { description: '在合作省份学习' },
    ZHEJIANG: { description: '在浙江学习' },
    WORK: { description: '两地交叉工作' },
  },
});

export interface Stage {
  where: StageWhere;
  years: number;
}

@ObjectType('TrainingStage', { description: '联合培养阶段 (one stage of a cross-region model, in order)' })
export class TrainingStage implements Stage {
  @Field(() => StageWhere) where!: StageWhere;
  @Field(() => Int) years!: number;
}

@InputType('TrainingStageInput')
export class TrainingStageInput implements Stage {
  @Field(() => StageWhere) where!: StageWhere;
  @Field(() => Int) years!: number;
}

export const MAX_STAGES = 6;

/** "2+1", "1+1+1": the notice's way of naming a model. */
export const modelOf = (stages: readonly Stage[]): string => stages.map((s) => s.years).join('+');

/** Ordered stages with whole years, studying both in the partner province and in Zhejiang. */
export function validateStages(value: unknown): Stage[] {
  const stages = (value as Stage[]).map((s) => ({ where: s.where, years: s.years }));
  if (stages.length < 2 || stages.length > MAX_STAGES) {
    throw badInput('stages', `联合培养须分 2 至 ${MAX_STAGES} 个阶段`, `a joint training model has 2 to ${MAX_STAGES} stages`);
  }
  const bad = stages.findIndex((s) => !Number.isInteger(s.years) || s.years < 1 || s.years > 6);
  if (bad >= 0) throw badInput('stages', `第 ${bad + 1} 阶段的年数须为 1 至 6 的整数`, `stage ${bad + 1} must last 1 to 6 whole years`);
  if (!stages.some((s) => s.where === StageWhere.PARTNER) || !stages.some((s) => s.where === StageWhere.ZHEJIANG)) {
    throw badInput(
      'stages',
      '联合培养须既有省外学习阶段，也有浙江学习阶段',
      'a joint training model needs a stage in the partner province and one in Zhejiang',
    );
  }
  return stages;
}
