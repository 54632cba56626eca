import { randomUUID } from 'node:crypto';
import type { CourtProfileId, DocumentRecord } from '../../shared/domain';
import { arrangeDocuments, type DocumentsChange } from '../../shared/arrange-documents';
import type { Draft, DraftChanges, DraftReview, FilingSignature } from '../../shared/filing';
import {
  canSubmit,
  checkDraft,
  docketTextPreview,
  interventionPackageEvents,
  type DocumentFacts,
} from '../../shared/filing-rules';
import { AppError } from '../errors';
import type { Clock } from '../ports';
import type { DraftsTable } from '../storage/drafts-table';
import { isSignatureValid, signedDigest } from './signature';

/** What the drafts service needs. */
export interface DraftsServiceOptions {
  readonly table: DraftsTable;
  /** The documents in the store, for each draft document's facts and preflight verdict. */
  readonly documents: () => readonly DocumentRecord[];
  readonly clock: Clock;
  readonly courtProfile: () => CourtProfileId;
  readonly onChange: (draftId: string | null) => void;
  /** Records an action on a draft in its filing record (docs/architecture.md#the-filing-record). */
  readonly onRecord?: (draft: Draft, action: DraftRecordAction, detail: string) => void;
}

/** The filer account that signs: FAQ 35, the attorney's own PACER login, with the name the `/s/` signature carries. */
export interface SigningAccount {
  readonly accountId: string;
  readonly loginId: string;
  readonly name: string;
  readonly role: string;
}
/** The record actions the drafts service itself takes. */
export type DraftRecordAction =
  | 'draft.created'
  | 'draft.changed'
  | 'draft.signed'
  | 'signature.voided'
  | 'draft.deleted'
  | 'draft.imported'
  | 'outbox.withdrawn';

/** The parts of a draft a change touched, in the words the record uses. */
function changedParts(before: Draft, after: Draft): string[] {
  const parts: readonly (readonly [keyof Draft, string])[] = [
    ['case', 'case'],
    ['newAction', 'new action'],
    ['parties', "case's parties"],
    ['filerPartyIds', 'parties filed for'],
    ['eventId', 'event'],
    ['documents', 'documents'],
    ['relatedDocumentNumbers', 'related entries'],
    ['docketAnnotation', 'docket text'],
    ['signers', 'signers'],
    ['preparedBy', 'prepared by'],
    ['isReadyForReview', 'ready for review'],
    ['due', 'due date'],
    ['isCertificateInMainDocument', 'certificate of service at the end of the main document'],
  ];
  return parts.filter(([key]) => JSON.stringify(before[key]) !== JSON.stringify(after[key])).map(([, words]) => words);
}

/** Outbox states in which a draft is the court's business now, not the editor's. */
const lockedStates = new Set(['ready', 'submitting', 'submitted', 'filed', 'needs-verification']);

/** Refuses a change to a draft the outbox holds. */
function requireEditable(draft: Draft): void {
  if (draft.outbox && lockedStates.has(draft.outbox.state)) {
    throw new AppError(
      'filing.in-outbox',
      'This filing is in the outbox. Withdraw it from the outbox before changing it.',
    );
  }
}

/** The facts the court's rules need about each document of a draft. */
export function documentFacts(records: readonly DocumentRecord[]): Map<string, DocumentFacts> {
  return new Map(
    records.map((record) => {
      const preflight =
        record.preflight.state === 'done'
          ? record.preflight.report.verdict
          : record.preflight.state === 'not-applicable'
            ? null
            : 'pending';
      return [record.id, { name: record.name, isPdf: record.problem === null, pages: record.pages, preflight }];
    }),
  );
}

/**
 * A document fixed on the Documents screen (or from the wizard) is replaced by its fixed version: the original is
 * kept aside by the document store, and a filing should carry what the court will accept. A split replaces the
 * document with its parts, in order, the later parts named by their part number (FAQ 48).
 */
export function followFixedVersions(
  documents: Draft['documents'],
  records: readonly DocumentRecord[],
): Draft['documents'] {
  const listed = new Set(records.map((record) => record.id));
  return documents.flatMap((document) => {
    if (listed.has(document.documentId)) {
      return [document];
    }
    const versions = records
      .filter((record) => record.fixedFrom?.fromId === document.documentId)
      .sort((a, b) => (a.fixedFrom?.part?.number ?? 0) - (b.fixedFrom?.part?.number ?? 0));
    if (versions.length === 0) {
      return [document];
    }
    return versions.map((version, index) =>
      index === 0
        ? { ...document, documentId: version.id }
        : {
            documentId: version.id,
            type: document.type === 'main' ? 'exhibit' : document.type,
            description: `${document.description || 'Main document'} (part ${index + 1})`,
          },
    );
  });
}

