import TravelExploreIcon from '@mui/icons-material/TravelExplore';
import { defineResource } from '../defineResource';

export const crossRegion = defineResource({
  name: 'CrossRegionAgreement',
  icon: TravelExploreIcon,
  defaultSort: { field: 'signedOn', order: 'DESC' },
  columns: [
    { source: 'programId', type: 'reference', reference: 'Program', required: true, width: 320 },
    {
      source: 'partnerProvinceCode',
      type: 'text',
      region: true,
      required: true,
      pattern: { regex: /^\d{2}0000$/, message: 'validation.province_code' },
      width: 110,
    },
    { source: 'partnerInstitution', type: 'text', required: true, maxLength: 100, width: 200 },
    { source: 'stages', type: 'stages', required: true, width: 170 },
    { source: 'model', type: 'text', editable: false, width: 80 },
    { source: 'seats', type: 'int', required: true, min: 1, max: 10000, total: true, width: 90 },
    { source: 'enrolled', type: 'int', min: 0, max: 10000, total: true, width: 90 },
    { source: 'signedOn', type: 'date', required: true, width: 120 },
    { source: 'schoolId', type: 'reference', reference: 'School', editable: false, width: 200 },
    { source: 'cityId', type: 'reference', reference: 'City', editable: false, width: 100 },
  ],
  filters: ['cityId', 'schoolId'],
  display: { label: (r) => `${String(r.partnerInstitution)} ${String(r.model ?? '')}` },
});
