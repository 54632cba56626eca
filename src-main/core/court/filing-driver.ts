import { randomInt } from 'node:crypto';
import type { CourtProfileId } from '../../shared/domain';
import type { CaseParty, CourtCase, CourtScreen } from '../../shared/filing';
import { AppError } from '../errors';
import { readLimitedBody } from '../inbox/free-look/anonymous-request';
import type { FilingProfile } from './filing-profile';
import type { CourtFetch } from './pacer-login';
import { filingSteps, pageMapDigest, pageMapOf, type FilingStep, type PageMap } from './page-map';
import {
  pageAddress,
  type DocketLine,
  type ExpectedPage,
  type FilingPage,
  type FilingPageReader,
} from './read-filing-page';
import { FormFill, type FormFile } from './fill-form';
import { findDocketEvent } from '../../shared/cit-event-catalog';
import { describeError } from '../../shared/describe-error';

export type { DocketLine } from './read-filing-page';

/** One document to upload, main document first. */
export interface UploadDocument {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly description: string;
  /** USCIT Rule 3(a): the complaint filed with the summons, uploaded on its own and docketed after it. */
  readonly isComplaint?: boolean;
}

/** What opens a new action instead of a case (USCIT Rule 3(a)): the caption and the parties the summons names. */
export interface NewActionForm {
  readonly caption: string;
  readonly parties: readonly Pick<CaseParty, 'id' | 'name' | 'role'>[];
}

/** Everything a filing sends to the court. */
export interface FilingRequest {
  /** The case filed into; null when the filing opens a new action (`newAction`). */
  readonly caseId: number | null;
  /** Its number, as typed into the court's case-number box. */
  readonly caseNumber: string | null;
  /** Set when the filing opens a new action: the court opens the case and the result names it. */
  readonly newAction?: NewActionForm | null;
  readonly eventId: string;
  readonly partyIds: readonly string[];
  readonly documents: readonly UploadDocument[];
  readonly relatedDocumentNumbers: readonly number[];
  readonly annotation: string;
  /** The case number, caption, names and file names of this filing: what a kept copy of a court page must not hold. */
  readonly caseData: readonly string[];
  /**
   * The final docket text the signing attorney confirmed, as the court's final-text page showed it; the filing is
   * committed only when the court shows exactly this text (null: nothing confirmed yet).
   */
  readonly confirmedDocketText: string | null;
}

/** What is known just before the final submit: enough to find the entry on the docket if the answer is lost. */
export interface CommitPoint {
  /** The court's transaction: where the final screen's form posts (`Dispatch.pl?<transaction>-L_<n>_0-1`). */
  readonly filingId: string;
  /** The docket text exactly as the court will enter it. */
  readonly docketText: string;
  /** The highest de_seq_num on the docket before this filing. */
  readonly docketHighWater: number;
}

/** How a filing ended, when the court's answer arrived. */
export type FilingResult =
  | {
      readonly kind: 'submitted';
      readonly deSeqNum: number;
      readonly documentNumber: number | null;
      readonly docketText: string;
      readonly receiptHtml: string;
      /** For a new action: the case the court opened, as its receipt names it. */
      readonly openedCase: CourtCase | null;
    }
  | { readonly kind: 'refused'; readonly step: string; readonly message: string }
  | {
      /**
       * Before the final submit the court showed a page the page map does not recognise: the driver stopped there and
       * sent nothing more (docs/court-pages.md#when-a-page-is-not-recognised).
       */
      readonly kind: 'needs-attention';
      readonly step: string;
      readonly message: string;
      /** The page, with passwords, tokens, cookies and case data removed. */
      readonly pageCopy: string;
    }
  | {
      /**
       * The court's final-text page shows a docket text the signing attorney has not confirmed: the driver stopped there,
       * before the final submit, and nothing was filed. The attorney reads it and confirms it (or withdraws).
       */
      readonly kind: 'needs-confirmation';
      /** The docket text exactly as the court will enter it. */
      readonly docketText: string;
      /**
       * With a page map whose screens are checked on first use: every screen the filing went through, those not
       * confirmed yet with this map marked new (docs/court-pages.md#confirming-screens); null otherwise.
       */
      readonly screens: readonly CourtScreen[] | null;
    };