/** Drafts: saved in SQLite on every change, reviewed against the court's rules each time. */
export function createDraftsService(options: DraftsServiceOptions) {
  const { table, clock } = options;

  const find = (id: string): Draft => {
    const draft = table.find(id);
    if (!draft) {
      throw new AppError(
        'draft.not-found',
        'That draft is no longer there. It may have been deleted in another window.',
      );
    }
    return draft;
  };

  const blank = (fields: Partial<Draft> = {}): Draft => {
    const now = clock.now().toISOString();
    return {
      id: randomUUID(),
      courtProfile: options.courtProfile(),
      case: null,
      parties: [],
      filerPartyIds: [],
      eventId: null,
      documents: [],
      relatedDocumentNumbers: [],
      docketAnnotation: '',
      signers: [],
      preparedBy: '',
      isReadyForReview: false,
      package: null,
      signature: null,
      due: null,
      newAction: null,
      isCertificateInMainDocument: false,
      outbox: null,
      createdAt: now,
      updatedAt: now,
      ...fields,
    };
  };

  /** Each stored document's SHA-256 by id: a signature covers the documents' bytes, not only their names. */
  const documentHashes = (): ((documentId: string) => string | null) => {
    const hashes = new Map(options.documents().map((record) => [record.id, record.sha256]));
    return (documentId) => hashes.get(documentId) ?? null;
  };

  /** The draft with its signature dropped when a signed part no longer matches what was signed. */
  const withSignatureChecked = (draft: Draft): Draft =>
    draft.signature && !isSignatureValid(draft.signature, draft, documentHashes())
      ? { ...draft, signature: null }
      : draft;

  /** Records a change in the filing record, and the signature it voided, if any. */
  const recordChange = (before: Draft, after: Draft): void => {
    const parts = changedParts(before, after);
    if (parts.length > 0) {
      options.onRecord?.(after, 'draft.changed', `Changed: ${parts.join(', ')}.`);
    }
    if (before.signature && !after.signature) {
      options.onRecord?.(
        after,
        'signature.voided',
        `The signature of ${before.signature.name} (${before.signature.loginId}) no longer covers the filing (${parts.join(', ') || 'its documents'} changed); it must be signed again (FAQ 35).`,
      );
    }
  };

  const review = (given: Draft): DraftReview => {
    const records = options.documents();
    let draft = given;
    const followed = followFixedVersions(draft.documents, records);
    if (
      JSON.stringify(followed) !== JSON.stringify(draft.documents) &&
      !(draft.outbox && lockedStates.has(draft.outbox.state))
    ) {
      draft = { ...draft, documents: followed, updatedAt: clock.now().toISOString() };
    }
    if (!(draft.outbox && lockedStates.has(draft.outbox.state))) {
      draft = withSignatureChecked(draft);
    }
    if (draft !== given) {
      table.put(draft);
      options.onChange(draft.id);
      recordChange(given, draft);
    }
    const checks = checkDraft({
      draft,
      documents: documentFacts(records),
      now: clock.now(),
      packageDrafts: draft.package ? table.inPackage(draft.package.id).filter((other) => other.id !== draft.id) : [],
    });
    return { draft, checks, docketTextPreview: docketTextPreview(draft), canSubmit: canSubmit(checks) };
  };

  /**
   * Saves a change to a draft just read, at once. A package's case and parties follow to its other steps, which are
   * filed for the same intervenor.
   */
  const save = (draft: Draft, changes: DraftChanges): DraftReview => {
    const { id } = draft;
    requireEditable(draft);
    // A change to anything signed voids the signature (FAQ 35): the attorney signs again what will be filed.
    const next = withSignatureChecked({ ...draft, ...changes, updatedAt: clock.now().toISOString() } as Draft);
    table.put(next);
    recordChange(draft, next);
    if (
      draft.package &&
      (changes.case !== undefined || changes.parties !== undefined || changes.filerPartyIds !== undefined)
    ) {
      for (const other of table.inPackage(draft.package.id)) {
        if (other.id === id || (other.outbox && lockedStates.has(other.outbox.state))) {
          continue;
        }
        const followed = withSignatureChecked({
          ...other,
          case: next.case,
          parties: next.parties,
          filerPartyIds: next.filerPartyIds,
          updatedAt: next.updatedAt,
        });
        table.put(followed);
        recordChange(other, followed);
      }
    }
    options.onChange(draft.package ? null : id);
    return review(next);
  };

  return {
    list: (): Draft[] => table.list(),
    find,
    /** The draft with this id, or null when there is none. */
    lookup: (id: string): Draft | null => table.find(id),
    review,
    get: (id: string): DraftReview => review(find(id)),

    create(): Draft {
      const draft = blank();
      table.put(draft);
      options.onRecord?.(draft, 'draft.created', 'The draft was created.');
      options.onChange(draft.id);
      return draft;
    },

    /** FAQ 41: five filings, each on its own, in this order; the drafts carry their step so the outbox keeps it. */
    createInterventionPackage(): Draft[] {
      const packageId = randomUUID();
      const drafts = interventionPackageEvents.map((eventId, index) =>
        blank({
          eventId,
          package: {
            id: packageId,
            kind: 'motion-to-intervene',
            step: index + 1,
            of: interventionPackageEvents.length,
          },
        }),
      );
      for (const draft of drafts) {
        table.put(draft);
        options.onRecord?.(
          draft,
          'draft.created',
          `The draft was created as step ${draft.package?.step} of ${draft.package?.of} of a Motion to Intervene package (FAQ 41).`,
        );
      }
      options.onChange(null);
      return drafts;
    },

    /** Saves a change at once (see `save`). */
    update: (id: string, changes: DraftChanges): DraftReview => save(find(id), changes),

    /**
     * Applies one change to the draft's documents as they are now: whatever the wizard had on screen, a document main
     * attached meanwhile (a certificate of service) stays.
     */
    arrangeDocuments(id: string, change: DocumentsChange): DraftReview {
      const draft = find(id);
      return save(draft, { documents: arrangeDocuments(draft.documents, change) });
    },

    /**
     * Signs the draft as it is now with the filer's own account (FAQ 35). Only a draft the review lets through can be
     * signed: the attorney signs what will be filed, every document checked.
     */
    sign(id: string, account: SigningAccount): DraftReview {
      const current = review(find(id));
      requireEditable(current.draft);
      if (!current.canSubmit) {
        throw new AppError(
          'filing.not-ready',
          'This filing is not ready to sign: fix what the review lists as blocking first.',
        );
      }
      const signature: FilingSignature = {
        ...account,
        signedAt: clock.now().toISOString(),
        digest: signedDigest(current.draft, documentHashes()),
      };
      const next: Draft = { ...current.draft, signature, updatedAt: signature.signedAt };
      table.put(next);
      options.onRecord?.(
        next,
        'draft.signed',
        `Signed by ${signature.name} (${signature.loginId})${signature.role ? `, ${signature.role}` : ''}; what is signed has the digest ${signature.digest}.` +
          (next.isCertificateInMainDocument ? ' The certificate of service is at the end of the main document.' : ''),
      );
      options.onChange(id);
      return review(next);
    },

    /** Takes the signature back (the attorney unticks "I sign this filing"). */
    unsign(id: string): DraftReview {
      const draft = find(id);
      requireEditable(draft);
      const next: Draft = { ...draft, signature: null, updatedAt: clock.now().toISOString() };
      table.put(next);
      if (draft.signature) {
        options.onRecord?.(next, 'signature.voided', `${draft.signature.name} took the signature back.`);
      }
      options.onChange(id);
      return review(next);
    },

    /** Whether the draft's signature still covers what it is now (the outbox checks again with the bytes it sends). */
    signatureHolds(draft: Draft): boolean {
      return draft.signature !== null && isSignatureValid(draft.signature, draft, documentHashes());
    },

    /** Withdraws a waiting or failed item from the outbox, back to an editable draft. */
    withdraw(id: string): DraftReview {
      const draft = find(id);
      if (draft.outbox && !['ready', 'failed', 'needs-attention'].includes(draft.outbox.state)) {
        throw new AppError(
          'filing.at-court',
          'Only a filing that is waiting, failed or stopped before the final submit can be taken back from the outbox.',
        );
      }
      const next: Draft = { ...draft, outbox: null, updatedAt: clock.now().toISOString() };
      table.put(next);
      options.onRecord?.(draft, 'outbox.withdrawn', 'The filing was taken back from the outbox to be edited.');
      options.onChange(id);
      return review(next);
    },

    delete(id: string): void {
      const draft = find(id);
      if (draft.outbox && ['submitting', 'needs-verification'].includes(draft.outbox.state)) {
        throw new AppError(
          'filing.at-court',
          'This filing is being sent or checked against the docket; it cannot be deleted now.',
        );
      }
      table.remove(id);
      options.onRecord?.(draft, 'draft.deleted', 'The draft was deleted; its record is kept.');
      options.onChange(id);
    },

    /**
     * Keeps a draft imported from a hand-off file or taken from the firm server (its documents already re-added and
     * verified); `detail` says where it came from in its record.
     */
    adopt(draft: Draft, detail = 'The draft was imported from a hand-off file.'): Draft {
      table.put(draft);
      options.onRecord?.(draft, 'draft.imported', detail);
      options.onChange(draft.id);
      return draft;
    },
  };
}

/** The drafts service. */
export type DraftsService = ReturnType<typeof createDraftsService>;
