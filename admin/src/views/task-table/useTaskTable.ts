import { useEffect, useState } from 'react';
import { gql } from '@apollo/client';
import { dataProvider, runQuery } from '../../dataProvider';

export const YEARS = [2023, 2024, 2025, 2026, 2027];
export const PROVINCE_CODE = '330000';

export interface ProgressCell {
  year: number;
  cityCode: string;
  cityName: string;
  target: number;
  planned: number;
  enrolled: number;
  completionRate: number | null;
}

export interface TargetRow {
  id: string;
  version: number;
  cityId: string;
  year: number;
  seats: number;
}

export interface TaskTableData {
  /** cities in the notice's order */
  cities: { code: string; nameZh: string; nameEn: string }[];
  cell(cityCode: string, year: number): ProgressCell | undefined;
  cumulative: { target: number; enrolled: number; completionRate: number | null };
  /** the task table's rows (CampaignTarget), for editing targets */
  targets: TargetRow[];
  target(cityCode: string, year: number): TargetRow | undefined;
}

const PROGRESS = gql`
  query TaskTable {
    campaignProgress {
      rows { year cityCode cityName target planned enrolled completionRate }
      cumulative { target enrolled completionRate }
    }
  }
`;

/** campaignProgress (every city and year, province rows included) and the CampaignTarget rows behind its targets. */
export function useTaskTable(generation: number): TaskTableData | undefined {
  const [state, setState] = useState<TaskTableData>();
  useEffect(() => {
    let live = true;
    Promise.all([
      runQuery<{ campaignProgress: { rows: ProgressCell[]; cumulative: TaskTableData['cumulative'] } }>(PROGRESS),
      dataProvider.getList('CampaignTarget', { pagination: { page: 1, perPage: 10000 }, sort: { field: 'year', order: 'ASC' }, filter: {} }),
      dataProvider.getList('City', { pagination: { page: 1, perPage: 10000 }, sort: { field: 'displayOrder', order: 'ASC' }, filter: {} }),
    ]).then(([progress, targets, cities]) => {
      if (!live) return;
      const { rows, cumulative } = progress.campaignProgress;
      const codeOf = new Map(cities.data.map((c) => [String(c.id), String(c.code)]));
      setState({
        cities: cities.data.map((c) => ({ code: String(c.code), nameZh: String(c.nameZh), nameEn: String(c.nameEn) })),
        cell: (cityCode, year) => rows.find((r) => r.cityCode === cityCode && r.year === year),
        cumulative,
        targets: targets.data as TargetRow[],
        target: (cityCode, year) => (targets.data as TargetRow[]).find((t) => codeOf.get(String(t.cityId)) === cityCode && t.year === year),
      });
    });
    return () => {
      live = false;
    };
  }, [generation]);
  return state;
}
