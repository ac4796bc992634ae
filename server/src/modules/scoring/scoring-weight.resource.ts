import { PROVINCE_ONLY } from '../../auth/role.js';
import { defineResource } from '../../common/resource.js';
import { ScoringWeight } from './scoring-weight.entity.js';
import { ScoreCriterion } from './scoring.enums.js';

export const scoringWeightResource = defineResource({
  entity: ScoringWeight,
  name: 'ScoringWeight',
  plural: 'ScoringWeights',
  labelZh: '绩效考核权重',
  policy: { write: PROVINCE_ONLY },
  search: [],
  defaultSort: 'id',
  unique: [['criterion']],
  fields: [
    { name: 'criterion', kind: 'enum', enum: ScoreCriterion, labelZh: '考核指标', required: true },
    { name: 'weight', kind: 'int', labelZh: '权重', required: true, min: 0, max: 100 },
  ],
});
