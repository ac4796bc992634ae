import SchoolIcon from '@mui/icons-material/School';
import { defineResource } from '../defineResource';

export const school = defineResource({
  name: 'School',
  icon: SchoolIcon,
  defaultSort: { field: 'name', order: 'ASC' },
  defaults: { provincial: false, ownership: 'PUBLIC' },
  // the server's unique key
  naturalKey: ['name'],
  columns: [
    { source: 'name', type: 'text', width: 240 },
    { source: 'type', type: 'enum', enum: 'SchoolType', width: 140 },
    { source: 'cityId', type: 'reference', reference: 'City', width: 120 },
    { source: 'provincial', type: 'boolean', width: 80 },
    { source: 'ownership', type: 'enum', enum: 'Ownership', width: 110 },
  ],
  display: { label: (r) => String(r.name) },
});
