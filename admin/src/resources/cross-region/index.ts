import TravelExploreIcon from '@mui/icons-material/TravelExplore';
import { defineResource } from '../defineResource';

export const crossRegion = defineResource({
  name: 'CrossRegionAgreement',
  icon: TravelExploreIcon,
  defaultSort: { field: 'signedOn', order: 'DESC' },
  columns: [
    { source: 'programId', type: 'reference', reference: 'Program', width: 320 },
    {
      source: 'partnerProvinceCode',
      type: 'text',
      region: true,
      patternMessage: 'validation.province_code',
      width: 110,
    },
    { source: 'partnerInstitution', type: 'text', width: 200 },
    { source: 'stages', type: 'stages', width: 170 },
    { source: 'model', type: 'text', editable: false, width: 80 },
    { source: 'seats', type: 'int', total: true, width: 90 },
    { source: 'enrolled', type: 'int', total: true, width: 90 },
    { source: 'signedOn', type: 'date', width: 120 },
    { source: 'schoolId', type: 'reference', reference: 'School', editable: false, width: 200 },
    { source: 'cityId', type: 'reference', reference: 'City', editable: false, width: 100 },
  ],
  filters: ['cityId', 'schoolId'],
  display: { label: (r) => `${String(r.partnerInstitution)} ${String(r.model ?? '')}` },
});
