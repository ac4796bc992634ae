import { CAMPAIGN_FIRST_YEAR, CAMPAIGN_LAST_YEAR } from '../modules/target/campaign.js';
import type { Random } from './random.js';

const DAY_MS = 86400000;
const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const fromDayNumber = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** `date` moved by a number of days. */
export const addDays = (date: string, days: number): string => fromDayNumber(dayNumber(date) + days);

/** The earlier of two calendar dates. */
export const earlier = (a: string, b: string): string => (a < b ? a : b);

/**
 * The day the demo province is generated for. Everything dated in the demo lies on or before it:
 * years whose deadlines have passed are complete, the season under way is as far as this day, later
 * years have their targets only.
 */
export class DemoCalendar {
  constructor(readonly today: string) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(dayNumber(today)) || fromDayNumber(dayNumber(today)) !== today) {
      throw new Error(`DEMO_TODAY must be a calendar date YYYY-MM-DD, got "${today}"`);
    }
    if (today < DEMO_EARLIEST) throw new Error(`DEMO_TODAY must be on or after ${DEMO_EARLIEST} (the notice's date), got "${today}"`);
  }

  /** Whether a date has come by the demo's today. */
  reached(date: string): boolean {
    return date <= this.today;
  }

  /** Campaign years that have begun. */
  get startedYears(): number[] {
    return campaignYears().filter((year) => this.reached(`${year}-01-01`));
  }

  /** Campaign years with plan lines: planning of a year opens on 1 November of the year before. */
  get planYears(): number[] {
    return campaignYears().filter((year) => this.reached(planningOpens(year)));
  }

  /** A random date between two dates (inclusive). */
  static between(rnd: Random, from: string, to: string): string {
    return fromDayNumber(rnd.int(dayNumber(from), Math.max(dayNumber(from), dayNumber(to))));
  }
}

/** The notice (浙人社函〔2023〕37号) is dated 24 March 2023; the demo starts there. */
export const DEMO_EARLIEST = '2023-03-24';

/** Planning (drafting, review, approval, filing) of a year's lines opens on 1 November of the year before and ends in February. */
export const planningOpens = (year: number): string => `${year - 1}-11-01`;

const campaignYears = (): number[] => Array.from({ length: CAMPAIGN_LAST_YEAR - CAMPAIGN_FIRST_YEAR + 1 }, (_, i) => CAMPAIGN_FIRST_YEAR + i);
