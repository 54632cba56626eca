import {
  documentsHeading,
  emailedHeading,
  fieldLabels,
  noticeCartHeading,
  otherMeansHeading,
  regeneratedFooter,
} from './notice-labels';
import type { NoticeText } from './notice-text';
import type { NoticeRecipient, OtherMeansRecipient } from './notice-types';

/** Who a notice went to, by email and by other means. */
export interface NoticeRecipients {
  readonly recipients: readonly NoticeRecipient[];
  readonly otherMeansRecipients: readonly OtherMeansRecipient[];
}

type Section = 'emailed' | 'other-means' | 'notice-cart';

interface Entry {
  name: string;
  emails: string[];
  addressLines: string[];
}

/** An address; the lookbehind starts a match only where a run of address characters starts, keeping the search linear. */
const emailPattern = /(?<![A-Za-z0-9._%+#'-])[A-Za-z0-9._%+#'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

/**
 * Reads the recipient lists ("Notice has been electronically mailed to:" and its variants). District and bankruptcy notices separate
 * people with a blank line and may put the name and the addresses on separate lines (or wrap the
 * addresses); appellate notices put one person a line, `Name, Role: address, address`. A person listed
 * under several cases of a multi-case notice is listed once.
 */
export function readRecipients(text: NoticeText, isOnePersonALine: boolean): NoticeRecipients {
  const emailed: Entry[] = [];
  const otherMeans: Entry[] = [];
  let section: Section | null = null;
  let current: Entry | null = null;
  for (const line of text.lines) {
    const heading = sectionOf(line);
    if (heading !== undefined) {
      section = heading;
      current = null;
      continue;
    }
    if (section === null || section === 'notice-cart') {
      continue;
    }
    if (line === '') {
      current = null;
      continue;
    }
    const list = section === 'emailed' ? emailed : otherMeans;
    const emails = line.match(emailPattern) ?? [];
    const name = cleanName(emails.length > 0 ? line.slice(0, line.indexOf(emails[0] ?? '')) : line);
    const startsEntry =
      current === null ||
      (emails.length > 0 && name !== '') ||
      (emails.length === 0 && isOnePersonALine && section === 'emailed');
    if (startsEntry) {
      current = { name, emails: [...emails], addressLines: [] };
      list.push(current);
    } else if (current && emails.length > 0) {
      current.emails.push(...emails);
    } else if (current) {
      current.addressLines.push(line);
    }
  }
  return {
    recipients: uniqueBy(
      emailed.map(({ name, emails }) => ({ name, emails })),
      (entry) => `${entry.name}|${entry.emails.join(',')}`,
    ),
    otherMeansRecipients: uniqueBy(
      otherMeans.map(({ name, addressLines }) => ({ name, addressLines })),
      (entry) => `${entry.name}|${entry.addressLines.join('|')}`,
    ),
  };
}

/** The section a line opens; null when it ends the recipient lists; undefined when it is an ordinary line. */
function sectionOf(line: string): Section | null | undefined {
  if (emailedHeading.test(line)) {
    return 'emailed';
  }
  if (otherMeansHeading.test(line)) {
    return 'other-means';
  }
  if (noticeCartHeading.test(line)) {
    return 'notice-cart';
  }
  if (documentsHeading.test(line) || regeneratedFooter.test(line) || fieldLabels.caseName.test(line)) {
    return null;
  }
  return undefined;
}

/** `Recipient User Test 1, -:` → `Recipient User Test 1`; `User Example ;` → `User Example`. */
function cleanName(text: string): string {
  return (
    text
      .replace(/\s+/g, ' ')
      // A name wrapped before its suffix ("John F. Cove\n, Jr") reads "John F. Cove, Jr".
      .replace(/ ,/g, ',')
      .replace(/,\s*-\s*:?\s*$/, '')
      // Only from the start of a run of these characters: tried from inside one, the search would be quadratic.
      .replace(/(?<![\s,;:])[\s,;:]+$/, '')
      .trim()
  );
}

function uniqueBy<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = keyOf(item);
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}
