/**
 * The days the Clerk's Office is closed besides weekends: the federal legal holidays of 5 U.S.C. 6103(a), on the days
 * they are observed, and the days the court itself declares legal holidays (docs/court-rules.md#deadlines). Pure date
 * arithmetic on 'YYYY-MM-DD' calendar days: no time zone enters here (the court's day is the Eastern one, FAQ 27).
 *
 * Inauguration Day (January 20 after a presidential election) is a legal holiday only for federal employees in the
 * Washington, D.C. area (5 U.S.C. 6103(c)); the court sits in New York, so it is not one of the court's holidays.
 */

/** One federal legal holiday in a given year. */
export interface FederalHoliday {
  /** Its name in 5 U.S.C. 6103(a): "Birthday of Martin Luther King, Jr.", "Thanksgiving Day". */
  readonly name: string;
  /** The holiday itself, YYYY-MM-DD. */
  readonly date: string;
  /**
   * The day the Clerk's Office is closed for it, YYYY-MM-DD: a Saturday holiday is observed the Friday before, a
   * Sunday holiday the Monday after (5 U.S.C. 6103(b)); otherwise the holiday itself.
   */
  readonly observed: string;
}

/** When a day that is not a federal holiday is a legal holiday, because the court declared it one. */
export interface CourtHoliday {
  readonly name: string;
  /** YYYY-MM-DD */
  readonly observed: string;
}

/**
 * Days the court declared legal holidays for the computation of time, besides the federal ones
 * (docs/court-rules.md#deadlines). Add a day here when the court announces one.
 */
export const courtDeclaredHolidays: readonly CourtHoliday[] = [
  { name: 'Day declared a legal holiday by the court', observed: '2025-11-28' },
  { name: 'Day declared a legal holiday by the court', observed: '2025-12-26' },
];

/** Juneteenth National Independence Day became a legal holiday on June 17, 2021 (Pub. L. 117-17). */
const firstJuneteenthYear = 2021;

const dayInMilliseconds = 24 * 60 * 60 * 1000;

/** 'YYYY-MM-DD' of a UTC midnight. */
function isoOf(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** UTC midnight of a calendar day, or null when the text is not a real YYYY-MM-DD day (2026-02-30 is not). */
export function calendarDayOf(date: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) {
    return null;
  }
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return isoOf(time) === date ? time : null;
}

/** Whether the text is a real calendar day written YYYY-MM-DD. */
export function isCalendarDate(date: string): boolean {
  return calendarDayOf(date) !== null;
}

/** UTC midnight of a real YYYY-MM-DD day; a RangeError for anything else, since a moved date would be worse. */
function requireDay(date: string): number {
  const time = calendarDayOf(date);
  if (time === null) {
    throw new RangeError(`A date must be a real YYYY-MM-DD day, not "${date}".`);
  }
  return time;
}

/** The day `days` after (or before, when negative) a YYYY-MM-DD day. */
export function addCalendarDays(date: string, days: number): string {
  return isoOf(requireDay(date) + days * dayInMilliseconds);
}

/** Whole calendar days from `from` to `to` (negative when `to` comes first). */
export function calendarDaysBetween(from: string, to: string): number {
  return Math.round((requireDay(to) - requireDay(from)) / dayInMilliseconds);
}

/** 0 for Sunday to 6 for Saturday. */
function weekdayOf(time: number): number {
  return new Date(time).getUTCDay();
}

/** Whether a YYYY-MM-DD day is a Saturday or a Sunday. */
export function isWeekend(date: string): boolean {
  const weekday = weekdayOf(requireDay(date));
  return weekday === 0 || weekday === 6;
}

/** The `nth` given weekday (0 Sunday … 6 Saturday) of a month: the third Monday of January. */
function nthWeekday(year: number, month: number, weekday: number, nth: number): number {
  const first = Date.UTC(year, month - 1, 1);
  const offset = (weekday - weekdayOf(first) + 7) % 7;
  return first + (offset + (nth - 1) * 7) * dayInMilliseconds;
}

