import GroupsIcon from '@mui/icons-material/Groups';
import { defineResource } from '../defineResource';

export const orderClass = defineResource({
  name: 'OrderClass',
  icon: GroupsIcon,
  defaultSort: { field: 'year', order: 'DESC' },
  columns: [
    { source: 'name', type: 'text', width: 220 },
    { source: 'partnershipId', type: 'reference', reference: 'Partnership', width: 300 },
    { source: 'programId', type: 'reference', reference: 'Program', width: 320 },
    { source: 'year', type: 'int', width: 80 },
    { source: 'season', type: 'enum', enum: 'Season', width: 80 },
    { source: 'seats', type: 'int', total: true, width: 100 },
    { source: 'enrolled', type: 'int', total: true, width: 100 },
    { source: 'employmentCommitment', type: 'int', width: 130 },
    { source: 'stipendPerYear', type: 'int', width: 130 },
  ],
  filters: ['partnershipId', 'year', 'season'],
  display: { label: (r) => `${String(r.name)}（${String(r.year)}）` },
});
