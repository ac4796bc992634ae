import { gql } from '@apollo/client';
import { runQuery } from '../../dataProvider';
import { loadLookup } from '../../lookups';
import { usePart, type Part } from '../part';

export { rowsOf, type Part } from '../part';

export interface ProgressRow {
  year: number;
  cityCode: string;
  cityName: string;
  /** set when the figures are one school's */
  schoolName: string | null;
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
  /** set when the figures are one school's */
  schoolName: string | null;
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

/** 在校学生 in one group (studentPopulation): by city with the 2020 base and the 翻一番 ratio, or a school's count. */
export interface PopulationRow {
  key: string;
  label: string;
  students: number;
  baseline: number | null;
  ratio: number | null;
}
export type PopulationGroupBy = 'CITY' | 'SCHOOL';

export interface DashboardData {
  progress: Part<ProgressRow[]>;
  levels: Part<LevelRow[]>;
  sources: Part<SourceRow[]>;
  partnerships: Part<PartnershipRow[]>;
  /** comparing every city is for province-wide roles; absent for the others */
  ranking?: Part<RankingRow[]>;
  /** 绩效考核 scores with their breakdown: every city for province-wide roles, its own for a city bureau; absent for school staff */
  scores?: Part<ScoreRow[]>;
  /** 在校学生 on a day: by city for the roles whose place is the province or a city, by school for school staff; absent for roles that may not ask */
  population?: Part<PopulationRow[]>;
  /** English city names by code */
  cityNamesEn: Map<string, string>;
}

const PROGRESS = gql`
  query DashboardProgress($schoolId: ID) {
    campaignProgress(schoolId: $schoolId) {
      rows {
        year
        cityCode
        cityName
        schoolName
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
      schoolName
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

const POPULATION = gql`
  query DashboardPopulation($on: LocalDate, $groupBy: PopulationGroupBy!) {
    studentPopulation(on: $on, groupBy: $groupBy) {
      key
      label
      students
      baseline
      ratio
    }
  }
`;

/** Which parts beyond those every role draws the signed-in role asks for. */
export interface DashboardAsks {
  /** the school whose own figures are drawn (school staff's), or null for the role's whole place */
  schoolId: string | null;
  /** the city ranking: province-wide roles */
  ranking: boolean;
  /** the scores: those and city bureaus (the server gives a bureau its own city's) */
  scores: boolean;
  /** 在校学生 on the day `on`, grouped so; null for a role that may not ask */
  population: { groupBy: PopulationGroupBy; on: string } | null;
}

/**
 * Everything the dashboard draws, each part from its own query so that one refusal cannot blank the
 * page; trends span the campaign, the rest is one year.
 */
export function useDashboard(year: number, asks: DashboardAsks): DashboardData {
  const progress = usePart(
    () => runQuery<{ campaignProgress: { rows: ProgressRow[] } }>(PROGRESS, { schoolId: asks.schoolId }).then((r) => r.campaignProgress.rows),
    [asks.schoolId],
  );
  const levels = usePart(() => runQuery<{ levelMix: LevelRow[] }>(LEVELS).then((r) => r.levelMix), []);
  const sources = usePart(() => runQuery<{ sourceMix: SourceRow[] }>(SOURCES, { year }).then((r) => r.sourceMix), [year]);
  const partnerships = usePart(
    () =>
      runQuery<{ partnershipStats: { schoolName: string | null; byCity: Omit<PartnershipRow, 'schoolName'>[] } }>(PARTNERSHIPS, { year }).then((r) =>
        r.partnershipStats.byCity.map((row) => ({ ...row, schoolName: r.partnershipStats.schoolName })),
      ),
    [year],
  );
  const ranking = usePart(() => runQuery<{ cityRanking: RankingRow[] }>(RANKING, { year }).then((r) => r.cityRanking), [year], asks.ranking);
  const scores = usePart(() => runQuery<{ cityScores: ScoreRow[] }>(SCORES, { year }).then((r) => r.cityScores), [year], asks.scores);
  const population = usePart(
    () => runQuery<{ studentPopulation: PopulationRow[] }>(POPULATION, { ...asks.population }).then((r) => r.studentPopulation),
    [asks.population?.groupBy, asks.population?.on],
    asks.population !== null,
  );
  const cities = usePart(() => loadLookup('City'), []);
  const cityNamesEn = new Map(cities?.state === 'ready' ? [...cities.value.values()].map((c) => [String(c.code), String(c.nameEn)]) : []);
  return { progress: progress!, levels: levels!, sources: sources!, partnerships: partnerships!, ranking, scores, population, cityNamesEn };
}

export const PROVINCE_CODE = '330000';

/** The rows of the whole scope: the province rows, or for a city bureau (which sees only its city) its own. */
export function scopeRows<T extends { cityCode: string }>(rows: T[]): T[] {
  const province = rows.filter((r) => r.cityCode === PROVINCE_CODE);
  return province.length > 0 ? province : rows;
}

export const cityRows = <T extends { cityCode: string }>(rows: T[]): T[] => rows.filter((r) => r.cityCode !== PROVINCE_CODE);
