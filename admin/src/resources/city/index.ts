import LocationCityIcon from '@mui/icons-material/LocationCity';
import { defineResource } from '../defineResource';

export const city = defineResource({
  name: 'City',
  icon: LocationCityIcon,
  defaultSort: { field: 'displayOrder', order: 'ASC' },
  filters: [],
  // the server's unique key
  naturalKey: ['code'],
  columns: [
    { source: 'nameZh', type: 'text', required: true, maxLength: 50, width: 120 },
    { source: 'code', type: 'text', required: true, pattern: { regex: /^33\d{2}00$/, message: 'validation.city_code' }, width: 130 },
    { source: 'nameEn', type: 'text', required: true, maxLength: 50, width: 140 },
    { source: 'displayOrder', type: 'int', required: true, min: 1, max: 99, width: 90 },
  ],
  display: { label: (r) => String(r.nameZh), keys: (r) => [String(r.code), String(r.nameEn), String(r.nameZh).replace(/市$/, '')] },
});
