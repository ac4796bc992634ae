import HandshakeIcon from '@mui/icons-material/Handshake';
import { defineResource } from '../defineResource';
import { enumText } from '../labels';

export const partnership = defineResource({
  name: 'Partnership',
  icon: HandshakeIcon,
  defaultSort: { field: 'startsOn', order: 'DESC' },
  defaults: { status: 'ACTIVE' },
  columns: [
    { source: 'schoolId', type: 'reference', reference: 'School', width: 220 },
    { source: 'companyId', type: 'reference', reference: 'Company', width: 220 },
    { source: 'kind', type: 'enum', enum: 'PartnershipKind', width: 140 },
    { source: 'startsOn', type: 'date', width: 120 },
    { source: 'endsOn', type: 'date', width: 120 },
    { source: 'status', type: 'enum', enum: 'PartnershipStatus', width: 100 },
    { source: 'positionsOffered', type: 'int', total: true, width: 120 },
    { source: 'notes', type: 'text', multiline: true, width: 220 },
  ],
  display: {
    label: (r, l) =>
      `${l.label('School', r.schoolId)}×${String(l.record('Company', r.companyId)?.shortName ?? l.label('Company', r.companyId))}·${enumText('PartnershipKind', r.kind)}`,
    uses: ['School', 'Company'],
  },
});
