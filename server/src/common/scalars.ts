import { LocalDateResolver } from 'graphql-scalars';

/** Calendar date `YYYY-MM-DD` (China Standard Time), never a timestamp. */
export const CalendarDate = LocalDateResolver;
