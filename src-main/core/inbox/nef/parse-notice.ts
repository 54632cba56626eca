import { inMegabytes, maxCasesPerNotice, maxMailBytes } from '../inbox-limits';
import { classifyNotice } from './classify-notice';
import { findCourt } from './find-court';
import { regeneratedFooter } from './notice-labels';
import type { NoticeDocket, ParsedNotice } from './notice-types';
import type { CaseTable } from './read-case-tables';
import { readCaseTables } from './read-case-tables';
import { readDocuments } from './read-documents';
import { readCaseIdFromDocketLink, readDocumentLink } from './read-links';
import { readMessage } from './read-message';
import { readRecipients } from './read-recipients';
import type { SubjectFacts } from './read-subject';
import { readSubject, stripSubjectPrefixes } from './read-subject';
import type { TransactionDates } from './read-transaction';
import { readTransactionDates } from './read-transaction';

export type { ParsedNotice } from './notice-types';

/**
 * Reads a Notice of Electronic Filing (district, bankruptcy, JPML, CIT) or a Notice of Docket Activity
 * (appellate CM/ECF and ACMS) from a raw RFC 822 message, HTML or Text format, as received, forwarded
 * or re-sent. Emails that are not new filings come back as `kind: 'ignored'` with a reason; an edited
 * entry still carries its case number and `deSeqNum` so a later step can apply the edit. Emails are hostile input:
 * one over the limits of `inbox-limits.ts` is refused with an Error that says which, and every step reads in time
 * linear in the email's size.
 */
export async function parseNotice(raw: Buffer | string): Promise<ParsedNotice> {
  if (raw.length > maxMailBytes) {
    throw new Error(
      `This email is ${inMegabytes(raw.length)} MB; a court notice is a few KB, and ECF Desk reads no email over ${inMegabytes(maxMailBytes)} MB.`,
    );
  }
  const message = await readMessage(raw);
  const { body } = message;
  const prefixes = stripSubjectPrefixes(message.subject);
  const tables = readCaseTables(body);
  if (tables.length > maxCasesPerNotice) {
    throw new Error(
      `This notice lists ${tables.length.toLocaleString('en-US')} cases; ECF Desk reads at most ${maxCasesPerNotice.toLocaleString('en-US')} from one notice.`,
    );
  }
  const sharedDocketTexts = docketTextsAfter(tables);
  const classification = classifyNotice(prefixes.subject, body, tables.length > 0);
  const isAcms =
    message.senderAddresses.some((address) => /@[a-z0-9]+\.fedcourts\.us$/i.test(address)) ||
    body.links.some((link) => /-showdoc\.azurewebsites\.us/i.test(link.href));
  const isAppellate = classification.kind === 'nda' || isAcms;
  const cases = tables.map((table) => ({ caseNumber: table.caseNumber ?? '', caseName: table.caseName }));
  const subjectFacts = readSubject(prefixes.subject, cases, isAppellate);
  const dates = readTransactionDates(transactionText(body.lines));
  const isIgnored = classification.kind === 'ignored';
  const recipients = isIgnored ? { recipients: [], otherMeansRecipients: [] } : readRecipients(body, isAppellate);
  return {
    kind: classification.kind,
    reason: classification.kind === 'ignored' ? classification.reason : null,
    court: findCourt(body.links, message.senderAddresses),
    subject: message.subject,
    regenerated:
      prefixes.isResent ||
      body.lines.some((line) => regeneratedFooter.test(line) || /^Amended\b.*Notice of Docket Activity/i.test(line)),
    forwarded: prefixes.isForwarded || message.quotesForwardedMessage,
    isAcms,
    dockets: tables.map((table, index) => toDocket(table, sharedDocketTexts[index] ?? null, subjectFacts, dates)),
    attachments: isIgnored ? [] : readDocuments(body),
    recipients: recipients.recipients,
    otherMeansRecipients: recipients.otherMeansRecipients,
  };
}

function toDocket(
  table: CaseTable,
  docketText: string | null,
  subject: SubjectFacts,
  dates: TransactionDates,
): NoticeDocket {
  const link = table.documentLink ? readDocumentLink(table.documentLink.href) : null;
  const printedNumber = /^\s*(\d+)/.exec(table.documentNumberCell ?? '')?.[1] ?? null;
  return {
    caseNumber: table.caseNumber ?? '',
    caseName: table.caseName,
    caseId: link?.caseId ?? (table.docketLink ? readCaseIdFromDocketLink(table.docketLink) : null),
    documentNumber: printedNumber ?? subject.acmsDocumentNumber,
    docketText,
    shortDescription: subject.shortDescription,
    dateFiled: dates.dateFiled,
    dateEntered: dates.dateEntered,
    deSeqNum: link?.deSeqNum ?? null,
    docId: link?.docId ?? null,
    magicNum: link?.magicNum ?? null,
    documentUrl: link?.url ?? null,
    filer: table.filer,
    caseClosedOn: table.caseClosedOn,
  };
}

/**
 * Each table's docket text: its own, or the first one printed after it. Bankruptcy multi-case NEFs print every case
 * table first and one docket text after the last. Read from the last table back, in one pass.
 */
function docketTextsAfter(tables: readonly CaseTable[]): (string | null)[] {
  const texts: (string | null)[] = new Array<string | null>(tables.length).fill(null);
  let next: string | null = null;
  for (let index = tables.length - 1; index >= 0; index -= 1) {
    next = tables[index]?.docketText ?? next;
    texts[index] = next;
  }
  return texts;
}

/** The transaction sentence, which plain-text NEFs wrap over two or three lines. */
function transactionText(lines: readonly string[]): string {
  const start = lines.findIndex((line) => /The following transaction was/i.test(line));
  if (start < 0) {
    return '';
  }
  const following = lines.slice(start, start + 3);
  const blank = following.indexOf('');
  return (blank < 0 ? following : following.slice(0, blank)).join(' ');
}
