import { CAMPAIGN_FIRST_YEAR, CAMPAIGN_LAST_YEAR } from '../target/campaign.js';
import { Season } from './plan.enums.js';

const YEARS = CAMPAIGN_LAST_YEAR - CAMPAIGN_FIRST_YEAR + 1;
const SEASONS = Object.values(Season).length;

/**
 * Most plan lines of `programs` programs: one line per program, campaign year and season (the unique
 * key), so narrowing by a year or a season divides the bound. Used for child lists' row bounds.
 */
export const planLineBounds = (programs: number) => ({
  maxRows: programs * YEARS * SEASONS,
  maxRowsBy: { year: programs * SEASONS, season: programs * YEARS },
});
