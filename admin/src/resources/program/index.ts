import ClassIcon from '@mui/icons-material/Class';
import { defineResource } from '../defineResource';
import { enumText } from '../labels';

export const program = defineResource({
  name: 'Program',
  icon: ClassIcon,
  // the server's unique key
  naturalKey: ['schoolId', 'majorId', 'level', 'entryBasis', 'studyMode'],
  columns: [
    { source: 'schoolId', type: 'reference', reference: 'School', width: 240 },
    { source: 'majorId', type: 'reference', reference: 'Major', width: 200 },
    { source: 'level', type: 'enum', enum: 'Level', width: 150 },
    { source: 'entryBasis', type: 'enum', enum: 'EntryBasis', width: 130 },
    { source: 'durationYears', type: 'int', width: 100 },
    { source: 'studyMode', type: 'enum', enum: 'StudyMode', width: 120 },
    { source: 'filedOn', type: 'date', width: 120 },
  ],
  display: {
    label: (r, l) =>
      `${l.label('School', r.schoolId)}·${String(l.record('Major', r.majorId)?.name ?? '')}·${enumText('Level', r.level)}·${enumText('EntryBasis', r.entryBasis)}`,
    uses: ['School', 'Major'],
    // 3,000 programs at full size
    fields: ['schoolId', 'majorId', 'level', 'entryBasis'],
  },
});
