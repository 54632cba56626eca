import { createHash } from 'node:crypto';
import { serviceInput, type ServiceInput } from '../../shared/certificate-of-service';
import { findDocketEvent } from '../../shared/cit-event-catalog';
import { easternDateOf } from '../../shared/deadline-clock';
import type { CourtProfileId } from '../../shared/domain';
import type { Draft, DraftDocument, DraftReview } from '../../shared/filing';
import type { SessionStatus } from '../../shared/accounts';
import { AppError } from '../errors';
import type { Clock } from '../ports';
import { certificateOfServicePdf } from './certificate-of-service';
import type { DraftsService } from './drafts-service';
import type { FilingDocuments } from './filing-services';

/** What the certificate service needs. */
export interface CertificateServiceOptions {
  readonly drafts: DraftsService;
  readonly documents: FilingDocuments;
  readonly session: () => SessionStatus;
  /** The attorney's name saved with an account (empty until given on the Accounts screen). */
  readonly accountName: (accountId: string) => string;
  readonly clock: Clock;
}

/** The court each profile files into, as a certificate's heading names it. */
const courtNames: Readonly<Record<CourtProfileId, string>> = {
  'cit-training': 'United States Court of International Trade',
  cit: 'United States Court of International Trade',
};

const certificateDescription = 'Certificate of Service';

/**
 * A digest of what a certificate is made from: the draft's case, parties, filer parties and signers, and the name of
 * the attorney whose `/s/` signature it carries.
 */
function certificateSourceOf(draft: Draft, signerName: string): string {
  const { case: courtCase, parties, filerPartyIds, signers } = draft;
  return createHash('sha256')
    .update(JSON.stringify({ courtCase, parties, filerPartyIds, signers, signerName }))
    .digest('hex');
}

/** The certificate of service ECF Desk made for the draft, if any. */
function generatedCertificateOf(draft: Draft): DraftDocument | undefined {
  return draft.documents.find(
    (document) => document.type === 'certificate-of-service' && document.generatedFrom !== undefined,
  );
}

/**
 * The certificate of service made from a draft (FAQ 36–38): every party of the case but those it is filed for, served
 * through CM/ECF when registered for e-service and by first-class mail otherwise, signed by the filing attorney.
 */
