import type { ParsedNotice } from '../../../src-main/core/inbox/nef/parse-notice';

/** The part of juriscraper's expected JSON for an email notice that the comparison reads. */
export interface JuriscraperNotice {
  readonly court_id?: string;
  readonly contains_attachments?: boolean;
  readonly dockets?: readonly {
    readonly case_name: string;
    readonly docket_number: string;
    readonly docket_entries: readonly {
      readonly date_filed: string | null;
      readonly description: string;
      readonly document_number: string | null;
      readonly document_url: string | null;
      readonly pacer_case_id: string | null;
      readonly pacer_doc_id: string | null;
      readonly pacer_magic_num: string | null;
      readonly pacer_seq_no: string | null;
      readonly short_description: string | null;
    }[];
  }[];
  readonly email_recipients?: readonly { readonly name: string; readonly email_addresses: readonly string[] }[];
}

/** A field-by-field view that both juriscraper's JSON and our notice can be reduced to. */
export type ComparableFields = Record<string, unknown>;

/**
 * Juriscraper's quirks that are documented (docs/court-rules.md#notice-format, "Known errors") or plain
 * to see in every fixture, undone before comparing. Each is a rule about juriscraper, not about a file.
 */
export const juriscraperQuirks = {
  /** It stores the docket number without judge initials (`1:20-cv-08924-CM` → `1:20-cv-08924`) and without the JPML court prefix (`NYE/`). */
  docketNumber: (caseNumber: string): string => {
    const withoutCourt = caseNumber.replace(/^[A-Z]{2,4}\//, '');
    return (
      /^\d+:\d{2}-[a-z]{1,4}-\d+/i.exec(withoutCourt)?.[0] ?? /^\d{2}-\d{3,5}/.exec(withoutCourt)?.[0] ?? withoutCourt
    );
  },
  /** Its `harmonize()` drops "et al" and writes "USA" as "United States". */
  caseName: (name: string | null): string | null =>
    name === null
      ? null
      : name
          .replace(/,?\s+et\.? al\.?/gi, '')
          .replace(/\bUSA\b/g, 'United States')
          .replace(/\s+/g, ' ')
          .trim(),
  /** It deletes every `#` from docket text (`(Attachments: # (1) …)` → `(Attachments: (1) …)`). */
  docketText: (text: string | null): string | null =>
    text === null ? null : text.replace(/#/g, '').replace(/\s+/g, ' ').trim(),
  /** It forces the 4th digit of a doc id to `0` (docs/court-rules.md#document-ids). */
  docId: (docId: string | null): string | null =>
    docId && docId.length > 4 ? `${docId.slice(0, 3)}0${docId.slice(4)}` : docId,
  /** It lists a person once per case of a multi-case notice, and keeps the appellate `, -:` / `:` after the name. */
  recipients: (
    recipients: readonly { name: string; emails: readonly string[] }[],
  ): { name: string; emails: readonly string[] }[] => {
    const seen = new Set<string>();
    return recipients
      .map((recipient) => ({
        name: recipient.name
          .replace(/,\s*-\s*:$/, '')
          .replace(/:$/, '')
          .trim(),
        emails: recipient.emails,
      }))
      .filter((recipient) => {
        const key = `${recipient.name}|${recipient.emails.join(',')}`;
        if (seen.has(key)) {
          return false;
        }
        seen.add(key);
        return true;
      });
  },
};

/** Juriscraper's expectation as comparable fields (its quirks undone where they are one-way). */
export function expectedFields(expected: JuriscraperNotice): ComparableFields {
  const fields: ComparableFields = { kind: expected.dockets ? 'notice' : 'ignored' };
  if (!expected.dockets) {
    return fields;
  }
  fields.court = expected.court_id ?? null;
  fields.hasAttachments = expected.contains_attachments ?? false;
  fields.recipients = juriscraperQuirks.recipients(
    (expected.email_recipients ?? []).map((recipient) => ({ name: recipient.name, emails: recipient.email_addresses })),
  );
  expected.dockets.forEach((docket, index) => {
    const entry = docket.docket_entries[0];
    fields[`dockets[${index}].caseNumber`] = docket.docket_number;
    fields[`dockets[${index}].caseName`] = juriscraperQuirks.caseName(docket.case_name);
    fields[`dockets[${index}].dateFiled`] = entry?.date_filed ?? null;
    fields[`dockets[${index}].docketText`] = juriscraperQuirks.docketText(entry?.description ?? null);
    fields[`dockets[${index}].documentNumber`] = entry?.document_number ?? null;
    fields[`dockets[${index}].documentUrl`] = entry?.document_url ?? null;
    fields[`dockets[${index}].caseId`] = entry?.pacer_case_id ?? null;
    fields[`dockets[${index}].docId`] = entry?.pacer_doc_id ?? null;
    fields[`dockets[${index}].magicNum`] = entry?.pacer_magic_num ?? null;
    fields[`dockets[${index}].deSeqNum`] = entry?.pacer_seq_no ?? null;
    fields[`dockets[${index}].shortDescription`] = entry?.short_description ?? null;
  });
  return fields;
}

/** Our notice reduced to the same fields, with juriscraper's one-way quirks applied to our values. */
export function actualFields(notice: ParsedNotice): ComparableFields {
  const fields: ComparableFields = { kind: notice.kind === 'ignored' ? 'ignored' : 'notice' };
  if (notice.kind === 'ignored') {
    return fields;
  }
  fields.court = notice.court;
  fields.hasAttachments = notice.attachments.some((attachment) => attachment.number !== '0');
  fields.recipients = notice.recipients.map((recipient) => ({ name: recipient.name, emails: recipient.emails }));
  notice.dockets.forEach((docket, index) => {
    fields[`dockets[${index}].caseNumber`] = juriscraperQuirks.docketNumber(docket.caseNumber);
    fields[`dockets[${index}].caseName`] = juriscraperQuirks.caseName(docket.caseName);
    fields[`dockets[${index}].dateFiled`] = docket.dateFiled;
    fields[`dockets[${index}].docketText`] = juriscraperQuirks.docketText(docket.docketText);
    fields[`dockets[${index}].documentNumber`] = docket.documentNumber;
    fields[`dockets[${index}].documentUrl`] = docket.documentUrl;
    fields[`dockets[${index}].caseId`] = docket.caseId;
    fields[`dockets[${index}].docId`] = juriscraperQuirks.docId(docket.docId);
    fields[`dockets[${index}].magicNum`] = docket.magicNum;
    fields[`dockets[${index}].deSeqNum`] = docket.deSeqNum;
    fields[`dockets[${index}].shortDescription`] = docket.shortDescription;
  });
  return fields;
}
