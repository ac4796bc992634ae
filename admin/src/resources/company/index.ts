import BusinessIcon from '@mui/icons-material/Business';
import { defineResource } from '../defineResource';

export const company = defineResource({
  name: 'Company',
  icon: BusinessIcon,
  defaultSort: { field: 'name', order: 'ASC' },
  // the server's unique key
  naturalKey: ['creditCode'],
  columns: [
    { source: 'name', type: 'text', required: true, maxLength: 100, width: 240 },
    { source: 'shortName', type: 'text', maxLength: 30, width: 120 },
    { source: 'creditCode', type: 'text', required: true, pattern: { regex: /^[0-9A-HJ-NP-RTUW-Y]{18}$/, message: 'validation.credit_code' }, width: 200 },
    { source: 'industry', type: 'enum', enum: 'Industry', required: true, width: 240 },
    { source: 'cityId', type: 'reference', reference: 'City', required: true, width: 120 },
  ],
  display: { label: (r) => String(r.name), keys: (r) => [String(r.creditCode), ...(r.shortName ? [String(r.shortName)] : [])] },
});