/** The last given weekday of a month: the last Monday of May. */
function lastWeekday(year: number, month: number, weekday: number): number {
  const last = Date.UTC(year, month, 0);
  return last - ((weekdayOf(last) - weekday + 7) % 7) * dayInMilliseconds;
}

/** 5 U.S.C. 6103(b): a Saturday holiday is observed the Friday before, a Sunday holiday the Monday after. */
function observedOf(time: number): number {
  const weekday = weekdayOf(time);
  if (weekday === 6) {
    return time - dayInMilliseconds;
  }
  if (weekday === 0) {
    return time + dayInMilliseconds;
  }
  return time;
}

/** The holidays of 5 U.S.C. 6103(a) that fall in a year, on their own dates (not yet moved to the observed day). */
function holidaysOfYear(year: number): { readonly name: string; readonly time: number }[] {
  const fixed = (month: number, day: number): number => Date.UTC(year, month - 1, day);
  return [
    { name: 'New Year’s Day', time: fixed(1, 1) },
    { name: 'Birthday of Martin Luther King, Jr.', time: nthWeekday(year, 1, 1, 3) },
    { name: 'Washington’s Birthday', time: nthWeekday(year, 2, 1, 3) },
    { name: 'Memorial Day', time: lastWeekday(year, 5, 1) },
    ...(year >= firstJuneteenthYear ? [{ name: 'Juneteenth National Independence Day', time: fixed(6, 19) }] : []),
    { name: 'Independence Day', time: fixed(7, 4) },
    { name: 'Labor Day', time: nthWeekday(year, 9, 1, 1) },
    { name: 'Columbus Day', time: nthWeekday(year, 10, 1, 2) },
    { name: 'Veterans Day', time: fixed(11, 11) },
    { name: 'Thanksgiving Day', time: nthWeekday(year, 11, 4, 4) },
    { name: 'Christmas Day', time: fixed(12, 25) },
  ];
}

/** The earliest and latest years computed: 5 U.S.C. 6103 in its present form, and far enough for any deadline. */
const firstYear = 1971;
const lastYear = 2200;

/**
 * The federal legal holidays observed in a year, in date order. A New Year's Day that falls on a Saturday is observed
 * on December 31 of the year before, so that Friday is in the list of the year before (2021 ends with the New Year's
 * Day of 2022) and not in the list of its own year.
 */
export function federalHolidays(year: number): FederalHoliday[] {
  if (!Number.isInteger(year) || year < firstYear || year > lastYear) {
    throw new RangeError(`Holidays are computed for the years ${firstYear} to ${lastYear}, not ${year}.`);
  }
  const candidates = [...holidaysOfYear(year), ...(year < lastYear ? holidaysOfYear(year + 1).slice(0, 1) : [])];
  return candidates
    .map(({ name, time }) => ({ name, date: isoOf(time), observed: isoOf(observedOf(time)) }))
    .filter((holiday) => holiday.observed.startsWith(`${year}-`));
}

const holidaysByYear = new Map<number, readonly FederalHoliday[]>();

/** The federal holidays observed in a year, computed once. */
function cachedHolidays(year: number): readonly FederalHoliday[] {
  let holidays = holidaysByYear.get(year);
  if (holidays === undefined) {
    holidays = federalHolidays(year);
    holidaysByYear.set(year, holidays);
  }
  return holidays;
}

/**
 * The legal holiday the Clerk's Office observes on a YYYY-MM-DD day, federal or declared by the court, or null on any
 * other day (a Saturday holiday is reported on the Friday it is observed, not on the Saturday).
 */
export function holidayOn(date: string): CourtHoliday | null {
  requireDay(date);
  const year = Number(date.slice(0, 4));
  if (year < firstYear || year > lastYear) {
    return null;
  }
  const federal = cachedHolidays(year).find((holiday) => holiday.observed === date);
  if (federal) {
    return { name: federal.name, observed: federal.observed };
  }
  return courtDeclaredHolidays.find((holiday) => holiday.observed === date) ?? null;
}

/** Whether the Clerk's Office is open on a YYYY-MM-DD day: Monday to Friday, and not a legal holiday (FAQ 30). */
export function isClerksOfficeDay(date: string): boolean {
  return !isWeekend(date) && holidayOn(date) === null;
}
