import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CourtRecords, DocketEntryRecord, DocumentRecord } from './court-records';
import type { FaultDecision, FaultEndpoint } from './faults';
import { docketReportFeeCents, htmlReportPages } from './fees';
import type { FilingService } from './filing-service';
import { createFilingTransactions, type CourtVariation } from './filing-transaction';
import type { DocumentAnswer, DocumentRequest, FreeLookService } from './free-look-service';
import { parseForm, parseJson, readBody, readCookie, send, sendJson } from './http-helpers';
import type { CourtSession, LoginService } from './login-service';
import type { NoticeDispatcher } from './notice-dispatch';
import * as pages from './pages';
import { decodeQueryPart } from '../shared/decode-query-part';
import { mailingAddressOf } from './seed';

/** Everything the routes need. */
export interface CourtRouteContext {
  readonly login: LoginService;
  readonly records: CourtRecords;
  readonly filing: FilingService;
  readonly freeLooks: FreeLookService;
  readonly notices: NoticeDispatcher;
  readonly pdfInIframe: boolean;
  /** How this court's filing screens differ from the usual (docs/court-pages.md#court-variations). */
  readonly variation: () => CourtVariation;
  readonly now: () => number;
}

/** A request on its way through the routes, with the faults decided for it. */
export interface RouteRequest {
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
  readonly url: URL;
  readonly faults: FaultDecision;
}

/** A route: which fault endpoint it is, and how it answers. */
export interface CourtRoute {
  readonly endpoint: FaultEndpoint | null;
  handle(route: RouteRequest): Promise<void>;
}

/** The largest form or JSON body the court reads. */
export const formLimit = 1024 * 1024;
/** A main document and attachments, each up to the court's 50 MB, plus form overhead. */
export const uploadLimit = 260 * 1024 * 1024;
const temporaryLinkLifetimeMs = 10 * 60 * 1000;

const html = 'text/html; charset=utf-8';

/** Drops the connection without an answer: the client cannot tell what happened. */
export function dropConnection(response: ServerResponse): void {
  response.socket?.destroy();
}