/** The court could not be reached, or answered with a server error, before anything was committed: safe to try again. */
export class CourtUnavailableError extends Error {}
/** The final submit was sent but no answer came back: the filing may or may not be on the docket. */
export class UnknownOutcomeError extends Error {
  constructor(
    message: string,
    readonly commitPoint: CommitPoint,
  ) {
    super(message);
  }
}
/** The court answered with its login page: the session has ended. */
export class SessionEndedError extends Error {}
/** The court showed a page the page map does not recognise (before the commit: nothing more is sent). */
class UnexpectedPageError extends Error {
  constructor(readonly pageCopy: string) {
    super('The court showed a page ECF Desk does not recognise.');
  }
}

/**
 * A page asks what the filing cannot give it, or lacks a field it must fill (before the commit: nothing more is
 * sent). The page is kept so a redacted copy can be made of it.
 */
class CannotFillError extends Error {
  constructor(
    readonly step: string,
    readonly what: string,
    readonly html: string,
  ) {
    super(`After the ${step} page the court showed ${what}.`);
  }
}

/**
 * The most times one screen may come back: with a dozen steps before the commit, a filing goes through at most a few
 * dozen screens, however the court answers.
 */
const maxVisits = 3;

const timeoutMs = 120_000;
/** Larger than any page of the filing surface; a docket report of thousands of entries is a few MB. */
const maxPageBytes = 16 * 1024 * 1024;

/**
 * Files through a court's CM/ECF filing surface, step by step, as its profile describes. The final submit is the
 * one request whose loss leaves the outcome unknown; everything before it can be repeated safely. Each page the court
 * answers is read whole by `readPage` (in a child process in the app: court pages are hostile input).
 */
