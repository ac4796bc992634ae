import TuneIcon from '@mui/icons-material/Tune';
import { defineResource } from '../defineResource';
import { AdjustmentActions } from './AdjustmentActions';

export const planAdjustment = defineResource({
  name: 'PlanAdjustment',
  icon: TuneIcon,
  readOnly: true,
  defaultSort: { field: 'requestedOn', order: 'DESC' },
  columns: [
    { source: 'planId', type: 'reference', reference: 'EnrollmentPlan', editable: false, width: 380 },
    { source: 'oldSeats', type: 'int', editable: false, width: 100 },
    { source: 'newSeats', type: 'int', editable: false, width: 100 },
    { source: 'reason', type: 'text', editable: false, width: 220 },
    { source: 'requestedBy', type: 'text', editable: false, width: 100 },
    { source: 'requestedOn', type: 'date', editable: false, width: 110 },
    { source: 'decision', type: 'enum', enum: 'AdjustmentDecision', editable: false, width: 90 },
    { source: 'decidedBy', type: 'text', editable: false, width: 100 },
    { source: 'decidedOn', type: 'date', editable: false, width: 110 },
    { source: 'decisionNote', type: 'text', editable: false, width: 200 },
  ],
  filters: ['decision'],
  sheetActions: AdjustmentActions,
  display: { label: (r) => `${String(r.oldSeats)}→${String(r.newSeats)} ${String(r.requestedOn)}` },
});
