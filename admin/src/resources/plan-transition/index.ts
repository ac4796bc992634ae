import HistoryIcon from '@mui/icons-material/History';
import { defineResource } from '../defineResource';
import { enumText } from '../labels';

export const planTransition = defineResource({
  name: 'PlanTransition',
  icon: HistoryIcon,
  readOnly: true,
  defaultSort: { field: 'occurredOn', order: 'DESC' },
  columns: [
    { source: 'planId', type: 'reference', reference: 'EnrollmentPlan', editable: false, width: 400 },
    { source: 'step', type: 'enum', enum: 'PlanStep', editable: false, width: 80 },
    { source: 'fromStatus', type: 'enum', enum: 'PlanStatus', editable: false, width: 90 },
    { source: 'toStatus', type: 'enum', enum: 'PlanStatus', editable: false, width: 90 },
    { source: 'reason', type: 'text', editable: false, width: 240 },
    { source: 'occurredOn', type: 'date', editable: false, width: 120 },
  ],
  filters: ['step'],
  display: { label: (r) => `${enumText('PlanStep', r.step)} ${String(r.occurredOn)}` },
});
