/**
 * The court's calendar: which days count (docs/court-rules.md#deadlines), how a period in days is computed (USCIT Rule
 * 6(a)), when a response to a motion is due (USCIT Rule 7(d)), and how near a due date is on the court's clock
 * (FAQ 27: a filing is timely before midnight Eastern on the last day, wherever the filer sits).
 */
import { courtTimeZone, easternDateOf, easternMidnightEnding } from './deadline-clock';
import { addCalendarDays, calendarDayOf, calendarDaysBetween, isClerksOfficeDay } from './federal-holidays';

export {
  courtDeclaredHolidays,
  federalHolidays,
  holidayOn,
  isCalendarDate,
  isClerksOfficeDay,
  isWeekend,
  type CourtHoliday,
  type FederalHoliday,
} from './federal-holidays';

/** The longest period computed: ten years of days, far beyond any period the rules set. */
const maxPeriodDays = 3650;

/**
 * USCIT Rule 6(a)(1): a period stated in days excludes the day of the event that starts it, counts every day after it
 * (Saturdays, Sundays and legal holidays included) and includes the last day; when the last day is a Saturday, Sunday
 * or legal holiday, the period runs until the end of the next day that is none of these. No days are added for
 * electronic service or hand delivery (FAQ 39–40). `startDate` and the result are YYYY-MM-DD.
 */
export function addDaysUnderRule6(startDate: string, days: number): string {
  if (!Number.isInteger(days) || days < 0 || days > maxPeriodDays) {
    throw new RangeError(`A period is a whole number of days from 0 to ${maxPeriodDays}, not ${days}.`);
  }
  let last = addCalendarDays(startDate, days);
  while (!isClerksOfficeDay(last)) {
    last = addCalendarDays(last, 1);
  }
  return last;
}

/** How long a party has to respond to a kind of motion, and the rule that says so. */
export interface MotionResponseTime {
  /** The docket events (`src-main/shared/cit-event-catalog.ts`) this time applies to. */
  readonly eventIds: readonly string[];
  /** "Response due", as the calendar and the reader show it. */
  readonly title: string;
  readonly days: number;
  readonly rule: string;
}

/**
 * USCIT Rule 7(d): a response to a motion is due 21 days after service of the motion, 35 days for a dispositive
 * motion. The dispositive motions among the catalog's events are the motion to dismiss (USCIT Rule 12(b)) and the
 * motion for judgment on the agency record (USCIT Rule 56.1, 56.2), whose docket entries set a "Response to
 * Dispositive Motion due by" date (docs/court-rules.md#deadlines). Replies are not computed: the rules as recorded in
 * docs/court-rules.md state no time for a reply, so only the court's own "Replies due by" date is shown. A Z-motion
 * is not here: the motion it stands for is not known, so neither is its response time.
 */
export const motionResponseTimes: readonly MotionResponseTime[] = [
  {
    eventIds: ['motion-to-dismiss', 'motion-for-judgment-on-the-agency-record'],
    title: 'Response to dispositive motion due',
    days: 35,
    rule: 'USCIT Rule 7(d)',
  },
  {
    eventIds: [
      'motion-to-intervene',
      'motion-to-stay',
      'consent-motion-for-extension-of-time',
      'motion-for-preliminary-injunction',
      'motion-for-protective-order',
      'motion-for-leave-to-file-amicus-brief',
      'motion-for-oral-argument',
      'motion-for-stay-pending-appeal',
      'motion-to-designate-test-case',
    ],
    title: 'Response due',
    days: 21,
    rule: 'USCIT Rule 7(d)',
  },
];

/** A date the rules set for a response, computed from the day of service. */
export interface ResponseDeadline {
  readonly title: string;
  /** YYYY-MM-DD, after the USCIT Rule 6(a) roll-forward past weekends and legal holidays. */
  readonly date: string;
  /** "USCIT Rule 7(d)" */
  readonly rule: string;
}

