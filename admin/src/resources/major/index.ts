import MenuBookIcon from '@mui/icons-material/MenuBook';
import { defineResource } from '../defineResource';

export const major = defineResource({
  name: 'Major',
  icon: MenuBookIcon,
  defaultSort: { field: 'code', order: 'ASC' },
  filters: [],
  // the server's unique key
  naturalKey: ['code'],
  columns: [
    { source: 'code', type: 'text', patternMessage: 'validation.major_code', width: 110 },
    { source: 'name', type: 'text', width: 200 },
    { source: 'category', type: 'text', width: 140 },
    { source: 'levels', type: 'enumList', enum: 'Level', width: 280 },
  ],
  display: { label: (r) => `${String(r.code)} ${String(r.name)}`, keys: (r) => [String(r.code), String(r.name)] },
});
