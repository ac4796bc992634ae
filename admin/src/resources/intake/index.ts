import HowToRegIcon from '@mui/icons-material/HowToReg';
import { defineResource } from '../defineResource';

export const intake = defineResource({
  name: 'Intake',
  icon: HowToRegIcon,
  columns: [
    { source: 'planId', type: 'reference', reference: 'EnrollmentPlan', required: true, width: 400 },
    { source: 'count', type: 'int', required: true, min: 1, max: 10000, total: true, width: 90 },
    { source: 'targetGroup', type: 'enum', enum: 'TargetGroup', required: true, width: 150 },
    { source: 'originCode', type: 'text', region: true, required: true, pattern: { regex: /^\d{6}$/, message: 'validation.origin_code' }, width: 110 },
    { source: 'registeredOn', type: 'date', required: true, width: 120 },
  ],
  display: { label: (r, l) => `${l.label('EnrollmentPlan', r.planId)} ${String(r.count)}`, uses: ['EnrollmentPlan'] },
});
