import type { CaseParty, CourtCase } from '../../shared/filing';
import { AppError } from '../errors';
import { decodeEntities } from '../html/decode-entities';
import type { FilingProfile } from './filing-profile';
import type { CourtFetch } from './pacer-login';

/** One document to upload, main document first. */
export interface UploadDocument {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly description: string;
}

/** Everything a filing sends to the court. */
export interface FilingRequest {
  readonly caseId: number;
  readonly eventId: string;
  readonly partyIds: readonly string[];
  readonly documents: readonly UploadDocument[];
  readonly relatedDocumentNumbers: readonly number[];
  readonly annotation: string;
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
  | { readonly kind: 'submitted'; readonly deSeqNum: number; readonly documentNumber: number | null; readonly docketText: string; readonly receiptHtml: string }
  | { readonly kind: 'refused'; readonly step: string; readonly message: string };

/** A docket entry as the docket report lists it. */
export interface DocketLine {
  readonly deSeqNum: number;
  readonly documentNumber: number | null;
  readonly docketText: string;
}

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

const timeoutMs = 120_000;

/**
 * Files through a court's CM/ECF filing surface, step by step, as its profile describes. The final submit is the
 * one request whose loss leaves the outcome unknown; everything before it can be repeated safely.
 */
export function createFilingDriver(options: { readonly baseUrl: string; readonly profile: FilingProfile; readonly fetch: CourtFetch; readonly token: () => string }) {
  const { baseUrl, profile } = options;

  const request = async (path: string, init: { method: 'GET' | 'POST'; body?: string | FormData; contentType?: string }): Promise<string> => {
    const headers: Record<string, string> = { cookie: `NextGenCSO=${options.token()}` };
    if (init.contentType) headers['content-type'] = init.contentType;
    let response: Response;
    try {
      response = await options.fetch(`${baseUrl}${path}`, { method: init.method, headers, ...(init.body === undefined ? {} : { body: init.body }), signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw new CourtUnavailableError(`The court could not be reached (${error instanceof Error ? error.message : String(error)}).`);
    }
    const text = await response.text().catch((error: unknown) => {
      throw new CourtUnavailableError(`The court's answer was cut off (${error instanceof Error ? error.message : String(error)}).`);
    });
    if (response.status >= 500) throw new CourtUnavailableError(`The court's system answered with an error (HTTP ${response.status}, FAQ 47).`);
    if (pageKind(text) === 'login') throw new SessionEndedError('The court asked for a login: the session has ended. Log in again.');
    return text;
  };

  const pageKind = (html: string): string | null => profile.pages.kind.exec(html)?.[1] ?? null;
  const errorOf = (html: string): string | null => {
    const match = profile.pages.error.exec(html);
    return match ? decodeEntities(match[1] ?? '') : null;
  };
  const form = (fields: [string, string][]): string => new URLSearchParams(fields).toString();
  const stepPath = (filingId: string, step: string): string => profile.paths.step.replace('{filingId}', filingId).replace('{step}', step);
  const urlEncoded = 'application/x-www-form-urlencoded';

  return {
    async findCases(query: string): Promise<CourtCase[]> {
      const isNumber = /\d{2}-(?:[a-z]{2}-)?\d{1,5}/i.test(query);
      const field = isNumber ? profile.fields.caseQuery : profile.fields.captionQuery;
      const xml = await request(`${profile.paths.findCases}?${field}=${encodeURIComponent(query)}`, { method: 'GET' });
      return [...xml.matchAll(profile.pages.caseResult)].map((match) => ({ caseNumber: decodeEntities(match[1] ?? ''), caseId: Number(match[2]), caption: decodeEntities(match[3] ?? '') }));
    },

    async caseParties(caseId: number): Promise<CaseParty[]> {
      const html = await request(`${profile.paths.parties}?${caseId}`, { method: 'GET' });
      const error = errorOf(html);
      if (error) throw new AppError('court.not-ready', error);
      return [...html.matchAll(profile.pages.partyRow)].map((match) => ({ id: decodeEntities(match[1] ?? ''), isServedElectronically: match[2] === 'yes', name: decodeEntities(match[3] ?? ''), role: decodeEntities(match[4] ?? '') }));
    },

    /** The docket report (it costs money on a real court: the outbox asks only when an outcome is unknown). */
    async docket(caseId: number): Promise<DocketLine[]> {
      const html = await request(`${profile.paths.docket}?${caseId}`, { method: 'GET' });
      return [...html.matchAll(profile.pages.docketRow)].map((match) => ({ deSeqNum: Number(match[1]), documentNumber: match[2] ? Number(match[2]) : null, docketText: decodeEntities(match[3] ?? '') }));
    },

    /**
     * Runs every step. `beforeCommit` is called (and awaited: the caller saves it) right before the final submit;
     * after that point a lost answer is an UnknownOutcomeError, never a plain failure.
     */
    async file(filing: FilingRequest, beforeCommit: (point: CommitPoint) => Promise<void>): Promise<FilingResult> {
      const refused = (step: string, html: string): FilingResult => ({ kind: 'refused', step, message: errorOf(html) ?? `The court did not accept the ${step} step.` });
      const start = await request(profile.paths.start, { method: 'POST', body: form([[profile.fields.caseId, String(filing.caseId)], [profile.fields.event, filing.eventId]]), contentType: urlEncoded });
      const filingId = profile.pages.filingId.exec(start)?.[1];
      if (!filingId) return refused('start', start);

      const parties = await request(stepPath(filingId, 'parties'), { method: 'POST', body: form(filing.partyIds.map((id) => [profile.fields.party, id])), contentType: urlEncoded });
      if (errorOf(parties)) return refused('parties', parties);

      const upload = new FormData();
      filing.documents.forEach((document, index) => {
        const blob = new Blob([new Uint8Array(document.bytes)], { type: 'application/pdf' });
        if (index === 0) upload.append(profile.fields.mainDocument, blob, document.name);
        else {
          upload.append(profile.fields.attachment, blob, document.name);
          upload.append(profile.fields.attachmentDescription, document.description);
        }
      });
      const related = await request(stepPath(filingId, 'documents'), { method: 'POST', body: upload });
      if (errorOf(related)) return refused('documents', related);
      // The related step lists the docket as it stands: its choices map document numbers to entries, and its last entry is the high-water mark.
      const choices = [...related.matchAll(profile.pages.relatedChoice)].map((match) => ({ deSeqNum: Number(match[1]), documentNumber: match[2] ? Number(match[2]) : null }));
      const docketHighWater = Math.max(0, ...choices.map((choice) => choice.deSeqNum));
      const relatedDeSeqNums = filing.relatedDocumentNumbers.map((number) => choices.find((choice) => choice.documentNumber === number)?.deSeqNum);
      if (relatedDeSeqNums.some((deSeqNum) => deSeqNum === undefined)) {
        return { kind: 'refused', step: 'related', message: `Document ${filing.relatedDocumentNumbers.join(', ')} is not on this case's docket. Check the related document number.` };
      }

      const textForm = await request(stepPath(filingId, 'related'), { method: 'POST', body: form(relatedDeSeqNums.map((deSeqNum) => [profile.fields.related, String(deSeqNum)])), contentType: urlEncoded });
      if (errorOf(textForm)) return refused('related', textForm);
      const finalText = await request(stepPath(filingId, 'docket-text'), { method: 'POST', body: form([[profile.fields.annotation, filing.annotation]]), contentType: urlEncoded });
      const docketText = profile.pages.finalDocketText.exec(finalText)?.[1];
      if (errorOf(finalText) || docketText === undefined) return refused('docket text', finalText);

      const commitPoint: CommitPoint = { filingId, docketText: decodeEntities(docketText), docketHighWater };
      await beforeCommit(commitPoint);
      let receipt: string;
      try {
        receipt = await request(stepPath(filingId, 'submit'), { method: 'POST', body: '', contentType: urlEncoded });
      } catch (error) {
        if (error instanceof SessionEndedError) throw error;
        throw new UnknownOutcomeError(error instanceof Error ? error.message : String(error), commitPoint);
      }
      if (pageKind(receipt) !== 'nef-receipt') return refused('submit', receipt);
      const deSeqNum = Number(profile.pages.receiptDeSeqNum.exec(receipt)?.[1] ?? Number.NaN);
      const documentNumber = profile.pages.receiptDocumentNumber.exec(receipt)?.[1];
      if (!Number.isInteger(deSeqNum)) throw new UnknownOutcomeError('The court accepted the filing but its receipt could not be read.', commitPoint);
      return { kind: 'submitted', deSeqNum, documentNumber: documentNumber ? Number(documentNumber) : null, docketText: commitPoint.docketText, receiptHtml: receipt };
    },
  };
}

/** A filing driver. */
export type FilingDriver = ReturnType<typeof createFilingDriver>;
