/** A subject line with the prefixes a mail client or the court added taken off. */
export interface SubjectPrefixes {
  readonly subject: string;
  readonly isForwarded: boolean;
  /** The court re-sent the notice (`Re-send:`, seen on ca9 NDAs). */
  readonly isResent: boolean;
}

/** What the subject says about the filing. */
export interface SubjectFacts {
  readonly shortDescription: string | null;
  /** ACMS puts the document number only in the subject: `… 25-2120 - 049 - Motion …`. */
  readonly acmsDocumentNumber: string | null;
  /** The case number the subject names, when it matches one of the notice's cases. */
  readonly caseNumber: string | null;
}

const prefix = /^\s*(re-send|fwd?|fw|re|aw|wg|tr)\s*:\s*/i;

/** Takes off `Fwd:`, `FW:`, `Re:` and `Re-send:` prefixes, however many and in whatever order. */
export function stripSubjectPrefixes(subject: string): SubjectPrefixes {
  let rest = subject.replace(/\s+/g, ' ').trim();
  let isForwarded = false;
  let isResent = false;
  for (let match = prefix.exec(rest); match; match = prefix.exec(rest)) {
    const word = (match[1] ?? '').toLowerCase();
    if (word === 're-send') {
      isResent = true;
    } else if (word !== 're') {
      isForwarded = true;
    }
    rest = rest.slice(match[0].length);
  }
  return { subject: rest, isForwarded, isResent };
}

const acmsSubject = /^.*?\s(\d{2}-\d{1,6})\s+-\s+(\d+)\s+-\s+(.+)$/;

/**
 * Reads the short description out of a subject (docs/court-rules.md#notice-format): what remains of
 * `Activity in Case <number> <name> <description>` or the bankruptcy `[Ch-11 |NEF: ]<number> [<name>] <description>`
 * once the case number and name are taken off; the quoted part of an appellate NDA subject or of
 * `Multiple Cases "<description>"`; the last part of an ACMS `<name> <number> - <doc> - <description>`.
 */
export function readSubject(
  subject: string,
  cases: readonly { caseNumber: string; caseName: string | null }[],
  isAppellate: boolean,
): SubjectFacts {
  const acms = isAppellate ? acmsSubject.exec(subject) : null;
  if (acms) {
    const caseNumber = cases.find((entry) => entry.caseNumber === acms[1])?.caseNumber ?? null;
    return {
      shortDescription: acms[3]?.trim() ?? null,
      acmsDocumentNumber: (acms[2] ?? '').replace(/^0+(?=\d)/, ''),
      caseNumber,
    };
  }
  const quoted = /"([^"]+)"/.exec(subject);
  if (quoted && (isAppellate || /^Multiple Cases\b/i.test(subject))) {
    return {
      shortDescription: quoted[1]?.trim() || null,
      acmsDocumentNumber: null,
      caseNumber: findLeadingCase(subject, cases)?.caseNumber ?? null,
    };
  }
  let rest = subject.replace(/^Activity in (?:[A-Z]+ )?case\s+/i, '').replace(/^(?:Ch-?\d+|NEF:)\s+/i, '');
  const matched = findLeadingCase(rest, cases);
  rest = matched ? rest.slice(matched.caseNumber.length).replace(/^\S*\s*/, '') : rest;
  rest = rest.replace(/^Ch-?\d+\s+/i, '');
  const names = [matched?.caseName, ...cases.map((entry) => entry.caseName)].filter((name): name is string => !!name);
  const lowerRest = rest.toLowerCase();
  for (const name of names) {
    const stripped = stripLeadingName(rest, lowerRest, name);
    if (stripped !== rest) {
      rest = stripped;
      break;
    }
  }
  rest = stripTrailingName(rest, names)
    .replace(/^[-–:]\s+/, '')
    .trim();
  return {
    shortDescription: rest === '' ? null : rest,
    acmsDocumentNumber: null,
    caseNumber: matched?.caseNumber ?? null,
  };
}

function findLeadingCase<T extends { caseNumber: string }>(text: string, cases: readonly T[]): T | null {
  const lower = text.toLowerCase();
  const candidates = cases.filter(
    (entry) => entry.caseNumber !== '' && lower.startsWith(entry.caseNumber.toLowerCase()),
  );
  return candidates.sort((left, right) => right.caseNumber.length - left.caseNumber.length)[0] ?? null;
}

/** Subjects cut long case names short (about 18 characters in bankruptcy), so a leading part of the name also counts. */
const shortestNamePrefix = 12;

/** `lowerText` is `text` in lower case, made once by the caller rather than once a name. */
function stripLeadingName(text: string, lowerText: string, name: string): string {
  const lowerName = name.replace(/\s+/g, ' ').trim().toLowerCase();
  if (lowerText.startsWith(lowerName)) {
    return text.slice(lowerName.length).trim();
  }
  // The longest leading part of the name that the text starts with, then the longest cut of it that ends at a space.
  let shared = 0;
  while (shared < lowerName.length && shared < lowerText.length && lowerText[shared] === lowerName[shared]) {
    shared += 1;
  }
  for (let length = Math.min(lowerName.length - 1, shared); length >= shortestNamePrefix; length -= 1) {
    if (text[length] === ' ') {
      return text.slice(length).trim();
    }
  }
  return text;
}

/** Bankruptcy subjects may end with the case name instead: `Complaint - Bed Bath & Beyond`, `Affidavit Re: Gerasimos Stefanitsis`. */
function stripTrailingName(text: string, names: readonly string[]): string {
  const match = /\s+(?:-|Re:)\s+(.{5,})$/i.exec(text);
  if (!match?.[1]) {
    return text;
  }
  const tail = match[1].toLowerCase().trim();
  return names.some((name) => name.replace(/\s+/g, ' ').toLowerCase().startsWith(tail))
    ? text.slice(0, match.index)
    : text;
}
