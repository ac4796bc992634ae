import BalanceIcon from '@mui/icons-material/Balance';
import { defineResource } from '../defineResource';

/** 绩效考核权重: the published weights of the city score; the province edits them. */
export const scoringWeight = defineResource({
  name: 'ScoringWeight',
  icon: BalanceIcon,
  defaultSort: { field: 'id', order: 'ASC' },
  columns: [
    { source: 'criterion', type: 'enum', enum: 'ScoreCriterion', editable: false, width: 320 },
    { source: 'weight', type: 'int', total: true, width: 100 },
  ],
  display: { label: (r) => String(r.criterion) },
});