/**
 * The response dates the rules set for a motion of the docket event `eventId` served on `servedOn` (YYYY-MM-DD; the
 * Notice of Electronic Filing is service on registered parties, FAQ 36), each computed under USCIT Rule 6(a). Empty
 * for an event whose response time the rules recorded here do not state. The court's order may set another date.
 */
export function responseDeadlines(eventId: string, servedOn: string): ResponseDeadline[] {
  return motionResponseTimes
    .filter((time) => time.eventIds.includes(eventId))
    .map((time) => ({ title: time.title, date: addDaysUnderRule6(servedOn, time.days), rule: time.rule }));
}

/** How near a due date is, for a chip: late, due today, soon (within three days) or later. */
export interface DueStatus {
  readonly level: 'late' | 'today' | 'soon' | 'later';
  /** "Late", "Due today", "Due tomorrow", "Due in 3 days". */
  readonly text: string;
  /** The instant the due date ends: midnight Eastern at the end of it (FAQ 27). */
  readonly deadline: Date;
  /** "Due before midnight Eastern at the end of Friday, December 18, 2026 (9:00 PM PST on your clock)". */
  readonly detail: string;
}

/** Days within which a due date counts as soon. */
const soonDays = 3;

/** "Friday, December 18, 2026", formatted as UTC so no zone can move the day. */
const dayFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  weekday: 'long',
  month: 'long',
  day: 'numeric',
  year: 'numeric',
});

/** Clock formats by time zone: a due chip is drawn again every second, so each is made once. */
const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** "Wed, 9:00 PM PST": the deadline on the reader's clock, or null when the zone is the court's or unknown. */
function localDeadline(deadline: Date, timeZone: string | undefined): string | null {
  if (timeZone === undefined || timeZone === courtTimeZone) {
    return null;
  }
  try {
    let format = clockFormats.get(timeZone);
    if (format === undefined) {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        weekday: 'short',
        hour: 'numeric',
        minute: '2-digit',
        timeZoneName: 'short',
      });
      clockFormats.set(timeZone, format);
    }
    return format.format(deadline);
  } catch {
    // An unknown zone: the court's own clock still stands.
    return null;
  }
}

/**
 * How near a due date (YYYY-MM-DD) is at `now`, judged on the court's clock whatever the reader's own: a filing is
 * timely until midnight Eastern at the end of the due date (FAQ 27), so a filer in Los Angeles at 9:30 p.m. on the due
 * date is already late. Days are counted between Eastern calendar dates, so a daylight-saving change (a 23- or 25-hour
 * day) never shifts the count. `timeZone`, the reader's zone, adds the deadline on their clock to `detail`.
 */
export function dueStatus(dueDate: string, now: Date, timeZone?: string): DueStatus {
  const dueDay = calendarDayOf(dueDate);
  if (dueDay === null) {
    throw new RangeError(`A due date must be a real YYYY-MM-DD day, not "${dueDate}".`);
  }
  // Noon UTC of the due date is morning in New York, so the Eastern day that ends next is the due date itself.
  const deadline = easternMidnightEnding(new Date(dueDay + 12 * 60 * 60 * 1000));
  const daysLeft = calendarDaysBetween(easternDateOf(now), dueDate);
  const local = localDeadline(deadline, timeZone);
  const ending = `midnight Eastern at the end of ${dayFormat.format(dueDay)}${local ? ` (${local} on your clock)` : ''}`;
  if (daysLeft < 0) {
    return { level: 'late', text: 'Late', deadline, detail: `Was due before ${ending}` };
  }
  const detail = `Due before ${ending}`;
  if (daysLeft === 0) {
    return { level: 'today', text: 'Due today', deadline, detail };
  }
  const text = daysLeft === 1 ? 'Due tomorrow' : `Due in ${daysLeft} days`;
  return { level: daysLeft <= soonDays ? 'soon' : 'later', text, deadline, detail };
}
