import EventNoteIcon from '@mui/icons-material/EventNote';
import { defineResource } from '../defineResource';
import { enumText } from '../labels';
import { WorkflowActions } from './WorkflowActions';

export const enrollmentPlan = defineResource({
  name: 'EnrollmentPlan',
  icon: EventNoteIcon,
  defaultSort: { field: 'year', order: 'ASC' },
  // the server's unique key
  naturalKey: ['programId', 'year', 'season'],
  columns: [
    { source: 'programId', type: 'reference', reference: 'Program', required: true, width: 360 },
    { source: 'year', type: 'int', required: true, min: 2000, max: 2100, width: 90 },
    { source: 'season', type: 'enum', enum: 'Season', required: true, width: 90 },
    { source: 'seats', type: 'int', required: true, min: 0, max: 100000, total: true, width: 110 },
    { source: 'status', type: 'enum', enum: 'PlanStatus', editable: false, width: 100 },
    { source: 'schoolId', type: 'reference', reference: 'School', width: 220 },
  ],
  sheetActions: WorkflowActions,
  display: {
    label: (r, l) => `${l.label('Program', r.programId)}·${String(r.year)}${enumText('Season', r.season)}`,
    uses: ['Program'],
  },
});
