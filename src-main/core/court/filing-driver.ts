import { randomInt } from 'node:crypto';
import type { CourtProfileId } from '../../shared/domain';
import type { CaseParty, CourtCase } from '../../shared/filing';
import { AppError } from '../errors';
import { readLimitedBody } from '../inbox/free-look/anonymous-request';
import type { FilingProfile } from './filing-profile';
import type { CourtFetch } from './pacer-login';
import type { FilingStep } from './page-map';
import type { DocketLine, ExpectedPage, FilingPage, FilingPageReader } from './read-filing-page';
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
  /** Set when the filing opens a new action: the court opens the case and the result names it. */
  readonly newAction?: NewActionForm | null;
  readonly eventId: string;
  readonly partyIds: readonly string[];
  readonly documents: readonly UploadDocument[];
  readonly relatedDocumentNumbers: readonly number[];
  readonly annotation: string;
  /** The case number, caption, names and file names of this filing: what a kept copy of a court page must not hold. */
  readonly caseData: readonly string[];
}

/** What is known just before the final submit: enough to find the entry on the docket if the answer is lost. */
export interface CommitPoint {
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
/** The court showed a page other than the one the filing expected (before the commit: nothing more is sent). */
class UnexpectedPageError extends Error {
  constructor(
    readonly step: FilingStep,
    readonly pageCopy: string,
  ) {
    super(`The court showed a page ECF Desk does not recognise where it expected the ${step} page.`);
  }
}

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
      throw new UnexpectedPageError(expected.step, page.pageCopy);
    }
    return { html, page };
  };

  const form = (fields: [string, string][]): string => new URLSearchParams(fields).toString();
  const stepPath = (filingId: string, step: string): string =>
    profile.paths.step.replace('{filingId}', filingId).replace('{step}', step);
  const urlEncoded = 'application/x-www-form-urlencoded';
  /** The first step's fields: the case, or a new action's caption and parties (USCIT Rule 3(a)); then the event. */
  const startFields = (filing: FilingRequest): [string, string][] => {
    const event: [string, string] = [profile.fields.event, filing.eventId];
    if (filing.newAction) {
      return [
        event,
        [profile.fields.caption, filing.newAction.caption],
        ...filing.newAction.parties.flatMap((party): [string, string][] => [
          [profile.fields.newPartyId, party.id],
          [profile.fields.newPartyName, party.name],
          [profile.fields.newPartyRole, party.role],
        ]),
      ];
    }
    return [[profile.fields.caseId, String(filing.caseId)], event];
  };

  /**
   * Every step up to the final-text page, each page checked against the court's page map (an UnexpectedPageError
   * otherwise): the commit point they leave, or how the court refused.
   */
  const prepare = async (filing: FilingRequest): Promise<CommitPoint | FilingResult> => {
    const expect = (step: FilingStep): ExpectedPage => ({ step, caseData: filing.caseData });
    const refused = (step: string, page: FilingPage): FilingResult => ({
      kind: 'refused',
      step,
      message: page.error ?? `The court did not accept the ${step} step.`,
    });
    const start = await request(
      filing.newAction ? profile.paths.newAction : profile.paths.start,
      { method: 'POST', body: form(startFields(filing)), contentType: urlEncoded },
      expect('filer'),
    );
    const filingId = start.page.filingId;
    if (!filingId) {
      return refused('start', start.page);
    }

    const parties = await request(
      stepPath(filingId, 'parties'),
      { method: 'POST', body: form(filing.partyIds.map((id) => [profile.fields.party, id])), contentType: urlEncoded },
      expect('documents'),
    );
    if (parties.page.error) {
      return refused('parties', parties.page);
    }

    const upload = new FormData();
    filing.documents.forEach((document, index) => {
      const blob = new Blob([new Uint8Array(document.bytes)], { type: 'application/pdf' });
      if (index === 0) {
        upload.append(profile.fields.mainDocument, blob, document.name);
      } else if (document.isComplaint === true) {
        upload.append(profile.fields.complaintDocument, blob, document.name);
      } else {
        upload.append(profile.fields.attachment, blob, document.name);
        upload.append(profile.fields.attachmentDescription, document.description);
      }
    });
    const related = await request(stepPath(filingId, 'documents'), { method: 'POST', body: upload }, expect('related'));
    if (related.page.error) {
      return refused('documents', related.page);
    }
    // The related step lists the docket as it stands: its choices map document numbers to entries, and its last entry is the high-water mark.
    const choices = related.page.relatedChoices;
    const docketHighWater = Math.max(0, ...choices.map((choice) => choice.deSeqNum));
    const relatedDeSeqNums = filing.relatedDocumentNumbers.map(
      (number) => choices.find((choice) => choice.documentNumber === number)?.deSeqNum,
    );
    if (relatedDeSeqNums.some((deSeqNum) => deSeqNum === undefined)) {
      return {
        kind: 'refused',
        step: 'related',
        message: `Document ${filing.relatedDocumentNumbers.join(', ')} is not on this case's docket. Check the related document number.`,
      };
    }

    const textForm = await request(
      stepPath(filingId, 'related'),
      {
        method: 'POST',
        body: form(relatedDeSeqNums.map((deSeqNum) => [profile.fields.related, String(deSeqNum)])),
        contentType: urlEncoded,
      },
      expect('docket-text'),
    );
    if (textForm.page.error) {
      return refused('related', textForm.page);
    }
    const finalText = await request(
      stepPath(filingId, 'docket-text'),
      { method: 'POST', body: form([[profile.fields.annotation, filing.annotation]]), contentType: urlEncoded },
      expect('final-text'),
    );
    const docketText = finalText.page.finalDocketText;
    if (finalText.page.error || docketText === null) {
      return refused('docket text', finalText.page);
    }
    return { filingId, docketText, docketHighWater };
  };

  return {
    /** The court's CM/ECF address, where a filing that stopped can be finished by hand. */
    courtUrl: `${baseUrl}/`,
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
      let prepared: CommitPoint | FilingResult;
      try {
        prepared = await prepare(filing);
      } catch (error) {
        if (error instanceof UnexpectedPageError) {
          return {
            kind: 'needs-attention',
            step: error.step,
            message: `${error.message} It stopped there, before the final submit: nothing was filed.`,
            pageCopy: error.pageCopy,
          };
        }
        throw error;
      }
      if ('kind' in prepared) {
        return prepared;
      }
      const commitPoint = prepared;
      await beforeCommit(commitPoint);
      let receipt: { html: string; page: FilingPage };
      try {
        receipt = await request(stepPath(commitPoint.filingId, 'submit'), {
          method: 'POST',
          body: '',
          contentType: urlEncoded,
        });
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
