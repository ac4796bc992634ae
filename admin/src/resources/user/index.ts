import PeopleIcon from '@mui/icons-material/People';
import { defineResource } from '../defineResource';

export const user = defineResource({
  name: 'User',
  icon: PeopleIcon,
  defaultSort: { field: 'username', order: 'ASC' },
  defaults: { active: true },
  // the server's unique key
  naturalKey: ['username'],
  columns: [
    { source: 'username', type: 'text', patternMessage: 'validation.username', width: 140 },
    { source: 'displayName', type: 'text', width: 120 },
    { source: 'role', type: 'enum', enum: 'Role', width: 300 },
    { source: 'cityId', type: 'reference', reference: 'City', width: 110 },
    { source: 'schoolId', type: 'reference', reference: 'School', width: 220 },
    { source: 'active', type: 'boolean', width: 80 },
    { source: 'password', type: 'text', secret: true, filter: false, width: 120 },
  ],
  display: { label: (r) => String(r.displayName ?? r.username), keys: (r) => [String(r.username)] },
});
