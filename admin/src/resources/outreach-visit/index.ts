import FlightIcon from '@mui/icons-material/Flight';
import { defineResource } from '../defineResource';

export const outreachVisit = defineResource({
  name: 'OutreachVisit',
  icon: FlightIcon,
  defaultSort: { field: 'visitedOn', order: 'DESC' },
  columns: [
    { source: 'cityId', type: 'reference', reference: 'City', width: 110 },
    { source: 'visitedOn', type: 'date', width: 120 },
    { source: 'provinceCode', type: 'text', region: true, patternMessage: 'validation.province_code', width: 120 },
    { source: 'delegationLead', type: 'text', width: 140 },
    { source: 'agreementsSigned', type: 'int', total: true, width: 110 },
    { source: 'notes', type: 'text', multiline: true, width: 280 },
  ],
  display: { label: (r, l) => `${l.label('City', r.cityId)} ${String(r.visitedOn)}`, uses: ['City'] },
});
