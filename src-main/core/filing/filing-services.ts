import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { CourtProfileId, CourtStatus, DocumentRecord } from '../../shared/domain';
import type { Draft, DraftReview } from '../../shared/filing';
import type { AccountsService } from '../court/accounts-service';
import type { CourtSession } from '../court/court-session';
import {
  createFilingDriver,
  CourtUnavailableError,
  SessionEndedError,
  type FilingDriver,
} from '../court/filing-driver';
import { filingProfileOf } from '../court/filing-profile';
import type { FilingPageReader } from '../court/read-filing-page';
import { isTestedPageMap, pageMapDigest, type PageMap } from '../court/page-map';
import { createPageMapScreensTable } from '../storage/page-map-screens-table';
import type { CourtFetch } from '../court/pacer-login';
import { AppError } from '../errors';
import type { Clock, EmitEvent } from '../ports';
import { createDraftsTable } from '../storage/drafts-table';
import { writeDraftPackage, type DraftPackageReader } from './draft-package';
import { createCertificateService } from './certificate-service';
import { createDraftsService } from './drafts-service';
import { createOutbox } from './outbox';
import { signedByAnotherMessage } from './signature';
import type { AppLog } from '../storage/app-log';
import { describeError } from '../../shared/describe-error';
import type { RecordAccount, RecordView } from '../../shared/filing-record';
import { courtProfiles } from '../court/court-profiles';
import { compareCourtCopies, describeCourtCopies, isSameCheck, type SavedEntryCopies } from './court-copies';
import { createFilingJournal, currentOsUser } from './filing-journal';
import { filingRecordPdf } from './filing-record-pdf';
import { recordText } from './record-chain';

/** The document store as filing sees it. */
export interface FilingDocuments {
  list(): readonly DocumentRecord[];
  content(id: string): Promise<Uint8Array>;
  add(jobId: string, name: string, bytes: Uint8Array): Promise<DocumentRecord>;
  remove(id: string): void;
}

/** What filing needs from the rest of core. */
export interface FilingServicesOptions {
  readonly database: Database.Database;
  readonly documents: FilingDocuments;
  readonly session: CourtSession;
  /** The saved accounts: a signature carries its attorney's name and role. */
  readonly accounts: Pick<AccountsService, 'find' | 'setSigner'>;
  readonly court: () => CourtStatus;
  /**
   * The page map filing with a court goes by (docs/court-pages.md#loading-a-page-map); throws an AppError when the one
   * chosen cannot be used, and the outbox waits. Absent: the one shipped.
   */
  readonly pageMap?: (court: CourtProfileId) => PageMap | null;
  readonly fetch: CourtFetch;
  readonly clock: Clock;
  readonly emit: EmitEvent;
  readonly log: AppLog;
  /** Reads a hand-off file (in a child process in the app: a package is hostile input until verified). */
  readonly readDraftPackage: DraftPackageReader;
  /** Reads the pages of the court's filing surface (in a child process in the app: court pages are hostile input). */
  readonly readFilingPage: FilingPageReader;
  readonly retryDelayMs?: number;
  /** The PACER account logged in now, as the filing record names who acted; null when nobody is. */
  readonly account?: () => RecordAccount | null;
  /** The operating-system user the record names (default: the one running the app). */
  readonly osUser?: string;
  /**
   * Runs before a draft the checks let through goes into the outbox; throws (an AppError) to keep it out. A shared
   * draft is recorded on the firm server as in this user's outbox here (docs/firm-server.md#shared-drafts).
   */
  readonly beforeSubmit?: (draft: Draft) => Promise<void>;
  /** A draft changed (`id` null: several did), after the renderer is told. */
  readonly onDraftsChanged?: (id: string | null) => void;
}

