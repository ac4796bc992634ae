import { useEffect, useState } from 'react';
import { gql } from '@apollo/client';
import { useLocale } from 'react-admin';
import { runQuery, toSaveError } from '../../dataProvider';
import { localizeMessage } from '../../i18n/localizeMessage';
import { loadLookup } from '../../lookups';

export interface ProgressRow {
  year: number;
  cityCode: string;
  cityName: string;
  target: number;
  planned: number;
  enrolled: number;
  completionRate: number | null;
}
export interface LevelRow {
  year: number;
  cityCode: string;
  schoolId: string | null;
  enrolled: number;
  intermediate: number;
  advanced: number;
  preparatoryTechnician: number;
  advancedShare: number | null;
}
export interface SourceRow {
  cityCode: string;
  enrolled: number;
  skillsTraining: number;
  outOfProvinceShare: number | null;
  byTargetGroup: { targetGroup: string; students: number }[];
  byOrigin: { origin: string; provinceCode: string | null; provinceName: string | null; students: number }[];
}
export interface PartnershipRow {
  cityCode: string;
  cityName: string;
  kind: string;
  partnerships: number;
  classes: number;
  seats: number;
  enrolled: number;
}
export interface RankingRow {
  rank: number;
  cityCode: string;
  cityName: string;
  target: number;
  enrolled: number;
  completionRate: number | null;
  advancedShare: number | null;
}

export interface ScorePart {
  criterion: string;
  weight: number;
  attainment: number;
  points: number;
}
export interface ScoreRow {
  rank: number;
  cityCode: string;
  cityName: string;
  score: number;
  breakdown: ScorePart[];
}

/** One part of the page, loaded on its own: a refusal or failure shows in place of that part only. */
export type Part<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; value: T };

export interface DashboardData {
  progress: Part<ProgressRow[]>;
  levels: Part<LevelRow[]>;
  sources: Part<SourceRow[]>;
  partnerships: Part<PartnershipRow[]>;
  /** comparing every city is for province-wide roles; absent for the others */
  ranking?: Part<RankingRow[]>;
  /** 绩效考核 scores with their breakdown: every city for province-wide roles, its own for a city bureau; absent for school staff */
  scores?: Part<ScoreRow[]>;
  /** English city names by code */
  cityNamesEn: Map<string, string>;
}

const PROGRESS = gql`
  query DashboardProgress {
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
    }
  }
`;
const LEVELS = gql`
  query DashboardLevels {
    levelMix {
      year
      cityCode
      schoolId
      enrolled
      intermediate
      advanced
      preparatoryTechnician
      advancedShare
    }
  }
`;
const SOURCES = gql`
  query DashboardSources($year: Int) {
    sourceMix(year: $year) {
      cityCode
      enrolled
      skillsTraining
      outOfProvinceShare
      byTargetGroup {
        targetGroup
        students
      }
      byOrigin {
        origin
        provinceCode
        provinceName
        students
      }
    }
  }
`;
const PARTNERSHIPS = gql`
  query DashboardPartnerships($year: Int) {
    partnershipStats(year: $year) {
      byCity {
        cityCode
        cityName
        kind
        partnerships
        classes
        seats
        enrolled
      }
    }
  }
`;
const RANKING = gql`
  query DashboardRanking($year: Int) {
    cityRanking(year: $year) {
      rank
      cityCode
      cityName
      target
      enrolled
      completionRate
      advancedShare
    }
  }
`;

const SCORES = gql`
  query DashboardScores($year: Int!) {
    cityScores(year: $year) {
      rank
      cityCode
      cityName
      score
      breakdown {
        criterion
        weight
        attainment
        points
      }
    }
  }
`;

const loading = { state: 'loading' } as const;

/** A query's answer as a Part; the message is the server's, in the language shown. */
function usePart<T>(load: () => Promise<T>, deps: unknown[], enabled = true): Part<T> | undefined {
  const locale = useLocale();
  const [part, setPart] = useState<Part<T>>(loading);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    setPart(loading);
    load().then(
      (value) => live && setPart({ state: 'ready', value }),
      (error: unknown) => live && setPart({ state: 'error', message: localizeMessage(toSaveError(error).message, locale) }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, enabled, locale]);
  return enabled ? part : undefined;
}

/**
 * Everything the dashboard draws, each part from its own analyst query so that one refusal cannot blank
 * the page; trends span the campaign, the rest is one year. The ranking is asked only by province-wide roles,
 * the scores by those and city bureaus (the server gives a bureau its own city's).
 */
export function useDashboard(year: number, provinceWide: boolean, scored: boolean): DashboardData {
  const progress = usePart(() => runQuery<{ campaignProgress: { rows: ProgressRow[] } }>(PROGRESS).then((r) => r.campaignProgress.rows), []);
  const levels = usePart(() => runQuery<{ levelMix: LevelRow[] }>(LEVELS).then((r) => r.levelMix), []);
  const sources = usePart(() => runQuery<{ sourceMix: SourceRow[] }>(SOURCES, { year }).then((r) => r.sourceMix), [year]);
  const partnerships = usePart(
    () => runQuery<{ partnershipStats: { byCity: PartnershipRow[] } }>(PARTNERSHIPS, { year }).then((r) => r.partnershipStats.byCity),
    [year],
  );
  const ranking = usePart(() => runQuery<{ cityRanking: RankingRow[] }>(RANKING, { year }).then((r) => r.cityRanking), [year], provinceWide);
  const scores = usePart(() => runQuery<{ cityScores: ScoreRow[] }>(SCORES, { year }).then((r) => r.cityScores), [year], scored);
  const cities = usePart(() => loadLookup('City'), []);
  const cityNamesEn = new Map(cities?.state === 'ready' ? [...cities.value.values()].map((c) => [String(c.code), String(c.nameEn)]) : []);
  return { progress: progress!, levels: levels!, sources: sources!, partnerships: partnerships!, ranking, scores, cityNamesEn };
}

/** The rows of a part, or none while it loads or failed. */
export const rowsOf = <T>(part: Part<T[]> | undefined): T[] => (part?.state === 'ready' ? part.value : []);

export const PROVINCE_CODE = '330000';

/** The rows of the whole scope: the province rows, or for a city bureau (which sees only its city) its own. */
export function scopeRows<T extends { cityCode: string }>(rows: T[]): T[] {
  const province = rows.filter((r) => r.cityCode === PROVINCE_CODE);
  return province.length > 0 ? province : rows;
}

export const cityRows = <T extends { cityCode: string }>(rows: T[]): T[] => rows.filter((r) => r.cityCode !== PROVINCE_CODE);
