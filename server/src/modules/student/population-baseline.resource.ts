import { defineResource } from '../../common/resource.js';
import { City } from '../city/city.entity.js';
import { PROVINCE_ONLY } from '../../auth/role.js';
import { PopulationBaseline } from './population-baseline.entity.js';

export const populationBaselineResource = defineResource({
  entity: PopulationBaseline,
  name: 'PopulationBaseline',
  plural: 'PopulationBaselines',
  labelZh: '2020年在校生基数',
  policy: { write: PROVINCE_ONLY },
  search: ['city.nameZh'],
  unique: [['city']],
  fields: [
    { name: 'cityId', prop: 'city', kind: 'ref', target: () => City, labelZh: '设区市', required: true },
    { name: 'students', kind: 'int', labelZh: '2020年在校生', required: true, min: 0, max: 10_000_000 },
  ],
});
