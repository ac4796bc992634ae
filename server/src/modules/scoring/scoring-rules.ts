import { summaryDueOn } from '../summary/summary-rules.js';
import { ScoreCriterion } from './scoring.enums.js';

/** Visits to other provinces a year that earn the whole criterion. */
export const OUTREACH_VISITS_EXPECTED = 2;
/** What each case still open costs of its criterion. */
export const OPEN_CASE_PENALTY = 0.25;
/** A change of the advanced share smaller than this counts as flat. */
export const TREND_FLAT = 0.005;

/** What the data says about one city's year. */
export interface CityYearFacts {
  target: number;
  enrolled: number;
  advanced: number;
  previousEnrolled: number;
  previousAdvanced: number;
  summarySubmittedOn: string | null;
  outreachVisits: number;
  openCases: number;
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

/**
 * How far a city met each criterion, from 0 to 1. The advanced share is measured against the best
 * city's; a trend without a previous year, and a summary not yet due, are not held against the city.
 */
export function attainments(facts: CityYearFacts, year: number, bestAdvancedShare: number, today: string): Record<ScoreCriterion, number> {
  const advancedShare = share(facts.advanced, facts.enrolled);
  const change = advancedShare - share(facts.previousAdvanced, facts.previousEnrolled);
  const due = summaryDueOn(year);
  return {
    [ScoreCriterion.COMPLETION]: Math.min(1, share(facts.enrolled, facts.target)),
    [ScoreCriterion.ADVANCED_SHARE]: bestAdvancedShare > 0 ? advancedShare / bestAdvancedShare : 0,
    [ScoreCriterion.ADVANCED_TREND]: facts.previousEnrolled === 0 || change > TREND_FLAT ? 1 : change >= -TREND_FLAT ? 0.5 : 0,
    [ScoreCriterion.SUMMARY_ON_TIME]: facts.summarySubmittedOn ? (facts.summarySubmittedOn <= due ? 1 : 0.5) : today <= due ? 1 : 0,
    [ScoreCriterion.OUTREACH_VISITS]: Math.min(1, facts.outreachVisits / OUTREACH_VISITS_EXPECTED),
    [ScoreCriterion.OPEN_CASES]: Math.max(0, 1 - OPEN_CASE_PENALTY * facts.openCases),
  };
}
