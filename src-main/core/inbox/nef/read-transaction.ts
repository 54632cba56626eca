/** The dates of the transaction a notice reports. */
export interface TransactionDates {
  /** `YYYY-MM-DD`. */
  readonly dateFiled: string | null;
  /** `YYYY-MM-DD`. */
  readonly dateEntered: string | null;
}

const usDate = String.raw`(\d{1,2}/\d{1,2}/\d{4})`;

/** `8/4/2022` or `08/04/2022` as `2022-08-04`; null when it is not a real date. */
export function toIsoDate(text: string): string | null {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!match) {
    return null;
  }
  const [month, day, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) {
    return null;
  }
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Reads "The following transaction was entered [by X] on 8/4/2022 at 4:06 PM EDT and filed on 8/4/2022"
 * and its variants (bankruptcy "received from X entered on …", appellate "was filed on 07/27/2022",
 * ACMS "entered on 05/28/2025 8:58:22 PM PDT", plain text wrapping the line). The line may be wrapped,
 * so the caller passes the text from "The following transaction" onwards.
 */
export function readTransactionDates(text: string): TransactionDates {
  const flat = text.replace(/\s+/g, ' ');
  // The first "entered" and the first date after it: the same match as /\bentered\b.*?\bon <date>/, found in linear time.
  const enteredAt = flat.search(/\bentered\b/i);
  const entered = enteredAt < 0 ? null : new RegExp(String.raw`\bon ${usDate}`, 'i').exec(flat.slice(enteredAt));
  const filed = new RegExp(String.raw`\bfiled on ${usDate}`, 'i').exec(flat);
  const dateEntered = entered?.[1] ? toIsoDate(entered[1]) : null;
  const dateFiled = filed?.[1] ? toIsoDate(filed[1]) : null;
  return { dateFiled: dateFiled ?? dateEntered, dateEntered };
}
