import BusinessIcon from '@mui/icons-material/Business';
import { defineResource } from '../defineResource';

export const company = defineResource({
  name: 'Company',
  icon: BusinessIcon,
  defaultSort: { field: 'name', order: 'ASC' },
  // the server's unique key
  naturalKey: ['creditCode'],
  columns: [
    { source: 'name', type: 'text', width: 240 },
    { source: 'shortName', type: 'text', width: 120 },
    { source: 'creditCode', type: 'text', patternMessage: 'validation.credit_code', width: 200 },
    { source: 'industry', type: 'enum', enum: 'Industry', width: 240 },
    { source: 'cityId', type: 'reference', reference: 'City', width: 120 },
  ],
  display: { label: (r) => String(r.name), keys: (r) => [String(r.creditCode), ...(r.shortName ? [String(r.shortName)] : [])] },
});
