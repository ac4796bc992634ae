import { useEffect, useState } from 'react';
import { dataProvider } from '../dataProvider';
import { Lookups, loadLookup } from '../lookups';

export interface TargetRow {
  id: string;
  version: number;
  cityId: string;
  year: number;
  seats: number;
}

/** The notice's task table (every city × year target) and the cities in the notice's order. */
export function useCampaignTargets(generation: number) {
  const [state, setState] = useState<{ targets: TargetRow[]; cities: { id: string; nameZh: string; nameEn: string }[] }>();
  useEffect(() => {
    let live = true;
    Promise.all([
      dataProvider.getList('CampaignTarget', { pagination: { page: 1, perPage: 10000 }, sort: { field: 'year', order: 'ASC' }, filter: {} }),
      dataProvider.getList('City', { pagination: { page: 1, perPage: 10000 }, sort: { field: 'displayOrder', order: 'ASC' }, filter: {} }),
      loadLookup('City'),
    ]).then(([targets, cities]) => {
      if (live) setState({ targets: targets.data as TargetRow[], cities: cities.data as { id: string; nameZh: string; nameEn: string }[] });
    });
    return () => {
      live = false;
    };
  }, [generation]);
  return state;
}

export const YEARS = [2023, 2024, 2025, 2026, 2027];
export const lookups = new Lookups();
