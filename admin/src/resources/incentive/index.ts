import SavingsIcon from '@mui/icons-material/Savings';
import { defineResource } from '../defineResource';
import { enumText } from '../labels';

export const incentive = defineResource({
  name: 'Incentive',
  icon: SavingsIcon,
  defaultSort: { field: 'year', order: 'DESC' },
  columns: [
    { source: 'cityId', type: 'reference', reference: 'City', required: true, width: 110 },
    { source: 'year', type: 'int', required: true, min: 2000, max: 2100, width: 80 },
    { source: 'kind', type: 'enum', enum: 'IncentiveKind', required: true, width: 190 },
    { source: 'amountPerStudent', type: 'int', required: true, min: 0, max: 1000000, width: 130 },
    { source: 'eligibility', type: 'text', maxLength: 500, multiline: true, width: 240 },
    { source: 'targetGroups', type: 'enumList', enum: 'TargetGroup', width: 300 },
  ],
  display: { label: (r, l) => `${l.label('City', r.cityId)} ${String(r.year)} ${enumText('IncentiveKind', r.kind)}`, uses: ['City'] },
});
