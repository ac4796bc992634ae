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
    { source: 'nameZh', type: 'text', width: 120 },
    { source: 'code', type: 'text', patternMessage: 'validation.city_code', width: 130 },
    { source: 'nameEn', type: 'text', width: 140 },
    { source: 'displayOrder', type: 'int', width: 90 },
  ],
  display: { label: (r) => String(r.nameZh), keys: (r) => [String(r.code), String(r.nameEn), String(r.nameZh).replace(/市$/, '')] },
});
