/**
 * The inbox's deadlines as an iCalendar file (RFC 5545), for Outlook, Google Calendar or the firm's docketing
 * calendar: the dates the court's docket texts set, and the response dates ECF Desk computes for motions under the
 * rules (USCIT Rule 6(a), 7(d)). Each deadline is an all-day event; its UID is stable, so importing the file again
 * updates the events instead of doubling them.
 */

/** One deadline a notice's docket text sets. */
export interface DeadlineEvent {
  /** YYYY-MM-DD */
  readonly date: string;
  readonly label: string;
  readonly caseNumber: string;
  readonly caseName: string | null;
  readonly docketText: string | null;
  /** The inbox item the deadline comes from. */
  readonly itemId: string;
  /**
   * Set when ECF Desk computed the date from the rules rather than read it in the docket text: the rule it was
   * computed under ("USCIT Rule 7(d)").
   */
  readonly computedUnder?: string;
}

const lineBreak = '\r\n';
/** RFC 5545 §3.1: lines longer than 75 octets are folded. */
const maxLineOctets = 75;
const encoder = new TextEncoder();

/**
 * Writes the deadlines as one VCALENDAR of all-day VEVENTs, CRLF line endings, folded at 75 octets. Throws on a date
 * that is not a real YYYY-MM-DD day: a deadline silently left out or moved is worse than a failed export.
 */
export function deadlinesToIcs(deadlines: readonly DeadlineEvent[], now: Date): string {
  const stamp = utcStamp(now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//ECF Desk//Deadlines//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  for (const deadline of deadlines) {
    lines.push(...eventLines(deadline, stamp));
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(lineBreak) + lineBreak;
}

function eventLines(deadline: DeadlineEvent, stamp: string): string[] {
  const start = calendarDate(deadline.date);
  const computed = deadline.computedUnder;
  const description = [
    deadline.caseName ? `${deadline.caseNumber} ${deadline.caseName}` : deadline.caseNumber,
    computed
      ? `Computed by ECF Desk under ${computed} and USCIT Rule 6(a) from the day the motion was filed and served by ` +
        'its notice, with no extra days for electronic service (FAQ 36, 39–40). The court’s order may set another ' +
        'date: check the docket.'
      : '',
    deadline.docketText ?? '',
  ]
    .filter((part) => part !== '')
    .join('\n\n');
  const summary = computed ? `${deadline.label} (${computed}, computed)` : deadline.label;
  return [
    'BEGIN:VEVENT',
    `UID:${escapeText(`${deadline.itemId}-${deadline.date}${computed ? '-computed' : ''}@ecf-desk`)}`,
    `DTSTAMP:${stamp}`,
    `DTSTART;VALUE=DATE:${start.compact}`,
    // RFC 5545 §3.6.1: an all-day event ends (exclusively) on the next day.
    `DTEND;VALUE=DATE:${nextDay(start.date)}`,
    `SUMMARY:${escapeText(`${summary} — ${deadline.caseNumber}`)}`,
    `DESCRIPTION:${escapeText(description)}`,
    'TRANSP:TRANSPARENT',
    'END:VEVENT',
  ];
}

/** RFC 5545 §3.3.11: a backslash, semicolon and comma are escaped; a line break becomes `\n`. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * RFC 5545 §3.1: a line longer than 75 octets continues on the next line after CRLF and one space. Cuts fall
 * between characters, never inside a UTF-8 sequence (or a surrogate pair), so every line stays valid UTF-8.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let currentOctets = 0;
  for (const character of line) {
    const octets = encoder.encode(character).length;
    // Continuation lines start with a space, which counts toward their 75 octets.
    const limit = parts.length === 0 ? maxLineOctets : maxLineOctets - 1;
    if (currentOctets + octets > limit) {
      parts.push(current);
      current = '';
      currentOctets = 0;
    }
    current += character;
    currentOctets += octets;
  }
  parts.push(current);
  return parts.join(`${lineBreak} `);
}

function calendarDate(date: string): { date: Date; compact: string } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const parsed = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
    throw new Error(`A deadline date must be a real YYYY-MM-DD date, not "${date}".`);
  }
  return { date: parsed, compact: date.replace(/-/g, '') };
}

function nextDay(date: Date): string {
  return new Date(date.getTime() + 24 * 60 * 60 * 1000).toISOString().slice(0, 10).replace(/-/g, '');
}

/** RFC 5545 §3.3.5: a UTC date-time, `YYYYMMDDTHHMMSSZ`. */
function utcStamp(now: Date): string {
  return now
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}
