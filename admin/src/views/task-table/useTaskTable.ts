import { useEffect, useState } from 'react';
import { gql } from '@apollo/client';
import { useLocale } from 'react-admin';
import { dataProvider, runQuery, toSaveError } from '../../dataProvider';
import { localizeMessage } from '../../i18n/localizeMessage';

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
  /** the cities the signed-in role sees figures of, in the notice's order */
  cities: { code: string; nameZh: string; nameEn: string }[];
  cell(cityCode: string, year: number): ProgressCell | undefined;
  /** the province's row and five-year cumulative; absent for a role that sees one city or school */
  province?: { cumulative: { target: number; enrolled: number; completionRate: number | null } };
  /** the task table's rows (CampaignTarget), for editing targets */
  targets: TargetRow[];
  target(cityCode: string, year: number): TargetRow | undefined;
}

const PROGRESS = gql`
  query TaskTable {
    campaignProgress {
      rows {
        year
        cityCode
        cityName
        target
        planned
        enrolled
        completionRate
      }
      cumulative {
        target
        enrolled
        completionRate
      }
    }
  }
`;

/** campaignProgress (every city and year, province rows included) and the CampaignTarget rows behind its targets. */
export function useTaskTable(generation: number): TaskTableData | { error: string } | undefined {
  const locale = useLocale();
  const [state, setState] = useState<TaskTableData | { error: string }>();
  useEffect(() => {
    let live = true;
    Promise.all([
      runQuery<{ campaignProgress: { rows: ProgressCell[]; cumulative: NonNullable<TaskTableData['province']>['cumulative'] } }>(PROGRESS),
      dataProvider.getList('CampaignTarget', { pagination: { page: 1, perPage: 10000 }, sort: { field: 'year', order: 'ASC' }, filter: {} }),
      dataProvider.getList('City', { pagination: { page: 1, perPage: 10000 }, sort: { field: 'displayOrder', order: 'ASC' }, filter: {} }),
    ]).then(
      ([progress, targets, cities]) => {
        if (!live) return;
        const { rows, cumulative } = progress.campaignProgress;
        const codeOf = new Map(cities.data.map((c) => [String(c.id), String(c.code)]));
        // a city bureau's campaignProgress holds its own city only, and its cumulative is that city's
        const covered = new Set(rows.map((r) => r.cityCode));
        setState({
          cities: cities.data
            .filter((c) => covered.has(String(c.code)))
            .map((c) => ({ code: String(c.code), nameZh: String(c.nameZh), nameEn: String(c.nameEn) })),
          cell: (cityCode, year) => rows.find((r) => r.cityCode === cityCode && r.year === year),
          province: covered.has(PROVINCE_CODE) ? { cumulative } : undefined,
          targets: targets.data as TargetRow[],
          target: (cityCode, year) => (targets.data as TargetRow[]).find((t) => codeOf.get(String(t.cityId)) === cityCode && t.year === year),
        });
      },
      (error: unknown) => live && setState({ error: localizeMessage(toSaveError(error).message, locale) }),
    );
    return () => {
      live = false;
    };
  }, [generation, locale]);
  return state;
}