/** The court's routes, keyed by "METHOD path" (paths with ids are matched by prefix in the server). */
export function createCourtRoutes(context: CourtRouteContext) {
  const { login, records, filing, freeLooks, notices } = context;
  const temporaryFiles = new Map<string, { sha256: string; expiresAt: number }>();

  const sessionOf = (request: IncomingMessage): CourtSession | null => {
    const header = request.headers['x-next-gen-cso'];
    return login.session(readCookie(request, 'NextGenCSO') ?? (typeof header === 'string' ? header : undefined));
  };

  /** A page in CM/ECF's frame, as the account the request's session belongs to sees it. */
  const sendPage = (
    request: IncomingMessage,
    response: ServerResponse,
    status: number,
    content: pages.PageContent,
    headers: Record<string, string> = {},
  ): void => send(response, status, html, pages.renderPage(content, sessionOf(request)?.kind ?? null), headers);

  const requireSession = (route: RouteRequest): CourtSession | null => {
    const session = sessionOf(route.request);
    if (!session) {
      sendPage(
        route.request,
        route.response,
        200,
        pages.loginPage(
          'Your session has ended or you are not logged in. Log in with your PACER account.',
          route.url.pathname + route.url.search,
        ),
      );
    }
    return session;
  };

  const sendPdf = (response: ServerResponse, document: DocumentRecord): void => {
    send(response, 200, 'application/pdf', readFileSync(filing.documentPath(document.sha256)), {
      'content-disposition': `inline; filename="${document.docId}.pdf"`,
    });
  };

  const docLink = (document: DocumentRecord, entry: DocketEntryRecord, magicNum: string | null, extra = ''): string =>
    `/doc1/${document.docId}?caseid=${entry.caseId}&de_seq_num=${entry.deSeqNum}${magicNum ? `&magic_num=${magicNum}` : ''}${extra}`;

  const answerDocument = (route: RouteRequest, request: DocumentRequest, answer: DocumentAnswer): void => {
    const { request: httpRequest, response, url } = route;
    switch (answer.kind) {
      case 'not-found':
        return sendPage(httpRequest, response, 404, pages.errorPage('Document not found.'));
      case 'selection': {
        const magic = request.magicNum;
        return sendPage(
          httpRequest,
          response,
          200,
          pages.selectionPage(answer.entry, (document) =>
            docLink(document, answer.entry, magic, `${request.useMagic ? '&use_magic=1' : ''}&doc_select=1`),
          ),
        );
      }
      case 'confirm-free-look': {
        const next = new URL(url);
        next.searchParams.set('use_magic', '1');
        return sendPage(httpRequest, response, 200, pages.confirmFreeLookPage(next.pathname + next.search));
      }
      case 'free': {
        if (!context.pdfInIframe) {
          return sendPdf(response, answer.document);
        }
        const token = randomBytes(16).toString('hex');
        temporaryFiles.set(token, { sha256: answer.document.sha256, expiresAt: Date.now() + temporaryLinkLifetimeMs });
        return sendPage(
          httpRequest,
          response,
          200,
          pages.iframePage(`/cgi-bin/show_temp.pl?file=${token}&type=application/pdf`),
        );
      }
      case 'login-required': {
        const reasons = {
          'no-free-look': 'This link does not carry a free look. Log in to view the document; PACER fees apply.',
          used: 'The free look at this document has been used. Log in to view it again; PACER fees apply.',
          expired: 'The free look at this document has expired (15 days). Log in to view it; PACER fees apply.',
          restricted: 'This document is restricted. Log in with an account that may view it.',
        } as const;
        return sendPage(httpRequest, response, 200, pages.loginPage(reasons[answer.reason], url.pathname + url.search));
      }
      case 'not-authorized':
        return sendPage(
          httpRequest,
          response,
          403,
          pages.errorPage('You do not have permission to view this document.'),
        );
      case 'receipt':
        return sendPage(
          httpRequest,
          response,
          200,
          pages.receiptPage(answer.document, answer.cents, url.pathname + url.search),
        );
      case 'paid':
        return sendPdf(response, answer.document);
    }
  };

  const readDocumentRequest = (url: URL, docId: string, hasAcceptedReceipt: boolean): DocumentRequest => {
    const number = (name: string): number | null => {
      const value = url.searchParams.get(name);
      return value !== null && /^\d+$/.test(value) ? Number(value) : null;
    };
    const magic = url.searchParams.get('magic_num');
    return {
      docId,
      caseId: number('caseid'),
      deSeqNum: number('de_seq_num'),
      magicNum: magic && magic !== 'MAGIC' ? magic : null,
      useMagic: url.searchParams.get('use_magic') === '1',
      selectsDocument: url.searchParams.get('doc_select') === '1',
      hasAcceptedReceipt,
    };
  };

  const routes: Record<string, CourtRoute> = {
    'POST /services/cso-auth': {
      endpoint: 'cso-auth',
      async handle({ request, response }) {
        const answer = login.login(parseJson(await readBody(request, formLimit, null)));
        sendJson(
          response,
          answer.status,
          answer.reply,
          answer.retryAfterSeconds ? { 'retry-after': String(answer.retryAfterSeconds) } : {},
        );
      },
    },
    'POST /services/cso-logout': {
      endpoint: 'cso-logout',
      async handle({ request, response }) {
        sendJson(response, 200, login.logout(parseJson(await readBody(request, formLimit, null))));
      },
    },
    'GET /services/fee-ledger': {
      endpoint: 'fee-ledger',
      async handle({ request, response }) {
        const session = sessionOf(request);
        if (!session) {
          return sendJson(response, 401, { error: 'Log in first.' });
        }
        sendJson(response, 200, { loginId: session.loginId, ...freeLooks.ledger(session.loginId) });
      },
    },
    'GET /cgi-bin/login.pl': {
      endpoint: 'session-check',
      async handle({ request, response, url }) {
        const session = sessionOf(request);
        if (session && url.search === '?logout') {
          login.logout({ nextGenCSO: session.token });
          return sendPage(request, response, 200, pages.loginPage('You have logged out.', '/'));
        }
        if (session) {
          return sendPage(request, response, 200, pages.loggedInPage(session.loginId));
        }
        sendPage(
          request,
          response,
          200,
          pages.loginPage('Log in with your PACER account.', url.searchParams.get('return_to') ?? '/'),
        );
      },
    },
    'POST /cgi-bin/login.pl': {
      endpoint: 'cso-auth',
      async handle({ request, response }) {
        const form = parseForm(await readBody(request, formLimit, null));
        const answer = login.login(Object.fromEntries(form));
        if (answer.reply.loginResult !== '0') {
          return sendPage(
            request,
            response,
            answer.status,
            pages.loginPage(answer.reply.errorDescription, form.get('return_to') ?? '/'),
          );
        }
        const returnTo = form.get('return_to') ?? '/';
        sendPage(request, response, 303, pages.page('Logged in', '<p>Logged in.</p>'), {
          location: returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/',
          'set-cookie': `NextGenCSO=${answer.reply.nextGenCSO}; Path=/; HttpOnly; SameSite=Strict`,
        });
      },
    },
    'GET /cgi-bin/possible_case_numbers.pl': {
      endpoint: 'case-search',
      async handle(route) {
        // The widget's own request is `?<number>;number=<random>` (the random part defeats caches). `case_num=` and
        // `caption=` are the training court's own (a search by caption words, which CM/ECF offers elsewhere).
        const query =
          route.url.searchParams.get('case_num') ??
          route.url.searchParams.get('caption') ??
          decodeQueryPart(route.url.search.slice(1).split(';')[0] ?? '');
        if (!sessionOf(route.request)) {
          // CM/ECF's answer, word for word, where a page would be no use to the widget.
          return send(route.response, 200, 'text/plain; charset=utf-8', 'Not logged in.  Please refresh this page.');
        }
        send(route.response, 200, 'text/xml; charset=utf-8', pages.caseNumbersXml(query, records.searchCases(query)));
      },
    },
    'GET /cgi-bin/qryParties.pl': {
      endpoint: 'case-search',
      async handle(route) {
        if (!requireSession(route)) {
          return;
        }
        const caseId = Number(route.url.search.slice(1).split('&')[0]);
        const courtCase = Number.isInteger(caseId) ? records.caseById(caseId) : null;
        if (!courtCase) {
          return sendPage(route.request, route.response, 404, pages.errorPage('Case not found.'));
        }
        const parties = records.partiesOf(caseId).map((party) => {
          const isServedElectronically = party.proSe
            ? party.proSe.email !== null
            : party.attorneyIds.some((id) => records.attorney(id)?.isRegisteredForEService ?? false);
          return {
            party,
            // CM/ECF's party report names each party's attorneys of record, as it prints names ("Walsh, Thomas").
            counsel: party.attorneyIds.flatMap((id) => records.attorney(id)?.name ?? []),
            isServedElectronically,
            mailingAddress: isServedElectronically ? null : mailingAddressOf(party),
          };
        });
        sendPage(route.request, route.response, 200, pages.partiesReportPage(courtCase, parties));
      },
    },
    'GET /cgi-bin/DktRpt.pl': {
      endpoint: 'docket-report',
      async handle(route) {
        const session = requireSession(route);
        if (!session) {
          return;
        }
        const caseId = Number(route.url.search.slice(1).split('&')[0]);
        const courtCase = Number.isInteger(caseId) ? records.caseById(caseId) : null;
        if (!courtCase) {
          return sendPage(route.request, route.response, 404, pages.errorPage('Case not found.'));
        }
        const body = pages.docketReportBody(courtCase, records.partiesOf(caseId), records.docket(caseId), (entry) => {
          const main = entry.documents[0];
          return main ? docLink(main, entry, null) : null;
        });
        // Billed by the size of the report itself: 4,320 bytes a page, capped at 30 pages (fee schedule).
        const billablePages = Math.min(htmlReportPages(Buffer.byteLength(body)), 30);
        const cents = docketReportFeeCents(Buffer.byteLength(body));
        freeLooks.chargeDocketReport(session, caseId, billablePages, cents);
        sendPage(
          route.request,
          route.response,
          200,
          pages.page(null, body + pages.docketReceipt(session.loginId, session.clientCode, billablePages, cents)),
        );
      },
    },
    'GET /cgi-bin/show_temp.pl': {
      endpoint: 'doc1',
      async handle({ request, response, url }) {
        const file = temporaryFiles.get(url.searchParams.get('file') ?? '');
        if (!file || file.expiresAt < Date.now()) {
          return sendPage(
            request,
            response,
            404,
            pages.errorPage('This temporary link has expired. Open the document again from its notice.'),
          );
        }
        send(response, 200, 'application/pdf', readFileSync(filing.documentPath(file.sha256)));
      },
    },
  };

  const transactions = createFilingTransactions({
    records,
    filing,
    notices,
    variation: context.variation,
    now: context.now,
    requireSession,
    endSession: (session) => login.logout({ nextGenCSO: session.token }),
    sendPage: (route, status, content) => sendPage(route.request, route.response, status, content),
    entryDate: (entry) => pages.easternDate(entry.enteredAt),
    formLimit,
    uploadLimit,
    dropConnection: (route) => dropConnection(route.response),
  });

  return {
    routes,
    transactions,
    sendPage,
    /** `/doc1/<docId>`: free look, menu, login or receipt (GET), or the paid document (POST after the receipt). */
    async document(route: RouteRequest, docId: string): Promise<void> {
      let hasAcceptedReceipt = route.url.searchParams.get('got_receipt') === '1';
      if (route.request.method === 'POST') {
        hasAcceptedReceipt = parseForm(await readBody(route.request, formLimit, null)).get('got_receipt') === '1';
      }
      const request = readDocumentRequest(route.url, docId, hasAcceptedReceipt);
      answerDocument(route, request, freeLooks.answer(request, sessionOf(route.request)));
    },
  };
}
