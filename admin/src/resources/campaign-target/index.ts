import FlagIcon from '@mui/icons-material/Flag';
import { defineResource } from '../defineResource';
import { campaignYear } from '../columns';

export const campaignTarget = defineResource({
  name: 'CampaignTarget',
  icon: FlagIcon,
  defaultSort: { field: 'year', order: 'ASC' },
  // the server's unique key
  naturalKey: ['cityId', 'year'],
  columns: [{ source: 'cityId', type: 'reference', reference: 'City', width: 140 }, campaignYear(), { source: 'seats', type: 'int', total: true }],
  display: { label: (r, l) => `${l.label('City', r.cityId)} ${String(r.year)}`, uses: ['City'] },
});
