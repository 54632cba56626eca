import { holidayOn, isWeekend } from '../../src-main/shared/court-calendar';
import type { HelpContact } from '../../src-main/shared/court-help';
import { courtTimeZone, easternDateOf, isWithinClerkHours } from '../../src-main/shared/deadline-clock';
import { describeTimeZone } from '../accounts/describe-account';

/** A wall-clock time of day, as an office states its hours. */
interface ClockTime {
  readonly hour: number;
  readonly minute: number;
}

/** An office's hours in words: in its own time zone, and the same hours on the reader's clock (null when the zones agree). */
export interface OfficeHoursText {
  /** "8:30 a.m.–5:00 p.m. Eastern Time" */
  readonly office: string;
  /** "5:30 a.m.–2:00 p.m. your time (Pacific Time)", or null when the reader's clock shows the office's hours. */
  readonly local: string | null;
}

// The contacts state their hours the way the court's FAQ does: "8:30 a.m. to 5:00 p.m.".
const hoursPattern = /^(\d{1,2}):(\d{2}) ([ap])\.m\. to (\d{1,2}):(\d{2}) ([ap])\.m\.$/;

/** "8:30 a.m. to 5:00 p.m." as opening and closing times, or null when the text is in another form. */
function parseOfficeHours(hours: string): { readonly opens: ClockTime; readonly closes: ClockTime } | null {
  const match = hoursPattern.exec(hours.trim());
  if (!match) {
    return null;
  }
  const clock = (hour: string, minute: string, half: string): ClockTime => ({
    hour: (Number(hour) % 12) + (half === 'p' ? 12 : 0),
    minute: Number(minute),
  });
  const [, openHour = '', openMinute = '', openHalf = '', closeHour = '', closeMinute = '', closeHalf = ''] = match;
  return { opens: clock(openHour, openMinute, openHalf), closes: clock(closeHour, closeMinute, closeHalf) };
}

/** The time zone this computer is set to. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The calendar date and time of day of an instant in a zone, as if that wall clock were UTC (for date arithmetic). */
function wallClockAsUtc(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(instant);
  const value = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((part) => part.type === type)?.value ?? 0);
  return Date.UTC(value('year'), value('month') - 1, value('day'), value('hour'), value('minute'));
}

/** Midnight of the zone's calendar date that contains `instant`, counted as if that wall clock were UTC. */
function dayStartOf(instant: number, timeZone: string): number {
  const wall = new Date(wallClockAsUtc(instant, timeZone));
  return Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate());
}

/** The instant the zone's wall clock shows `time` on the zone's calendar date that contains `day`. */
function instantOf(time: ClockTime, day: number, timeZone: string): number {
  const wanted = dayStartOf(day, timeZone) + (time.hour * 60 + time.minute) * 60_000;
  // Two rounds settle the offset even when daylight saving changes between midnight and the wanted time.
  const firstGuess = wanted - (wallClockAsUtc(wanted, timeZone) - wanted);
  return wanted - (wallClockAsUtc(firstGuess, timeZone) - firstGuess);
}

const dayInMilliseconds = 24 * 60 * 60_000;

/** "5:30 a.m." on the reader's clock, with " the next day" or " the day before" when the reader's date differs from the office's. */
function localClock(instant: number, officeDayStart: number, localTimeZone: string): string {
  const wall = new Date(wallClockAsUtc(instant, localTimeZone));
  const clock = formatClock({ hour: wall.getUTCHours(), minute: wall.getUTCMinutes() });
  const dayShift = Math.round((dayStartOf(instant, localTimeZone) - officeDayStart) / dayInMilliseconds);
  if (dayShift > 0) {
    return `${clock} the next day`;
  }
  if (dayShift < 0) {
    return `${clock} the day before`;
  }
  return clock;
}

/** "8:30 a.m.", "12:00 p.m.": the court's own way of writing a time. */
function formatClock({ hour, minute }: ClockTime): string {
  const half = hour < 12 ? 'a.m.' : 'p.m.';
  const twelveHour = hour % 12 === 0 ? 12 : hour % 12;
  return `${twelveHour}:${String(minute).padStart(2, '0')} ${half}`;
}

/**
 * An office's hours with its time zone spelled out, and the same hours on the reader's clock today (daylight saving
 * differs between places, so "today" matters): "8:30 a.m.–5:00 p.m. Eastern Time — 5:30 a.m.–2:00 p.m. your time".
 */
export function describeOfficeHours(contact: HelpContact, now: Date, localTimeZone: string): OfficeHoursText {
  const zoneName = describeTimeZone(contact.timeZone);
  const hours = parseOfficeHours(contact.hours);
  if (!hours) {
    return { office: `${contact.hours} ${zoneName}`, local: null };
  }
  const office = `${formatClock(hours.opens)}–${formatClock(hours.closes)} ${zoneName}`;
  try {
    const opens = instantOf(hours.opens, now.getTime(), contact.timeZone);
    const closes = instantOf(hours.closes, now.getTime(), contact.timeZone);
    const officeDayStart = dayStartOf(now.getTime(), contact.timeZone);
    const localOpens = localClock(opens, officeDayStart, localTimeZone);
    const localCloses = localClock(closes, officeDayStart, localTimeZone);
    if (localOpens === formatClock(hours.opens) && localCloses === formatClock(hours.closes)) {
      return { office, local: null };
    }
    return { office, local: `${localOpens}–${localCloses} your time (${describeTimeZone(localTimeZone)})` };
  } catch {
    // An unknown local zone: the office's own hours still stand.
    return { office, local: null };
  }
}

/** Whether the Clerk's Office is open at an instant, and in words why not. */
export interface ClerksOfficeOpenText {
  readonly isOpen: boolean;
  /** "Open now", "Closed today: Thanksgiving Day (a legal holiday)", "Closed for the weekend", "Closed for the day". */
  readonly text: string;
}

/**
 * Whether the Clerk's Office, and its Help Desk with it (FAQ 06), is open at `now` on the court's clock: Monday to
 * Friday, 8:30 a.m. to 5:00 p.m. Eastern, except legal holidays, which are named (FAQ 30; docs/court-rules.md#deadlines).
 */
export function describeClerksOfficeOpen(now: Date): ClerksOfficeOpenText {
  if (isWithinClerkHours(now)) {
    return { isOpen: true, text: 'Open now' };
  }
  const today = easternDateOf(now);
  const holiday = holidayOn(today);
  if (holiday) {
    return { isOpen: false, text: `Closed today: ${holiday.name} (a legal holiday)` };
  }
  if (isWeekend(today)) {
    return { isOpen: false, text: 'Closed for the weekend' };
  }
  const isMorning =
    Number(
      new Intl.DateTimeFormat('en-US', { timeZone: courtTimeZone, hour: 'numeric', hourCycle: 'h23' }).format(now),
    ) < 12;
  return { isOpen: false, text: isMorning ? 'Closed now; opens at 8:30 a.m. Eastern' : 'Closed for the day' };
}