export function createCertificateService(options: CertificateServiceOptions) {
  const { drafts, documents, clock } = options;

  /** The filing attorney who signs the certificate: the draft's filer signer, else the logged-in account's attorney. */
  const knownSignerOf = (draft: Draft): { name: string; firm: string } => {
    const filer = draft.signers.find((signer) => signer.isFiler && signer.name.trim() !== '');
    if (filer) {
      return { name: filer.name, firm: filer.firm };
    }
    const session = options.session();
    return { name: session.state === 'logged-in' ? options.accountName(session.accountId).trim() : '', firm: '' };
  };

  const sourceOf = (draft: Draft): string => certificateSourceOf(draft, knownSignerOf(draft).name);

  const signerOf = (draft: Draft): { name: string; firm: string } => {
    const { name, firm } = knownSignerOf(draft);
    if (name === '') {
      throw new AppError(
        'certificate.no-signer',
        "A certificate of service is signed by the filing attorney (/s/ and their name, FAQ 35), and ECF Desk does not know the name yet. Add the attorney's name to their account on the Accounts screen, or add them as the filer signer on the Review step, then make the certificate again.",
      );
    }
    return { name, firm };
  };

  const inputOf = (draft: Draft): ServiceInput => {
    // FAQ 37: the parties filed for are not served; everyone else is, by the court's notice or by other means.
    const served = draft.parties.filter((party) => !draft.filerPartyIds.includes(party.id));
    if (draft.case === null || served.length === 0) {
      throw new AppError(
        'certificate.no-parties',
        'A certificate of service lists the parties served, and this filing has none yet. Choose the case (step 1) and the parties you file for (step 3) first.',
      );
    }
    const unaddressed = served.find((party) => !party.isServedElectronically && !party.address?.trim());
    if (unaddressed) {
      throw new AppError(
        'certificate.no-address',
        `${unaddressed.name} is not served electronically, and the court lists no mailing address for them, so ECF Desk cannot say where the document was mailed (FAQ 38). Choose the case again to read its parties from the court, or write the certificate of service yourself and attach it.`,
      );
    }
    const main = draft.documents.find((document) => document.type === 'main');
    const title = main?.description.trim() || findDocketEvent(draft.eventId ?? '')?.name || 'document';
    const signer = signerOf(draft);
    return serviceInput.parse({
      court: courtNames[draft.courtProfile],
      caseNumber: draft.case.caseNumber.slice(0, 60),
      caption: draft.case.caption.slice(0, 500),
      documentTitle: title.slice(0, 300),
      date: easternDateOf(clock.now()),
      signer: { name: signer.name.slice(0, 120), firm: signer.firm.slice(0, 120), address: '', email: '' },
      parties: served.slice(0, 200).map((party) => ({
        name: party.name.slice(0, 200),
        role: party.role.slice(0, 120),
        ...(party.isServedElectronically
          ? { method: 'electronic' as const }
          : { method: 'mail' as const, address: (party.address ?? '').slice(0, 500) }),
      })),
    });
  };

  /** Forgets a replaced certificate's copy in the Documents list (the user may have removed it already). */
  const dropCopy = (documentId: string): void => {
    if (!documents.list().some((record) => record.id === documentId)) {
      return;
    }
    documents.remove(documentId);
  };

  /** Makes the certificate from the draft as it is now and puts it in place of the one made before, or last. */
  const make = async (draft: Draft): Promise<DraftReview> => {
    const source = sourceOf(draft);
    const input = inputOf(draft);
    const bytes = await certificateOfServicePdf(input);
    const name = `Certificate of Service ${input.caseNumber.replaceAll(':', '-')}.pdf`;
    const record = await documents.add(`certificate-${draft.id}-${source.slice(0, 12)}`, name, bytes);
    // Read again after the awaits: the draft may have changed meanwhile, and only its documents are replaced here.
    const current = drafts.find(draft.id);
    if (sourceOf(current) !== source) {
      // Its parties or signers changed while this one was made: it is already out of date, so make it from them.
      dropCopy(record.id);
      return make(current);
    }
    const made: DraftDocument = {
      documentId: record.id,
      type: 'certificate-of-service',
      description: certificateDescription,
      generatedFrom: source,
    };
    const earlier = generatedCertificateOf(current);
    const next = earlier
      ? current.documents.map((document) => (document === earlier ? made : document))
      : [...current.documents, made];
    const review = drafts.update(draft.id, { documents: next });
    if (earlier && earlier.documentId !== record.id) {
      dropCopy(earlier.documentId);
    }
    return review;
  };

  return {
    /** FAQ 38: makes the draft's certificate of service (again), replacing the one ECF Desk made before. */
    makeCertificateOfService: (draftId: string): Promise<DraftReview> => make(drafts.find(draftId)),

    /**
     * After a change to a draft, or before it is signed: when its case, parties, filer parties, signers or signing
     * attorney are no longer those its certificate was made from, the certificate is made again. When it cannot be (no signer, no address), the outdated one is
     * taken off the filing, so the review asks for a certificate again rather than letting a wrong one be filed.
     */
    async refreshGeneratedCertificate(draftId: string, review: DraftReview): Promise<DraftReview> {
      const draft = review.draft;
      const earlier = generatedCertificateOf(draft);
      if (!earlier || earlier.generatedFrom === sourceOf(draft)) {
        return review;
      }
      try {
        return await make(draft);
      } catch (error) {
        if (!(error instanceof AppError && error.code.startsWith('certificate.'))) {
          throw error;
        }
        const current = drafts.find(draftId);
        const outdated = generatedCertificateOf(current);
        if (!outdated || outdated.generatedFrom === sourceOf(current)) {
          return drafts.review(current);
        }
        const next = drafts.update(draftId, {
          documents: current.documents.filter((document) => document !== outdated),
        });
        dropCopy(outdated.documentId);
        return next;
      }
    },
  };
}

/** The certificate service. */
export type CertificateService = ReturnType<typeof createCertificateService>;