/** Drafts, the outbox and the court's filing surface, wired together (the inbox hands the outbox each NEF's entry). */
export function createFilingServices(options: FilingServicesOptions) {
  const { session, clock } = options;
  const table = createDraftsTable(options.database);
  const changed = (id: string | null): void => {
    options.emit('drafts.changed', { id });
    options.onDraftsChanged?.(id);
  };
  const journal = createFilingJournal({ database: options.database, clock, osUser: options.osUser ?? currentOsUser() });
  /** A draft's documents as the record keeps them: by name and SHA-256, as they stand now. */
  const documentsOf = (draft: Draft): { name: string; sha256: string }[] => {
    const records = options.documents.list();
    return draft.documents.flatMap(({ documentId }) => {
      const record = records.find((candidate) => candidate.id === documentId);
      return record ? [{ name: record.name, sha256: record.sha256 }] : [];
    });
  };
  const drafts = createDraftsService({
    table,
    documents: () => options.documents.list(),
    clock,
    courtProfile: () => options.court().profileId,
    onChange: changed,
    onRecord: (draft, action, detail) =>
      journal.append(draft.id, {
        action,
        detail,
        account: options.account?.() ?? null,
        documents: documentsOf(draft),
        courtAnswer: null,
      }),
  });

  const pageMapScreens = createPageMapScreensTable(options.database);

  /**
   * A driver for the court in use; `pageMap` is the map a filing goes by (lookups need none). A map not tested end to
   * end files only once the user has confirmed each screen with it (docs/court-pages.md#confirming-screens).
   */
  const driverFor = (pageMap?: PageMap | null): FilingDriver | null => {
    const court = options.court();
    const profile = filingProfileOf(court.profileId);
    if (!profile || court.state !== 'ready' || !court.ecfUrl) {
      return null;
    }
    return createFilingDriver({
      baseUrl: court.ecfUrl,
      profileId: court.profileId,
      profile,
      fetch: options.fetch,
      token: () => session.token(),
      readPage: options.readFilingPage,
      ...(pageMap ? { pageMap } : {}),
      ...(pageMap && !isTestedPageMap(pageMap)
        ? { confirmedScreens: pageMapScreens.confirmed(pageMapDigest(pageMap)) }
        : {}),
    });
  };

  const requireDriver = (): FilingDriver => {
    const driver = driverFor();
    if (driver) {
      return driver;
    }
    const court = options.court();
    if (filingProfileOf(court.profileId)) {
      throw new AppError('court.not-ready', court.message ?? 'The court is not ready yet.');
    }
    throw new AppError(
      'court.no-filing',
      `Filing with ${court.name} is not available in this version: its filing pages cannot be tested here. File on the court's own site.`,
    );
  };

  const outbox = createOutbox({
    table,
    session,
    court: options.court,
    // The page map is chosen for each pass: one that cannot be used throws here, and the outbox waits saying why.
    driver: () => driverFor(options.pageMap?.(options.court().profileId)),
    document: async (documentId) => {
      const record = options.documents.list().find((candidate) => candidate.id === documentId);
      if (!record) {
        throw new AppError('document.not-found', 'A document of this filing is no longer in the Documents list.');
      }
      return { name: record.name, bytes: await options.documents.content(documentId) };
    },
    clock,
    localTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    onRecord: (draft, entry) =>
      journal.append(draft.id, {
        action: entry.action,
        detail: entry.detail,
        account: options.account?.() ?? null,
        documents: entry.documents ? [...entry.documents] : documentsOf(draft),
        courtAnswer: entry.courtAnswer ?? null,
      }),
    onChange: changed,
    log: options.log,
    ...(options.retryDelayMs === undefined ? {} : { retryDelayMs: options.retryDelayMs }),
    onScreensConfirmed: (mapDigest, steps) => {
      const { loginId } = session.requireFilingSession();
      pageMapScreens.confirm(mapDigest, steps, loginId, clock.now());
    },
  });

  const courtCall = async <T>(call: (driver: FilingDriver) => Promise<T>): Promise<T> => {
    session.token();
    try {
      return await call(requireDriver());
    } catch (error) {
      if (error instanceof SessionEndedError) {
        session.markExpired();
        throw new AppError('session.none', error.message);
      }
      if (error instanceof CourtUnavailableError) {
        throw new AppError('court.unreachable', error.message);
      }
      throw error;
    }
  };

  const importPackage = async (bytes: Uint8Array): Promise<Draft> => {
    const { draft, documents } = await options.readDraftPackage(bytes);
    const newIds = new Map<string, string>();
    // Each document goes through the store as if added here: its own preflight runs again on this desktop.
    for (const document of documents) {
      newIds.set(
        document.id,
        (await options.documents.add(`import-${randomUUID()}`, document.name, document.bytes)).id,
      );
    }
    const now = clock.now().toISOString();
    return drafts.adopt({
      ...draft,
      id: randomUUID(),
      documents: draft.documents.map((document) => ({
        ...document,
        documentId: newIds.get(document.documentId) ?? document.documentId,
      })),
      package: null,
      outbox: null,
      createdAt: now,
      updatedAt: now,
    });
  };

  /** A draft and its documents as a hand-off file (the documents must still be in the Documents list). */
  const exportDraft = async (id: string): Promise<Uint8Array> => {
    const draft = drafts.find(id);
    const records = options.documents.list();
    const documents = await Promise.all(
      draft.documents.map(async ({ documentId }) => {
        const record = records.find((candidate) => candidate.id === documentId);
        if (!record) {
          throw new AppError(
            'document.not-found',
            'A document of this draft is no longer in the Documents list; add it again before exporting.',
          );
        }
        return { record, bytes: await options.documents.content(documentId) };
      }),
    );
    return writeDraftPackage(draft, documents, clock.now());
  };

  /**
   * Signs the draft with the account logged in now (FAQ 35: the filer's own login is the signature; a shared viewing
   * account may not sign, FAQ 12). The name and role given are kept on the account for the next signature.
   */
  const sign = async (draftId: string, given: { name: string; role: string }): Promise<DraftReview> => {
    const { accountId, loginId } = session.requireFilingSession();
    const saved = options.accounts.find(accountId);
    const name = given.name.trim() || saved.name;
    const role = given.role.trim() || saved.role;
    if (!name) {
      throw new AppError(
        'signature.no-name',
        `Type the attorney's name as the signature should read ("/s/ Jane Morgan"): ${loginId}'s account has no name yet.`,
      );
    }
    options.accounts.setSigner(accountId, name, role);
    // A certificate of service ECF Desk made carries the signing attorney's `/s/` signature (FAQ 38): made again first
    // if it names someone else, so the signature covers the certificate as it will be filed.
    const before = drafts.get(draftId);
    const refreshed = await certificates.refreshGeneratedCertificate(draftId, before);
    if (refreshed.draft.documents !== before.draft.documents && !refreshed.canSubmit) {
      throw new AppError(
        'filing.not-ready',
        `The certificate of service was made again so that it carries ${name}'s /s/ signature, and the new copy did not pass the checks. Open the Documents step to see what is wrong with it, then sign again.`,
      );
    }
    return drafts.sign(draftId, { accountId, loginId, name, role });
  };

  /** Sends a filing held as late anyway, today (FAQ 27): the signer's decision, so only the signer's session may. */
  /** A queued draft, for its signer's own session only (FAQ 35: the PACER login is the signature). */
  const signersOwn = (draftId: string): Draft => {
    const draft = drafts.find(draftId);
    const { accountId } = session.requireFilingSession();
    if (draft.signature && draft.signature.accountId !== accountId) {
      throw new AppError('signature.other-account', signedByAnotherMessage(draft.signature));
    }
    return draft;
  };

  const sendLate = (draftId: string): DraftReview => drafts.review(outbox.sendLate(signersOwn(draftId)));

  /** The signing attorney confirms the docket text the court's final-text page showed (docs/court-pages.md). */
  const confirmDocketText = (draftId: string, docketText: string): DraftReview =>
    drafts.review(outbox.confirmDocketText(signersOwn(draftId), docketText));

  /** Puts a signed draft the review lets through into the outbox; only its signer's own session sends it. */
  const submit = async (draftId: string, sendNow: boolean): Promise<DraftReview> => {
    const review = readyToSubmit(draftId);
    await options.beforeSubmit?.(review.draft);
    // Checked again after the wait: a second press, or a change made meanwhile, is held to the same rules.
    return drafts.review(outbox.enqueue(readyToSubmit(draftId).draft, sendNow));
  };

  /** The draft, when it may go into the outbox now: the review lets it through, and its signer is logged in. */
  const readyToSubmit = (draftId: string): DraftReview => {
    const review = drafts.get(draftId);
    if (!review.canSubmit) {
      throw new AppError('filing.not-ready', 'This filing is not ready: fix what the review lists as blocking first.');
    }
    if (review.draft.outbox && review.draft.outbox.state !== 'failed') {
      throw new AppError(
        'filing.already-queued',
        'This filing is already in the outbox, so it was not handed over again: it is filed once. Its status is on the Submit step.',
      );
    }
    const { signature } = review.draft;
    if (!signature) {
      throw new AppError(
        'signature.missing',
        'The filing attorney has not signed this filing: tick "I sign this filing" on the review step first (FAQ 35).',
      );
    }
    const { accountId } = session.requireFilingSession();
    if (signature.accountId !== accountId) {
      throw new AppError('signature.other-account', signedByAnotherMessage(signature));
    }
    requireDriver();
    return review;
  };

  /** A filing's record and whether its chain still holds (a deleted draft's record stays readable). */
  const recordView = (draftId: string): RecordView => {
    const entries = journal.entries(draftId);
    if (entries.length === 0 && !table.find(draftId)) {
      drafts.find(draftId);
    }
    const verdict = journal.verifyStored(draftId);
    return { entries, verifies: verdict.ok, brokenEntry: verdict.ok ? null : verdict.brokenEntry };
  };

  /** The record as a file: the JSON `ecf-desk audit verify` checks, or the PDF report to keep with the matter. */
  const exportRecord = async (draftId: string, format: 'json' | 'pdf'): Promise<Uint8Array> => {
    const draft = table.find(draftId);
    if (!draft && journal.entries(draftId).length === 0) {
      drafts.find(draftId);
    }
    const record = journal.exportRecord(draftId, {
      court: courtProfiles[draft?.courtProfile ?? options.court().profileId].name,
      caseNumber: draft?.case?.caseNumber ?? null,
    });
    return format === 'json' ? new TextEncoder().encode(recordText(record)) : filingRecordPdf(record);
  };

  /**
   * FAQ 46: once the inbox has saved the court's copies of a filed entry, each is compared with what was sent and the
   * result kept on the filing and in its record, a mismatch as plainly as a match.
   */
  const checkCourtCopies = (entry: SavedEntryCopies): void => {
    const draft = table
      .withOutboxState('filed', 'submitted')
      .find((candidate) => candidate.case?.caseId === entry.caseId && candidate.outbox?.deSeqNum === entry.deSeqNum);
    if (!draft?.outbox || entry.documents.length === 0) {
      return;
    }
    const checks = compareCourtCopies(draft.outbox.sentDocuments, entry.documents, clock.now());
    if (isSameCheck(draft.outbox.courtCopies, checks)) {
      return;
    }
    outbox.recordCourtCopies(entry.caseId, entry.deSeqNum, checks);
    journal.append(draft.id, {
      action: 'court-copy.checked',
      detail: describeCourtCopies(checks),
      account: null,
      documents: checks.flatMap((check) => [
        ...(check.sentSha256 ? [{ name: `${check.name} (as sent)`, sha256: check.sentSha256 }] : []),
        { name: `${check.name} (the court's copy)`, sha256: check.courtSha256 },
      ]),
      courtAnswer: checks.some((check) => check.stamp) ? checks.map((check) => check.stamp ?? '').join('\n') : null,
    });
  };

  const certificates = createCertificateService({
    drafts,
    documents: options.documents,
    session: () => session.status(),
    accountName: (accountId) => options.accounts.find(accountId).name,
    clock,
  });

  return {
    drafts,
    journal,
    recordView,
    exportRecord,
    checkCourtCopies,
    makeCertificateOfService: certificates.makeCertificateOfService,
    refreshGeneratedCertificate: certificates.refreshGeneratedCertificate,
    exportDraft,
    importPackage,
    sign,
    sendLate,
    confirmDocketText,
    submit,
    findCases: (query: string) => courtCall((driver) => driver.findCases(query)),
    caseParties: (caseId: number) => courtCall((driver) => driver.caseParties(caseId)),
    /** A login or a court that came back: waiting items go now. */
    kick: (): void =>
      void outbox
        .kick()
        .catch((error: unknown) => options.log(`Outbox: a pass stopped: ${describeError(error).detail}`, 'error')),
    outbox,
    close: (): Promise<void> => outbox.close(),
  };
}
