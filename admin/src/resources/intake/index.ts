import HowToRegIcon from '@mui/icons-material/HowToReg';
import { defineResource } from '../defineResource';

export const intake = defineResource({
  name: 'Intake',
  icon: HowToRegIcon,
  columns: [
    { source: 'planId', type: 'reference', reference: 'EnrollmentPlan', width: 400 },
    { source: 'count', type: 'int', total: true, width: 90 },
    { source: 'targetGroup', type: 'enum', enum: 'TargetGroup', width: 150 },
    { source: 'originCode', type: 'text', region: true, patternMessage: 'validation.origin_code', width: 110 },
    { source: 'registeredOn', type: 'date', width: 120 },
  ],
  display: { label: (r, l) => `${l.label('EnrollmentPlan', r.planId)} ${String(r.count)}`, uses: ['EnrollmentPlan'] },
});
