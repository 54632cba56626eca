import type { NoticeDeadline } from '../../shared/inbox';

const monthNames = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** `12/15/2026`, `1/20/09`, or `December 15, 2026`. */
const datePattern = String.raw`(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b|(${monthNames.join('|')})\s+(\d{1,2}),?\s+(\d{4})`;

/** "… due by 12/15/2026", "… due 1/20/2009", "… Due Date: 3/31/2025", "… due on or before 3/1/2023". */
const duePattern = new RegExp(
  String.raw`\bdue(?:\s+date)?(?:\s+(?:by|on or before|on|no later than|before))?\s*:?\s*(?:${datePattern})`,
  'gi',
);

/** "Deadline for objections 4/5/2026", "Discovery Deadline set for 5/1/2027", "Deadline: 6/1/2026". */
const deadlinePattern = new RegExp(String.raw`\bdeadline\b([^.;()\d]{0,60}?)\s*:?\s*(?:${datePattern})`, 'gi');

/**
 * Where a label stops looking back: the end of a sentence or clause, or a date already read. A full stop or colon
 * ends a clause only where a space or the text's end follows it: "Rule 56.2 motion" and "10:00" are one clause.
 */
const clauseBreak = /[.:](?=\s|$)|[;()[\],\n]|\d{1,2}\/\d{1,2}\/\d{2,4}|\b(?:and|with|then|also)\b/gi;

const leadingWords = /^(?:the|a|an|any|all|set|that|as|to)\s+/i;
const trailingWords =
  /\s+(?:is|are|shall be|will be|must be|now|set|set for|by|on|of|for|is set for|are set for|is now|are now)$/i;

/**
 * The dates a docket text sets ("Response due by 12/15/2026", "Answer due 1/20/2009", "Briefing schedule: Opening
 * brief due 4/1/2026", "Deadline for objections 4/5/2026"), each labelled with the words before "due" and normalised
 * to YYYY-MM-DD. Dates that do not exist (2/30) are left out rather than guessed.
 */
export function findDeadlines(docketText: string): NoticeDeadline[] {
  const text = docketText.replace(/\s+/g, ' ');
  // Where each clause starts, found once: looking back from every date to the last break would be quadratic.
  const clauseStarts = [0, ...Array.from(text.matchAll(clauseBreak), (match) => match.index + match[0].length)];
  const found: NoticeDeadline[] = [];
  for (const match of text.matchAll(duePattern)) {
    const date = normaliseDate(match.slice(1, 7));
    if (date) {
      found.push({ date, label: dueLabel(lastClauseWords(text, clauseStarts, match.index)) });
    }
  }
  for (const match of text.matchAll(deadlinePattern)) {
    const date = normaliseDate(match.slice(2, 8));
    if (date) {
      found.push({ date, label: deadlineLabel(lastClauseWords(text, clauseStarts, match.index), match[1] ?? '') });
    }
  }
  const seen = new Set<string>();
  return found.filter((deadline) => {
    const key = `${deadline.date}|${deadline.label.toLowerCase()}`;
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}

/** "The response brief is" → "Response brief due"; nothing before "due" → "Due". */
function dueLabel(clauseWords: string): string {
  const words = tidy(clauseWords);
  return words ? `${capitalise(words)} due` : 'Due';
}

function deadlineLabel(clauseWords: string, middle: string): string {
  const prefix = tidy(clauseWords);
  // The leading space lets a middle made only of connecting words ("set for") be stripped whole.
  const rest = tidy(` ${middle.replace(/^\s*:?/, '')}`);
  return capitalise([prefix, 'Deadline', rest].filter(Boolean).join(' '));
}

/**
 * The last six words of the clause that ends at `end` (where "due" or "deadline" starts). `clauseStarts` holds, in
 * order, where each clause of the text starts; no break is ever cut by `end`, which follows a word boundary.
 */
function lastClauseWords(text: string, clauseStarts: readonly number[], end: number): string {
  let low = 0;
  let high = clauseStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if ((clauseStarts[middle] ?? 0) <= end) {
      low = middle;
    } else {
      high = middle - 1;
    }
  }
  const clauseStart = clauseStarts[low] ?? 0;
  // Back from the end, six words at most: the time is the length of those words, not of the clause.
  let position = end;
  for (let words = 0; words < 6 && position > clauseStart; words += 1) {
    while (position > clauseStart && text[position - 1] === ' ') {
      position -= 1;
    }
    while (position > clauseStart && text[position - 1] !== ' ') {
      position -= 1;
    }
  }
  return text.slice(position, end).trim().split(' ').filter(Boolean).join(' ');
}

function tidy(words: string): string {
  let result = words.trimEnd();
  for (let previous = ''; previous !== result;) {
    previous = result;
    result = result.replace(trailingWords, '').replace(leadingWords, '');
  }
  return result.trim();
}

function capitalise(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** [month, day, year] numerically or [monthName, day, year] → YYYY-MM-DD, or null for an impossible date. */
function normaliseDate(parts: readonly (string | undefined)[]): string | null {
  const [numericMonth, numericDay, numericYear, monthName, namedDay, namedYear] = parts;
  const month = monthName ? monthNames.indexOf(monthName.toLowerCase()) + 1 : Number(numericMonth);
  const day = Number(monthName ? namedDay : numericDay);
  const yearText = (monthName ? namedYear : numericYear) ?? '';
  // Two-digit years in current dockets are this century (CM/ECF dates from 1990s dockets print four digits).
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return date.toISOString().slice(0, 10);
}
