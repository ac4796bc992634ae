import GroupsIcon from '@mui/icons-material/Groups';
import { defineResource } from '../defineResource';

export const orderClass = defineResource({
  name: 'OrderClass',
  icon: GroupsIcon,
  defaultSort: { field: 'year', order: 'DESC' },
  columns: [
    { source: 'name', type: 'text', required: true, maxLength: 100, width: 220 },
    { source: 'partnershipId', type: 'reference', reference: 'Partnership', required: true, width: 300 },
    { source: 'programId', type: 'reference', reference: 'Program', required: true, width: 320 },
    { source: 'year', type: 'int', required: true, min: 2000, max: 2100, width: 80 },
    { source: 'season', type: 'enum', enum: 'Season', required: true, width: 80 },
    { source: 'seats', type: 'int', required: true, min: 1, max: 10000, total: true, width: 100 },
    { source: 'enrolled', type: 'int', min: 0, max: 10000, total: true, width: 100 },
    { source: 'employmentCommitment', type: 'int', min: 0, max: 100, width: 130 },
    { source: 'stipendPerYear', type: 'int', min: 0, max: 1000000, width: 130 },
  ],
  filters: ['partnershipId', 'year', 'season'],
  display: { label: (r) => `${String(r.name)}（${String(r.year)}）` },
});
