import type { DocumentFacts, RuleContext } from '../../../src-main/shared/filing-rules';
import type { CaseParty, Draft, DraftDocument } from '../../../src-main/shared/filing';

/** Synthetic drafts for the rule tests: a complete, clean Motion to Stay unless a test changes something. */

export const plaintiff: CaseParty = {
  id: 'p1',
  name: 'Acme Bearings, Inc.',
  role: 'Plaintiff',
  isServedElectronically: true,
};
export const defendant: CaseParty = {
  id: 'd1',
  name: 'United States',
  role: 'Defendant',
  isServedElectronically: true,
};

export const mainDocument: DraftDocument = { documentId: 'doc-main', type: 'main', description: '' };
export const proposedOrder: DraftDocument = {
  documentId: 'doc-order',
  type: 'proposed-order',
  description: 'Proposed Order',
};
export const exhibit: DraftDocument = {
  documentId: 'doc-exhibit',
  type: 'exhibit',
  description: 'Exhibit A - Entry summaries',
};
export const certificateOfService: DraftDocument = {
  documentId: 'doc-certificate',
  type: 'certificate-of-service',
  description: 'Certificate of Service',
};

/** A draft ready to submit, with the given changes. */
export function draftWith(changes: Partial<Draft> = {}): Draft {
  return {
    id: 'draft-1',
    courtProfile: 'cit-training',
    case: { caseId: 123, caseNumber: '1:26-cv-00123-MMB', caption: 'Acme Bearings, Inc. v. United States' },
    parties: [plaintiff, defendant],
    filerPartyIds: [plaintiff.id],
    eventId: 'motion-to-stay',
    documents: [mainDocument, proposedOrder],
    relatedDocumentNumbers: [],
    docketAnnotation: '',
    signers: [],
    preparedBy: 'Pat Paralegal',
    isReadyForReview: true,
    package: null,
    signature: null,
    due: null,
    newAction: null,
    isCertificateInMainDocument: false,
    outbox: null,
    createdAt: '2026-01-14T15:00:00Z',
    updatedAt: '2026-01-14T15:00:00Z',
    ...changes,
  };
}

/** A clean PDF for every document of the draft, unless overridden by id. */
export function contextFor(
  draft: Draft,
  overrides: Readonly<Record<string, Partial<DocumentFacts>>> = {},
  extra: Partial<Omit<RuleContext, 'draft'>> = {},
): RuleContext {
  const documents = new Map<string, DocumentFacts>(
    draft.documents.map((document) => [
      document.documentId,
      {
        name: `${document.documentId}.pdf`,
        isPdf: true,
        pages: 3,
        preflight: 'pass',
        ...overrides[document.documentId],
      },
    ]),
  );
  // Wednesday, January 14, 2026, 11 a.m. Eastern: within Clerk's Office hours.
  return { draft, documents, now: new Date('2026-01-14T16:00:00Z'), packageDrafts: [], ...extra };
}
