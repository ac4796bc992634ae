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
    { source: 'programId', type: 'reference', reference: 'Program', width: 360 },
    { source: 'year', type: 'int', width: 90 },
    { source: 'season', type: 'enum', enum: 'Season', width: 90 },
    { source: 'seats', type: 'int', total: true, width: 110 },
    { source: 'status', type: 'enum', enum: 'PlanStatus', editable: false, width: 100 },
    { source: 'schoolId', type: 'reference', reference: 'School', width: 220 },
  ],
  sheetActions: WorkflowActions,
  display: {
    label: (r, l) => `${l.label('Program', r.programId)}·${String(r.year)}${enumText('Season', r.season)}`,
    uses: ['Program'],
    // 15,000 lines at full size; status and seats for 申请调整
    fields: ['programId', 'year', 'season', 'status', 'seats'],
  },
});
