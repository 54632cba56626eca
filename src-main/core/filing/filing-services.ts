import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { CourtStatus, DocumentRecord } from '../../shared/domain';
import type { Draft, DraftReview } from '../../shared/filing';
import type { CourtSession } from '../court/court-session';
import {
  createFilingDriver,
  CourtUnavailableError,
  SessionEndedError,
  type FilingDriver,
} from '../court/filing-driver';
import { filingProfileOf } from '../court/filing-profile';
import type { FilingPageReader } from '../court/read-filing-page';
import type { CourtFetch } from '../court/pacer-login';
import { AppError } from '../errors';
import type { Clock, EmitEvent } from '../ports';
import { createDraftsTable } from '../storage/drafts-table';
import { writeDraftPackage, type DraftPackageReader } from './draft-package';
import { createCertificateService } from './certificate-service';
import { createDraftsService } from './drafts-service';
import { createOutbox } from './outbox';
import type { AppLog } from '../storage/app-log';
import { describeError } from '../../shared/describe-error';

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
  readonly court: () => CourtStatus;
  readonly fetch: CourtFetch;
  readonly clock: Clock;
  readonly emit: EmitEvent;
  readonly log: AppLog;
  /** Reads a hand-off file (in a child process in the app: a package is hostile input until verified). */
  readonly readDraftPackage: DraftPackageReader;
  /** Reads the pages of the court's filing surface (in a child process in the app: court pages are hostile input). */
  readonly readFilingPage: FilingPageReader;
  /** The attorney's name saved with an account, for a certificate of service's signature (FAQ 35, 38). */
  readonly accountName: (accountId: string) => string;
  readonly retryDelayMs?: number;
}

/** Drafts, the outbox and the court's filing surface, wired together (the inbox hands the outbox each NEF's entry). */
export function createFilingServices(options: FilingServicesOptions) {
  const { session, clock } = options;
  const table = createDraftsTable(options.database);
  const changed = (id: string | null): void => options.emit('drafts.changed', { id });
  const drafts = createDraftsService({
    table,
    documents: () => options.documents.list(),
    clock,
    courtProfile: () => options.court().profileId,
    onChange: changed,
  });

  const driverFor = (): FilingDriver | null => {
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
    driver: driverFor,
    document: async (documentId) => {
      const record = options.documents.list().find((candidate) => candidate.id === documentId);
      if (!record) {
        throw new AppError('document.not-found', 'A document of this filing is no longer in the Documents list.');
      }
      return { name: record.name, bytes: await options.documents.content(documentId) };
    },
    clock,
    localTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    onChange: changed,
    log: options.log,
    ...(options.retryDelayMs === undefined ? {} : { retryDelayMs: options.retryDelayMs }),
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

  /** Puts a draft the review lets through into the outbox, signed by the filer's own login. */
  const submit = (draftId: string, sendNow: boolean): DraftReview => {
    const review = drafts.get(draftId);
    if (!review.canSubmit) {
      throw new AppError('filing.not-ready', 'This filing is not ready: fix what the review lists as blocking first.');
    }
    if (review.draft.outbox && review.draft.outbox.state !== 'failed') {
      throw new AppError('filing.in-outbox', 'This filing is already in the outbox.');
    }
    // FAQ 35: the filer's own login is the signature; a shared viewing account may not sign (FAQ 12).
    session.requireFilingSession();
    requireDriver();
    return drafts.review(outbox.enqueue(review.draft, sendNow));
  };

  const certificates = createCertificateService({
    drafts,
    documents: options.documents,
    session: () => session.status(),
    accountName: options.accountName,
    clock,
  });

  return {
    drafts,
    makeCertificateOfService: certificates.makeCertificateOfService,
    refreshGeneratedCertificate: certificates.refreshGeneratedCertificate,
    exportDraft,
    importPackage,
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
