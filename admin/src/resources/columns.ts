import type { ColumnSpec } from '../sheet/types';

export const campaignYear = (source = 'year'): ColumnSpec => ({ source, type: 'int', required: true, min: 2023, max: 2027, width: 90 });
