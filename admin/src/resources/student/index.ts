import SchoolIcon from '@mui/icons-material/School';
import { defineResource } from '../defineResource';

/** 学籍: a school's roster; city bureaus read names and ID numbers masked (the server decides). */
export const student = defineResource({
  name: 'Student',
  icon: SchoolIcon,
  defaultSort: { field: 'registeredOn', order: 'DESC' },
  columns: [
    { source: 'planId', type: 'reference', reference: 'EnrollmentPlan', width: 360 },
    { source: 'name', type: 'text', filter: false, width: 100 },
    { source: 'idNumber', type: 'text', filter: false, width: 190 },
    { source: 'sex', type: 'enum', enum: 'Sex', width: 70 },
    { source: 'birthDate', type: 'date', filter: false, width: 120 },
    { source: 'targetGroup', type: 'enum', enum: 'TargetGroup', width: 150 },
    { source: 'originCode', type: 'text', region: true, patternMessage: 'validation.origin_code', width: 110 },
    { source: 'registeredOn', type: 'date', width: 120 },
    { source: 'status', type: 'enum', enum: 'StudentStatus', editable: false, width: 100 },
    { source: 'statusOn', type: 'date', editable: false, width: 120 },
  ],
  display: { label: (r) => `${String(r.name)} ${String(r.idNumber)}`, uses: [] },
});
