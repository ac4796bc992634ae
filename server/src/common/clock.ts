/** The source of "now" for rules that depend on the date (summary deadlines, decision dates). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until moved; tests and back-dated imports use it. */
export class FixedClock implements Clock {
  private instant: Date;

  constructor(instant: string | Date) {
    this.instant = new Date(instant);
  }

  now(): Date {
    return new Date(this.instant);
  }

  set(instant: string | Date): void {
    this.instant = new Date(instant);
  }
}

const SHANGHAI_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's calendar date (`YYYY-MM-DD`) in China Standard Time. */
export const todayIn = (clock: Clock): string => SHANGHAI_DATE.format(clock.now());
