// PACER access fees as the training court charges them, in whole cents so that no sum is ever rounded. Source: the
// Judiciary's Electronic Public Access Fee Schedule
// (https://www.uscourts.gov/services-forms/fees/electronic-public-access-fee-schedule), summarised in
// docs/court-rules.md#fees: $0.10 a page; case documents, docket sheets and case-specific reports are capped at "the
// fee for thirty pages" ($3.00); transcripts are not capped; an HTML report's billable page is 4,320 bytes.

const CENTS_PER_PAGE = 10;
const CAPPED_PAGES = 30;
const BYTES_PER_HTML_PAGE = 4320;

/** The fee for viewing a case document: 10¢ a page, never more than the fee for 30 pages ($3.00). */
export function documentFeeCents(pages: number): number {
  return Math.min(CAPPED_PAGES, wholeCount(pages, 'pages')) * CENTS_PER_PAGE;
}

/** Billable pages of an HTML report such as a docket sheet: one per 4,320 bytes or part of it, at least one. */
export function htmlReportPages(byteLength: number): number {
  return Math.max(1, Math.ceil(wholeCount(byteLength, 'bytes') / BYTES_PER_HTML_PAGE));
}

/** The fee for a docket sheet or other case-specific HTML report: 10¢ a billable page, capped at $3.00. */
export function docketReportFeeCents(byteLength: number): number {
  return Math.min(CAPPED_PAGES, htmlReportPages(byteLength)) * CENTS_PER_PAGE;
}

/** The fee for a transcript: 10¢ a page with no cap, because the schedule exempts transcripts from it. */
export function transcriptFeeCents(pages: number): number {
  return wholeCount(pages, 'pages') * CENTS_PER_PAGE;
}

/** An amount of cents as a paralegal reads it on a PACER receipt: 300 → "$3.00", 123456 → "$1,234.56". */
export function formatDollars(cents: number): string {
  if (!Number.isSafeInteger(cents)) {
    throw new RangeError(`An amount of money must be a whole number of cents, not ${cents}.`);
  }
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  const dollars = String(Math.floor(absolute / 100)).replace(/\B(?=(\d{3})+$)/g, ',');
  return `${sign}$${dollars}.${String(absolute % 100).padStart(2, '0')}`;
}

function wholeCount(value: number, unit: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`A fee needs a whole, non-negative number of ${unit}, not ${value}.`);
  }
  return value;
}
