/**
 * Court time. CM/ECF prints every NEF time in the court's own zone; CIT sits in New York, so the
 * notice says EST or EDT whatever zone the server or the filer is in (CIT FAQ 27: a filing is timely
 * before midnight, Eastern Time).
 */

const courtTimeZone = 'America/New_York';

const partsFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: courtTimeZone,
  weekday: 'short',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  second: '2-digit',
  hour12: true,
  timeZoneName: 'short',
});

// A second formatter because one Intl format cannot give both "EDT" and the numeric offset.
const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: courtTimeZone, timeZoneName: 'longOffset' });

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface EasternParts {
  readonly weekday: string;
  readonly year: string;
  readonly month: string;
  readonly day: string;
  readonly hour: string;
  readonly minute: string;
  readonly second: string;
  readonly dayPeriod: string;
  readonly timeZoneName: string;
}

function easternParts(instant: Date): EasternParts {
  const parts: Record<string, string> = {};
  for (const part of partsFormat.formatToParts(instant)) {
    parts[part.type] = part.value;
  }
  return {
    weekday: parts.weekday ?? '',
    year: parts.year ?? '',
    month: parts.month ?? '',
    day: parts.day ?? '',
    hour: parts.hour ?? '',
    minute: parts.minute ?? '',
    second: parts.second ?? '',
    dayPeriod: parts.dayPeriod ?? '',
    timeZoneName: parts.timeZoneName ?? '',
  };
}

/** The Eastern calendar date as CM/ECF prints it: "8/4/2022", or "08/04/2022" in a re-generated NEF. */
export function formatEasternDate(instant: Date, isPadded = false): string {
  const { year, month, day } = easternParts(instant);
  return isPadded ? `${month.padStart(2, '0')}/${day.padStart(2, '0')}/${year}` : `${month}/${day}/${year}`;
}

/** The Eastern clock time: "4:06 PM EDT"; re-generated NEFs add seconds ("5:44:08 PM EDT"). */
export function formatEasternTime(
  instant: Date,
  options: { readonly withSeconds?: boolean; readonly withZone?: boolean } = {},
): string {
  const { hour, minute, second, dayPeriod, timeZoneName } = easternParts(instant);
  const clock = options.withSeconds ? `${hour}:${minute}:${second}` : `${hour}:${minute}`;
  return options.withZone === false ? `${clock} ${dayPeriod}` : `${clock} ${dayPeriod} ${timeZoneName}`;
}

/** An RFC 5322 Date header value in Eastern time, as the court's mail server writes it: "Thu, 4 Aug 2022 16:06:18 -0400". */
export function formatMailDate(instant: Date): string {
  const { weekday, year, month, day, hour, minute, second, dayPeriod } = easternParts(instant);
  const hour24 = (Number(hour) % 12) + (dayPeriod === 'PM' ? 12 : 0);
  const monthName = monthNames[Number(month) - 1] ?? '';
  const time = `${String(hour24).padStart(2, '0')}:${minute}:${second}`;
  return `${weekday}, ${day} ${monthName} ${year} ${time} ${numericOffset(instant)}`;
}

/** "GMT-04:00" → "-0400"; "GMT" alone means UTC, which New York never is, but stay correct anyway. */
function numericOffset(instant: Date): string {
  const zone = offsetFormat.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /^GMT([+-])(\d{2}):(\d{2})$/.exec(zone);
  return match ? `${match[1]}${match[2]}${match[3]}` : '+0000';
}
