import FlightIcon from '@mui/icons-material/Flight';
import { defineResource } from '../defineResource';

export const outreachVisit = defineResource({
  name: 'OutreachVisit',
  icon: FlightIcon,
  defaultSort: { field: 'visitedOn', order: 'DESC' },
  columns: [
    { source: 'cityId', type: 'reference', reference: 'City', required: true, width: 110 },
    { source: 'visitedOn', type: 'date', required: true, width: 120 },
    { source: 'provinceCode', type: 'text', region: true, required: true, pattern: { regex: /^\d{2}0000$/, message: 'validation.province_code' }, width: 120 },
    { source: 'delegationLead', type: 'text', required: true, maxLength: 50, width: 140 },
    { source: 'agreementsSigned', type: 'int', min: 0, max: 1000, total: true, width: 110 },
    { source: 'notes', type: 'text', maxLength: 500, multiline: true, width: 280 },
  ],
  display: { label: (r, l) => `${l.label('City', r.cityId)} ${String(r.visitedOn)}`, uses: ['City'] },
});
