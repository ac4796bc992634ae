import SummarizeIcon from '@mui/icons-material/Summarize';
import { defineResource } from '../defineResource';
import { SubmitSelectedSummaries, SubmitSummaryButton } from './SummaryActions';

export const annualSummary = defineResource({
  name: 'AnnualSummary',
  icon: SummarizeIcon,
  defaultSort: { field: 'year', order: 'DESC' },
  // the server's unique key
  naturalKey: ['cityId', 'year'],
  columns: [
    { source: 'cityId', type: 'reference', reference: 'City', width: 110 },
    { source: 'year', type: 'int', width: 80 },
    { source: 'problems', type: 'text', multiline: true, width: 320 },
    { source: 'nextYearMeasures', type: 'text', multiline: true, width: 320 },
    { source: 'status', type: 'enum', enum: 'SummaryStatus', editable: false, width: 90 },
    { source: 'dueOn', type: 'date', editable: false, width: 110 },
    { source: 'submittedOn', type: 'date', editable: false, width: 110 },
    { source: 'late', type: 'boolean', editable: false, width: 70 },
  ],
  filters: ['cityId', 'year'],
  sheetActions: SubmitSelectedSummaries,
  recordActions: SubmitSummaryButton,
  display: { label: (r, l) => `${l.label('City', r.cityId)} ${String(r.year)}`, uses: ['City'] },
});