export function createFilingDriver(options: {
  readonly baseUrl: string;
  readonly profileId: CourtProfileId;
  readonly profile: FilingProfile;
  readonly fetch: CourtFetch;
  readonly token: () => string;
  readonly readPage: FilingPageReader;
  /** The page map to file by, when not the one shipped for the profile (`ecf-desk profile check` loads one from a file). */
  readonly pageMap?: PageMap;
  /**
   * For a page map not tested end to end: the steps whose screens the user has confirmed with it. A filing that goes
   * through any other screen stops at the final text, before the commit, for the user to check each screen
   * (docs/court-pages.md#confirming-screens).
   */
  readonly confirmedScreens?: ReadonlySet<string>;
}) {
  const { baseUrl, profile } = options;

  /**
   * One request and the court's page in answer. With `expected`, a page that is neither that step's (by the page map),
   * nor a login, nor the court's refusal is an UnexpectedPageError carrying its redacted copy.
   */
  const request = async (
    path: string,
    init: { method: 'GET' | 'POST'; body?: string | FormData; contentType?: string },
    expected?: ExpectedPage,
  ): Promise<{ html: string; page: FilingPage }> => {
    const headers: Record<string, string> = { cookie: `NextGenCSO=${options.token()}` };
    if (init.contentType) {
      headers['content-type'] = init.contentType;
    }
    let response: Response;
    try {
      response = await options.fetch(`${baseUrl}${path}`, {
        method: init.method,
        headers,
        ...(init.body === undefined ? {} : { body: init.body }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new CourtUnavailableError(`The court could not be reached (${describeError(error).message}).`);
    }
    const body = await readLimitedBody(response, maxPageBytes).catch((error: unknown) => {
      throw new CourtUnavailableError(`The court's answer was cut off (${describeError(error).message}).`);
    });
    if (response.status >= 500) {
      throw new CourtUnavailableError(`The court's system answered with an error (HTTP ${response.status}, FAQ 47).`);
    }
    if (body === null) {
      throw new CourtUnavailableError(
        `The court answered with a page larger than ECF Desk reads (${maxPageBytes / (1024 * 1024)} MB).`,
      );
    }
    const html = new TextDecoder('utf-8').decode(body);
    const page = await options.readPage(options.profileId, html, expected);
    if (page.kind === 'login') {
      throw new SessionEndedError('The court asked for a login: the session has ended. Log in again.');
    }
    if (expected && page.pageCopy !== null) {
      throw new UnexpectedPageError(page.pageCopy);
    }
    return { html, page };
  };

  const map = options.pageMap ?? pageMapOf(options.profileId);
  /** Every step before the commit: a filing may meet them in any order the court asks (docs/court-pages.md#court-variations). */
  const stepsBeforeCommit = filingSteps.filter((step) => step !== 'receipt');

  /** A link or form action of a page, as a path on the court; null for one that leaves it. */
  const onCourt = (address: string): string | null => {
    if (!URL.canParse(address, pageAddress)) {
      return null;
    }
    const resolved = new URL(address, pageAddress);
    return resolved.origin === new URL(pageAddress).origin ? `${resolved.pathname}${resolved.search}` : null;
  };

  /** Sends a filled form where it says, as it says (multipart, URL-encoded, or a GET query). */
  const sendForm = (
    fill: FormFill,
    path: string,
    expected?: ExpectedPage,
  ): Promise<{ html: string; page: FilingPage }> => {
    if (fill.form.method === 'GET') {
      return request(`${path.split('?')[0] ?? path}?${fill.toSearchParams().toString()}`, { method: 'GET' }, expected);
    }
    return fill.form.enctype === 'multipart/form-data'
      ? request(path, { method: 'POST', body: fill.toFormData() }, expected)
      : request(
          path,
          { method: 'POST', body: fill.toSearchParams().toString(), contentType: 'application/x-www-form-urlencoded' },
          expected,
        );
  };

  /**
   * Every screen up to the final text, each recognised by the court's page map and filled in as the filing says (an
   * UnexpectedPageError for a page it does not recognise, a CannotFillError for a field it cannot fill): the commit
   * point they leave and the final form, or how the court refused.
   */
  const prepare = async (
    filing: FilingRequest,
    reached: { step: string },
  ): Promise<
    { point: CommitPoint; submit: { fill: FormFill; path: string }; screens: CourtScreen[] } | FilingResult
  > => {
    if (!map) {
      throw new AppError('court.refused', 'This court has no page map: ECF Desk cannot file with it.');
    }
    const { fields } = map;
    const expected: ExpectedPage = {
      steps: stepsBeforeCommit,
      caseData: filing.caseData,
      ...(options.pageMap ? { map: options.pageMap } : {}),
    };
    const event = findDocketEvent(filing.eventId);
    if (!event) {
      return { kind: 'refused', step: 'events', message: `ECF Desk does not know the event ${filing.eventId}.` };
    }
    const [main, ...rest] = filing.documents;
    const complaint = rest.find((document) => document.isComplaint === true) ?? null;
    const attachments = rest.filter((document) => document !== complaint);
    const fileOf = (document: UploadDocument): FormFile => ({
      bytes: document.bytes,
      filename: document.name,
      type: 'application/pdf',
    });
    /** Puts the attachments in the form's rows; false when it has too few. */
    const fillRows = (fill: FormFill, documents: readonly UploadDocument[]): boolean =>
      documents.every((document, index) => {
        const row = String(fields.firstAttachment + index);
        return (
          fill.attach(fields.attachmentFile.replace('{n}', row), fileOf(document)) &&
          fill.type(fields.attachmentDescription.replace('{n}', row), document.description)
        );
      });
    let waitingAttachments: readonly UploadDocument[] = [];
    let docketHighWater = 0;
    /** The last step filled in: where a stop is said to have happened. */
    let last = 'start';
    const done = (step: FilingStep): void => {
      last = step;
      reached.step = step;
    };
    const seen = new Map<FilingStep, number>();
    /** Each screen gone through, as the user checks it on a map's first use. */
    const screens: CourtScreen[] = [];
    const isNew = (step: FilingStep): boolean =>
      options.confirmedScreens !== undefined && !options.confirmedScreens.has(step);
    let current = await request(map.start, { method: 'GET' }, expected);
    for (;;) {
      const { page } = current;
      if (page.error !== null) {
        return { kind: 'refused', step: last, message: page.error };
      }
      const step = page.recognisedAs;
      if (step === null) {
        throw new CannotFillError(last, 'a page it does not recognise', current.html);
      }
      const times = (seen.get(step) ?? 0) + 1;
      seen.set(step, times);
      if (times > maxVisits) {
        throw new CannotFillError(
          last,
          `the ${step} page again, after it was filled in (${times} times)`,
          current.html,
        );
      }
      const cannotFill = (what: string): CannotFillError =>
        new CannotFillError(step, `the ${step} page without ${what}`, current.html);
      if (step === 'categories') {
        const link = page.links.find((candidate) => candidate.text.trim() === event.category);
        const path = link ? onCourt(link.url) : null;
        if (!path) {
          throw cannotFill(`a link to the ${event.category} events`);
        }
        done(step);
        screens.push({
          step,
          heading: page.heading,
          filled: [{ field: 'Link followed', value: event.category }],
          isNew: isNew(step),
        });
        current = await request(path, { method: 'GET' }, expected);
        continue;
      }
      const path = page.form ? onCourt(page.form.action) : null;
      if (!page.form || path === null) {
        throw cannotFill('a form with a Next button that stays on the court');
      }
      const fill = new FormFill(page.form, 'button1');
      if (step === 'final-text') {
        if (page.finalDocketText === null) {
          throw cannotFill('the final docket text');
        }
        screens.push({ step, heading: page.heading, filled: [], isNew: isNew(step) });
        return {
          point: { filingId: path, docketText: page.finalDocketText, docketHighWater },
          submit: { fill, path },
          screens,
        };
      }
      switch (step) {
        case 'events': {
          const option = fill
            .fields(fields.event)
            .flatMap((field) => field.options)
            .find((candidate) => candidate.text.trim() === event.name);
          if (!option || !fill.choose(fields.event, [option.value])) {
            throw cannotFill(`the event ${event.name}`);
          }
          break;
        }
        case 'case':
          if (
            filing.caseId === null ||
            !fill.type(fields.caseIds, String(filing.caseId)) ||
            !fill.type(fields.caseNumber, filing.caseNumber ?? '')
          ) {
            throw cannotFill('the case number and case id fields');
          }
          break;
        case 'new-case': {
          const action = filing.newAction;
          const isFilled =
            action !== null &&
            action !== undefined &&
            fill.type(fields.caption, action.caption) &&
            action.parties.every(
              (party, index) =>
                fill.type(fields.newPartyId, party.id, index) &&
                fill.type(fields.newPartyName, party.name, index) &&
                fill.type(fields.newPartyRole, party.role, index),
            );
          if (!isFilled) {
            throw cannotFill('room for the new case and each of its parties');
          }
          break;
        }
        case 'filer':
          if (!fill.choose(fields.party, filing.partyIds)) {
            throw cannotFill('each of the parties the filing is made for');
          }
          break;
        case 'documents': {
          if (!main || !fill.attach(fields.mainDocument, fileOf(main))) {
            throw cannotFill('a main document field');
          }
          if (complaint && !fill.attach(fields.complaintDocument, fileOf(complaint))) {
            throw cannotFill('a field for the complaint (USCIT Rule 3(a))');
          }
          const asksLater = fill.has(fields.attachmentsQuestion);
          if (asksLater) {
            // An older court asks "Attachments to Document" here and takes them on the next screen.
            if (!fill.choose(fields.attachmentsQuestion, [attachments.length > 0 ? 'yes' : 'no'])) {
              throw cannotFill('a Yes or No to "Attachments to Document"');
            }
            waitingAttachments = attachments;
          } else if (!fillRows(fill, attachments)) {
            throw cannotFill(`room for ${attachments.length} attachments`);
          }
          break;
        }
        case 'attachments':
          if (waitingAttachments.length === 0 || !fillRows(fill, waitingAttachments)) {
            throw cannotFill(`room for ${waitingAttachments.length} attachments`);
          }
          waitingAttachments = [];
          break;
        case 'joint-filing':
          // A filing from ECF Desk is one attorney's, signed with that attorney's own login: never a joint filing.
          if (!fill.choose(fields.jointFiling, ['n'])) {
            throw cannotFill('a No to the joint-filing question');
          }
          break;
        case 'related': {
          // The screen lists the docket as it stands: its choices map document numbers to entries, and its last entry is
          // the high-water mark.
          const choices = fill.fields(fields.related).map((field) => ({
            deSeqNum: Number(field.value),
            documentNumber: Number(/^\s*(\d+)/.exec(field.label)?.[1] ?? Number.NaN),
          }));
          docketHighWater = Math.max(0, ...choices.map((choice) => choice.deSeqNum).filter(Number.isSafeInteger));
          const chosen = filing.relatedDocumentNumbers.map(
            (number) => choices.find((choice) => choice.documentNumber === number)?.deSeqNum,
          );
          if (chosen.some((deSeqNum) => deSeqNum === undefined)) {
            return {
              kind: 'refused',
              step: 'related',
              message: `Document ${filing.relatedDocumentNumbers.join(', ')} is not on this case's docket. Check the related document number.`,
            };
          }
          if (chosen.length > 0) {
            const refer = fill.fields(fields.referToExisting)[0];
            if (!refer || !fill.choose(fields.referToExisting, [refer.value || 'on'])) {
              throw cannotFill('a "Refer to existing event(s)?" choice');
            }
            if (!fill.choose(fields.related, chosen.map(String))) {
              throw cannotFill('the related entries');
            }
          } else {
            // Nothing to refer to: whatever the court ticked beforehand is unticked.
            for (const name of [fields.referToExisting, fields.related]) {
              if (fill.has(name)) {
                fill.choose(name, []);
              }
            }
          }
          break;
        }
        case 'docket-text':
          if (!fill.type(fields.freeText, filing.annotation)) {
            throw cannotFill('a free text field');
          }
          break;
        case 'fee': {
          const box = fill.fields(fields.feeAcknowledged)[0];
          // FAQ 21: the fee was shown with the event when the filing was prepared; the court asks that it be understood.
          if (!box || !fill.choose(fields.feeAcknowledged, [box.value || 'on'])) {
            throw cannotFill('the fee acknowledgement');
          }
          break;
        }
        case 'receipt':
          throw cannotFill('a commit: a receipt before the final text');
      }
      done(step);
      screens.push({ step, heading: page.heading, filled: fill.changes(), isNew: isNew(step) });
      current = await sendForm(fill, path, expected);
    }
  };

  return {
    /** The court's CM/ECF address, where a filing that stopped can be finished by hand. */
    courtUrl: `${baseUrl}/`,
    /** The fingerprint of the page map it files by (null: none), which screens confirmed on a first use belong to. */
    pageMapDigest: map ? pageMapDigest(map) : null,
    async findCases(query: string): Promise<CourtCase[]> {
      const isNumber = /\d{2}-(?:[a-z]{2}-)?\d{1,5}/i.test(query);
      // As CM/ECF's case-number widget asks: the number, then a random part that keeps caches out of the way.
      const asked = isNumber
        ? `${encodeURIComponent(query)};number=${randomInt(1_000_000_000)}`
        : `${profile.fields.captionQuery}=${encodeURIComponent(query)}`;
      const { page } = await request(`${profile.paths.findCases}?${asked}`, { method: 'GET' });
      if (page.error) {
        throw new AppError('court.refused', page.error);
      }
      return [...page.cases];
    },

    async caseParties(caseId: number): Promise<CaseParty[]> {
      const { page } = await request(`${profile.paths.parties}?${caseId}`, { method: 'GET' });
      if (page.error) {
        throw new AppError('court.refused', page.error);
      }
      return [...page.parties];
    },

    /** The docket report (it costs money on a real court: the outbox asks only when an outcome is unknown). */
    async docket(caseId: number): Promise<DocketLine[]> {
      const { page } = await request(`${profile.paths.docket}?${caseId}`, { method: 'GET' });
      return [...page.docket];
    },

    /**
     * Runs every step. `beforeCommit` is called (and awaited: the caller saves it) right before the final submit;
     * after that point a lost answer is an UnknownOutcomeError, never a plain failure.
     */
    async file(filing: FilingRequest, beforeCommit: (point: CommitPoint) => Promise<void>): Promise<FilingResult> {
      const reached = { step: 'start' };
      let prepared: Awaited<ReturnType<typeof prepare>>;
      const stopped = (step: string, message: string, pageCopy: string): FilingResult => ({
        kind: 'needs-attention',
        step,
        message: `${message} It stopped there, before the final submit: nothing was filed.`,
        pageCopy,
      });
      try {
        prepared = await prepare(filing, reached);
      } catch (error) {
        if (error instanceof UnexpectedPageError) {
          const where = reached.step === 'start' ? 'Instead of its events menu' : `After the ${reached.step} page`;
          return stopped(reached.step, `${where} the court showed a page ECF Desk does not recognise.`, error.pageCopy);
        }
        if (error instanceof CannotFillError) {
          // The copy is made by the page reader, as for any page: court pages are read in isolation.
          const copy = await options.readPage(options.profileId, error.html, { steps: [], caseData: filing.caseData });
          return stopped(error.step, error.message, copy.pageCopy ?? '');
        }
        throw error;
      }
      if ('kind' in prepared) {
        return prepared;
      }
      const { point: commitPoint, submit, screens } = prepared;
      const hasNewScreens = screens.some((screen) => screen.isNew);
      if (commitPoint.docketText !== filing.confirmedDocketText || hasNewScreens) {
        // The attorney confirms the court's own words (and, on a map's first use, each screen) before the commit; this
        // transaction is left where it is.
        return {
          kind: 'needs-confirmation',
          docketText: commitPoint.docketText,
          screens: options.confirmedScreens === undefined ? null : screens,
        };
      }
      await beforeCommit(commitPoint);
      let receipt: { html: string; page: FilingPage };
      try {
        receipt = await sendForm(submit.fill, submit.path);
      } catch (error) {
        if (error instanceof SessionEndedError) {
          throw error;
        }
        throw new UnknownOutcomeError(describeError(error).message, commitPoint);
      }
      if (receipt.page.error !== null) {
        return { kind: 'refused', step: 'submit', message: receipt.page.error };
      }
      if (receipt.page.kind !== 'nef-receipt') {
        // After the commit an unknown page may hide a filing that went through: the docket decides, never a resend.
        throw new UnknownOutcomeError(
          'The court answered the final submit with a page ECF Desk does not recognise.',
          commitPoint,
        );
      }
      const { deSeqNum, documentNumber, caseId, caseNumber } = receipt.page.receipt;
      if (deSeqNum === null) {
        throw new UnknownOutcomeError('The court accepted the filing but its receipt could not be read.', commitPoint);
      }
      const action = filing.newAction;
      if (action && (caseId === null || caseNumber === null)) {
        throw new UnknownOutcomeError(
          'The court accepted the new action but its receipt does not say which case it opened.',
          commitPoint,
        );
      }
      return {
        kind: 'submitted',
        deSeqNum,
        documentNumber,
        docketText: commitPoint.docketText,
        receiptHtml: receipt.html,
        openedCase:
          action && caseId !== null && caseNumber !== null ? { caseId, caseNumber, caption: action.caption } : null,
      };
    },
  };
}

/** A filing driver. */
export type FilingDriver = ReturnType<typeof createFilingDriver>;
