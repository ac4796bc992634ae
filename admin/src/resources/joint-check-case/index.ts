import FactCheckIcon from '@mui/icons-material/FactCheck';
import { defineResource } from '../defineResource';

/** 联合核查: students also on a 普通高中 / 中职 roll; schools explain, bureaus decide. */
export const jointCheckCase = defineResource({
  name: 'JointCheckCase',
  icon: FactCheckIcon,
  defaultSort: { field: 'matchedOn', order: 'DESC' },
  columns: [
    { source: 'schoolId', type: 'reference', reference: 'School', editable: false, width: 200 },
    { source: 'studentId', type: 'reference', reference: 'Student', editable: false, filter: false, width: 260 },
    { source: 'matchedOn', type: 'date', editable: false, width: 120 },
    { source: 'status', type: 'enum', enum: 'JointCheckStatus', width: 120 },
    { source: 'note', type: 'text', multiline: true, width: 320 },
  ],
  display: { label: (r, l) => `${l.label('School', r.schoolId)} ${String(r.matchedOn)}`, uses: ['School'] },
});
