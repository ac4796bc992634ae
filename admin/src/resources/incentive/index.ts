import SavingsIcon from '@mui/icons-material/Savings';
import { defineResource } from '../defineResource';
import { enumText } from '../labels';

export const incentive = defineResource({
  name: 'Incentive',
  icon: SavingsIcon,
  defaultSort: { field: 'year', order: 'DESC' },
  columns: [
    { source: 'cityId', type: 'reference', reference: 'City', width: 110 },
    { source: 'year', type: 'int', width: 80 },
    { source: 'kind', type: 'enum', enum: 'IncentiveKind', width: 190 },
    { source: 'amountPerStudent', type: 'int', width: 130 },
    { source: 'eligibility', type: 'text', multiline: true, width: 240 },
    { source: 'targetGroups', type: 'enumList', enum: 'TargetGroup', width: 300 },
  ],
  display: { label: (r, l) => `${l.label('City', r.cityId)} ${String(r.year)} ${enumText('IncentiveKind', r.kind)}`, uses: ['City'] },
});
