const localDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const localTime = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

/** A moment from main (ISO 8601) as a date and a time in the user's own time zone and style; the raw text when it is not a date. */
export function formatDateTime(iso: string): { readonly date: string; readonly time: string } {
  const moment = Date.parse(iso);
  if (Number.isNaN(moment)) {
    return { date: iso, time: '' };
  }
  return { date: localDate.format(moment), time: localTime.format(moment) };
}
