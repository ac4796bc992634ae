import { useEffect, useState } from 'react';
import { gql } from '@apollo/client';
import { runQuery } from '../../dataProvider';
import { loadLookup } from '../../lookups';

export interface ProgressRow { year: number; cityCode: string; cityName: string; target: number; planned: number; enrolled: number; completionRate: number | null }
export interface LevelRow { year: number; cityCode: string; enrolled: number; intermediate: number; advanced: number; preparatoryTechnician: number; advancedShare: number | null }
export interface SourceRow {
  cityCode: string;
  enrolled: number;
  skillsTraining: number;
  outOfProvinceShare: number | null;
  byTargetGroup: { targetGroup: string; students: number }[];
  byOrigin: { origin: string; provinceCode: string | null; provinceName: string | null; students: number }[];
}
export interface PartnershipRow { cityCode: string; cityName: string; kind: string; partnerships: number; classes: number; seats: number; enrolled: number }
export interface RankingRow { rank: number; cityCode: string; cityName: string; target: number; enrolled: number; completionRate: number | null; advancedShare: number | null }

export interface DashboardData {
  progress: ProgressRow[];
  levels: LevelRow[];
  sources: SourceRow[];
  partnerships: PartnershipRow[];
  ranking: RankingRow[];
  /** English city names by code */
  cityNamesEn: Map<string, string>;
}

const DASHBOARD = gql`
  query Dashboard($year: Int) {
    progress: campaignProgress { rows { year cityCode cityName target planned enrolled completionRate } }
    levels: levelMix { year cityCode enrolled intermediate advanced preparatoryTechnician advancedShare }
    sources: sourceMix(year: $year) {
      cityCode enrolled skillsTraining outOfProvinceShare
      byTargetGroup { targetGroup students }
      byOrigin { origin provinceCode provinceName students }
    }
    partnerships: partnershipStats(year: $year) { byCity { cityCode cityName kind partnerships classes seats enrolled } }
    ranking: cityRanking(year: $year) { rank cityCode cityName target enrolled completionRate advancedShare }
  }
`;

/** Everything the dashboard draws, from the five analyst queries in one request; trends span the campaign, the rest is one year. */
export function useDashboard(year: number): DashboardData | undefined {
  const [data, setData] = useState<DashboardData>();
  useEffect(() => {
    let live = true;
    type Result = { progress: { rows: ProgressRow[] }; levels: LevelRow[]; sources: SourceRow[]; partnerships: { byCity: PartnershipRow[] }; ranking: RankingRow[] };
    Promise.all([runQuery<Result>(DASHBOARD, { year }), loadLookup('City')]).then(([result, cities]) => {
      if (!live) return;
      setData({
        progress: result.progress.rows,
        levels: result.levels,
        sources: result.sources,
        partnerships: result.partnerships.byCity,
        ranking: result.ranking,
        cityNamesEn: new Map([...cities.values()].map((c) => [String(c.code), String(c.nameEn)])),
      });
    });
    return () => {
      live = false;
    };
  }, [year]);
  return data;
}

export const PROVINCE_CODE = '330000';

/** The rows of the whole scope: the province rows, or for a city bureau (which sees only its city) its own. */
export function scopeRows<T extends { cityCode: string }>(rows: T[]): T[] {
  const province = rows.filter((r) => r.cityCode === PROVINCE_CODE);
  return province.length > 0 ? province : rows;
}

export const cityRows = <T extends { cityCode: string }>(rows: T[]): T[] => rows.filter((r) => r.cityCode !== PROVINCE_CODE);
