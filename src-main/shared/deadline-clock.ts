/**
 * The court's clock. FAQ 27: an electronic filing is timely if filed before midnight Eastern Time, wherever the
 * filer sits. FAQ 30: the Clerk's Office is open 8:30 a.m. to 5:00 p.m. Eastern. Time zones come from the platform's
 * Intl data, so daylight saving changes (23- and 25-hour days) follow the official rules without a table here.
 */

import { isClerksOfficeDay } from './federal-holidays';

/** The court's time zone (FAQ 27, 30). */
export const courtTimeZone = 'America/New_York';

interface ZonedParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date and wall-clock time of an instant in a time zone. */
function zonedPartsOf(instant: Date, timeZone: string): ZonedParts {
  let format = partsFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(instant);
  const value = (type: Intl.DateTimeFormatPartTypes): string => parts.find((part) => part.type === type)?.value ?? '';
  return {
    year: Number(value('year')),
    month: Number(value('month')),
    day: Number(value('day')),
    hour: Number(value('hour')),
    minute: Number(value('minute')),
    second: Number(value('second')),
  };
}

/** How far the zone's wall clock is ahead of UTC at that instant, in milliseconds (negative west of Greenwich). */
function offsetOf(instant: Date, timeZone: string): number {
  const wall = zonedPartsOf(instant, timeZone);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return wallAsUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant an Eastern calendar day begins. US changes happen at 2 a.m., so midnight always exists exactly once. */
function easternMidnightOf(year: number, month: number, day: number): Date {
  const wallAsUtc = Date.UTC(year, month - 1, day);
  const firstGuess = wallAsUtc - offsetOf(new Date(wallAsUtc), courtTimeZone);
  return new Date(wallAsUtc - offsetOf(new Date(firstGuess), courtTimeZone));
}

/** The instant the current Eastern calendar day ends: the next 00:00 Eastern, 23 or 25 hours away on DST change days. */
export function easternMidnightEnding(now: Date): Date {
  const today = zonedPartsOf(now, courtTimeZone);
  // Date.UTC rolls day 32 over into the next month, and December 32 into the next year.
  const tomorrow = new Date(Date.UTC(today.year, today.month - 1, today.day + 1));
  return easternMidnightOf(tomorrow.getUTCFullYear(), tomorrow.getUTCMonth() + 1, tomorrow.getUTCDate());
}

/** The Eastern calendar date of an instant, as 'YYYY-MM-DD'. */
export function easternDateOf(instant: Date): string {
  const { year, month, day } = zonedPartsOf(instant, courtTimeZone);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const clerkOpensAtMinute = 8 * 60 + 30;
const clerkClosesAtMinute = 17 * 60;

/**
 * FAQ 30: the Clerk's Office is open Monday to Friday, 8:30 a.m. to 5:00 p.m. Eastern, and closed on legal holidays
 * (the federal ones and those the court declares: docs/court-rules.md#deadlines).
 */
export function isWithinClerkHours(now: Date): boolean {
  const eastern = zonedPartsOf(now, courtTimeZone);
  const minute = eastern.hour * 60 + eastern.minute;
  return minute >= clerkOpensAtMinute && minute < clerkClosesAtMinute && isClerksOfficeDay(easternDateOf(now));
}

/** How close today's midnight Eastern is, on the court's clock and on the filer's own. */
export interface DeadlineStatus {
  readonly midnightEastern: Date;
  readonly millisecondsLeft: number;
  /** "3 h 12 min", "45 min", "under a minute". */
  readonly timeLeft: string;
  /** "4:12 PM EST", or EDT in summer. */
  readonly easternClock: string;
  /** The same instant in the filer's zone: "1:12 PM PST". */
  readonly localClock: string;
  readonly localTimeZone: string;
  /** Outside the Clerk's Office hours (FAQ 30): the help desk is closed and Z-events are the fallback. */
  readonly isAfterClerkHours: boolean;
  /** `soon` under 3 hours to midnight Eastern, `urgent` under 1 hour. */
  readonly level: 'calm' | 'soon' | 'urgent';
}

const minuteInMilliseconds = 60_000;
const hourInMilliseconds = 60 * minuteInMilliseconds;

/** "3 h 12 min", "45 min" or "under a minute", rounded down so the filer never sees more time than there is. */
function describeTimeLeft(milliseconds: number): string {
  if (milliseconds < minuteInMilliseconds) {
    return 'under a minute';
  }
  const hours = Math.floor(milliseconds / hourInMilliseconds);
  const minutes = Math.floor((milliseconds % hourInMilliseconds) / minuteInMilliseconds);
  return hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min`;
}

/** "4:12 PM EST": the wall-clock time and the zone's short name at that instant. */
function clockIn(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(instant);
}

/** FAQ 27: the time left before today's filings become late, for the deadline banner. */
export function deadlineStatus(now: Date, localTimeZone: string): DeadlineStatus {
  const midnightEastern = easternMidnightEnding(now);
  const millisecondsLeft = midnightEastern.getTime() - now.getTime();
  const level =
    millisecondsLeft < hourInMilliseconds ? 'urgent' : millisecondsLeft < 3 * hourInMilliseconds ? 'soon' : 'calm';
  return {
    midnightEastern,
    millisecondsLeft,
    timeLeft: describeTimeLeft(millisecondsLeft),
    easternClock: clockIn(now, courtTimeZone),
    localClock: clockIn(now, localTimeZone),
    localTimeZone,
    isAfterClerkHours: !isWithinClerkHours(now),
    level,
  };
}
