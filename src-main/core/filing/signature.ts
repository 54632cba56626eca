import { createHash } from 'node:crypto';
import type { Draft, FilingSignature } from '../../shared/filing';

/**
 * What a signature covers (FAQ 35: the filing attorney's PACER login is the signature on everything filed under it).
 * The digest is taken over every part of the draft the court receives or that decides what it receives: the court,
 * the case or new action, the event, the filer's parties and the case's parties as served, each document's type,
 * description and SHA-256 in order, the related entries, the docket text, the other signers and whether the certificate
 * of service is at the end of the main document. A change to any of
 * them makes a different digest, so the signature no longer matches and counts as void (docs/court-rules.md#signatures).
 * The due date, the preparer's name and the review flag are notes for the firm, not part of the filing, and are left out.
 * Each part is written in a fixed order, so the same draft always gives the same digest however it was stored.
 */
export function signedDigest(draft: Draft, documentSha256: (documentId: string) => string | null): string {
  const signedParts = {
    courtProfile: draft.courtProfile,
    case: draft.case && [draft.case.caseId, draft.case.caseNumber, draft.case.caption],
    newAction: draft.newAction && [draft.newAction.caption],
    eventId: draft.eventId,
    filerPartyIds: draft.filerPartyIds,
    parties: draft.parties.map((party) => ({
      id: party.id,
      name: party.name,
      role: party.role,
      isServedElectronically: party.isServedElectronically,
      address: party.address ?? null,
    })),
    documents: draft.documents.map((document) => ({
      type: document.type,
      description: document.description,
      sha256: documentSha256(document.documentId),
    })),
    relatedDocumentNumbers: draft.relatedDocumentNumbers,
    docketAnnotation: draft.docketAnnotation,
    signers: draft.signers.map((signer) => [signer.name, signer.firm, signer.isFiler]),
    // Written only when chosen, so a signature made before the choice existed still matches.
    ...(draft.isCertificateInMainDocument ? { isCertificateInMainDocument: true } : {}),
  };
  return createHash('sha256').update(JSON.stringify(signedParts)).digest('hex');
}

/** Whether the signature still covers the draft as it is now. */
export function isSignatureValid(
  signature: FilingSignature,
  draft: Draft,
  documentSha256: (documentId: string) => string | null,
): boolean {
  return signature.digest === signedDigest(draft, documentSha256);
}

/** Why another filer's session does not send a filing: only the signer's own login is the signature (FAQ 35). */
export function signedByAnotherMessage(signature: Pick<FilingSignature, 'name' | 'loginId'>): string {
  return `Signed by ${signature.name}; log in as ${signature.loginId} to send it. Another filer's login would put their signature on it (FAQ 35).`;
}
