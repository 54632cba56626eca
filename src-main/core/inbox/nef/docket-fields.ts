import type { NoticeDocket, NoticeRecipient } from './notice-types';

/** The fields of a docket entry people read and search: the case, the document, the docket text and the dates. */
export type DocketFields = Pick<
  NoticeDocket,
  | 'caseNumber'
  | 'caseName'
  | 'caseId'
  | 'documentNumber'
  | 'docketText'
  | 'shortDescription'
  | 'dateFiled'
  | 'deSeqNum'
  | 'docId'
>;

/** Those fields of a docket (or of anything that carries them, such as a firm server's entry), and nothing else. */
export function docketFields(docket: DocketFields): DocketFields {
  return {
    caseNumber: docket.caseNumber,
    caseName: docket.caseName,
    caseId: docket.caseId,
    documentNumber: docket.documentNumber,
    docketText: docket.docketText,
    shortDescription: docket.shortDescription,
    dateFiled: docket.dateFiled,
    deSeqNum: docket.deSeqNum,
    docId: docket.docId,
  };
}

/** The names the inbox's search finds an entry by: the filer, then everyone the notice was sent to, one a line. */
export function partyNames(filer: string | null, recipients: readonly Pick<NoticeRecipient, 'name'>[]): string {
  return [filer, ...recipients.map((recipient) => recipient.name)].filter(Boolean).join('\n');
}
