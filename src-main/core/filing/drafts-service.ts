import { randomUUID } from 'node:crypto';
import type { CourtProfileId, DocumentRecord } from '../../shared/domain';
import type { Draft, DraftChanges, DraftReview } from '../../shared/filing';
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

/** The record actions the drafts service itself takes. */
export type DraftRecordAction = 'draft.created' | 'draft.deleted' | 'draft.imported' | 'outbox.withdrawn';

/** Outbox states in which a draft is the court's business now, not the editor's. */
const lockedStates = new Set(['ready', 'submitting', 'submitted', 'filed', 'needs-verification']);

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
      outbox: null,
      createdAt: now,
      updatedAt: now,
      ...fields,
    };
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
      table.put(draft);
      options.onChange(draft.id);
    }
    const checks = checkDraft({
      draft,
      documents: documentFacts(records),
      now: clock.now(),
      packageDrafts: draft.package ? table.inPackage(draft.package.id).filter((other) => other.id !== draft.id) : [],
    });
    return { draft, checks, docketTextPreview: docketTextPreview(draft), canSubmit: canSubmit(checks) };
  };

  return {
    list: (): Draft[] => table.list(),
    find,
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

    /** Saves a change at once. A package's case and parties follow to its other steps, which are filed for the same intervenor. */
    update(id: string, changes: DraftChanges): DraftReview {
      const draft = find(id);
      if (draft.outbox && lockedStates.has(draft.outbox.state)) {
        throw new AppError(
          'filing.in-outbox',
          'This filing is in the outbox. Withdraw it from the outbox before changing it.',
        );
      }
      const next: Draft = { ...draft, ...changes, updatedAt: clock.now().toISOString() } as Draft;
      table.put(next);
      if (
        draft.package &&
        (changes.case !== undefined || changes.parties !== undefined || changes.filerPartyIds !== undefined)
      ) {
        for (const other of table.inPackage(draft.package.id)) {
          if (other.id === id || (other.outbox && lockedStates.has(other.outbox.state))) {
            continue;
          }
          table.put({
            ...other,
            case: next.case,
            parties: next.parties,
            filerPartyIds: next.filerPartyIds,
            updatedAt: next.updatedAt,
          });
        }
      }
      options.onChange(draft.package ? null : id);
      return review(next);
    },

    /** Withdraws a waiting or failed item from the outbox, back to an editable draft. */
    withdraw(id: string): DraftReview {
      const draft = find(id);
      if (draft.outbox && !['ready', 'failed'].includes(draft.outbox.state)) {
        throw new AppError(
          'filing.at-court',
          'Only a filing that is waiting or failed can be taken back from the outbox.',
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

    /** Keeps an imported draft (its documents already re-added and verified). */
    adopt(draft: Draft): Draft {
      table.put(draft);
      options.onRecord?.(draft, 'draft.imported', 'The draft was imported from a hand-off file.');
      options.onChange(draft.id);
      return draft;
    },
  };
}

/** The drafts service. */
export type DraftsService = ReturnType<typeof createDraftsService>;
