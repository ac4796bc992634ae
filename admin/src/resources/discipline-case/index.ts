import GavelIcon from '@mui/icons-material/Gavel';
import { defineResource } from '../defineResource';

/** 招生秩序登记: complaints and inspections; the status moves through moveDisciplineCase, not by editing. */
export const disciplineCase = defineResource({
  name: 'DisciplineCase',
  icon: GavelIcon,
  defaultSort: { field: 'reportedOn', order: 'DESC' },
  columns: [
    { source: 'cityId', type: 'reference', reference: 'City', width: 110 },
    { source: 'schoolId', type: 'reference', reference: 'School', width: 180 },
    { source: 'kind', type: 'enum', enum: 'DisciplineKind', width: 120 },
    { source: 'source', type: 'enum', enum: 'DisciplineSource', width: 120 },
    { source: 'reportedOn', type: 'date', width: 120 },
    { source: 'summary', type: 'text', multiline: true, width: 260 },
    { source: 'findings', type: 'text', multiline: true, width: 260 },
    { source: 'measures', type: 'text', multiline: true, width: 220 },
    { source: 'status', type: 'enum', enum: 'DisciplineStatus', editable: false, width: 120 },
    { source: 'statusChangedOn', type: 'date', editable: false, width: 120 },
    { source: 'referredOn', type: 'date', editable: false, width: 120 },
  ],
  display: { label: (r, l) => `${l.label('City', r.cityId)} ${String(r.reportedOn)}`, uses: ['City'] },
});
