import AssignmentIcon from '@mui/icons-material/Assignment';
import { defineResource } from '../defineResource';
import { campaignYear } from '../columns';

export const schoolTarget = defineResource({
  name: 'SchoolTarget',
  icon: AssignmentIcon,
  defaultSort: { field: 'year', order: 'ASC' },
  // the server's unique key
  naturalKey: ['schoolId', 'year'],
  columns: [{ source: 'schoolId', type: 'reference', reference: 'School', width: 240 }, campaignYear(), { source: 'seats', type: 'int', total: true }],
  display: { label: (r, l) => `${l.label('School', r.schoolId)} ${String(r.year)}`, uses: ['School'] },
});
