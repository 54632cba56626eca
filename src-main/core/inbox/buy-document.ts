import type { CourtFetch } from '../court/pacer-login';
import { checkCourtHop, RefusedUrlError } from '../security/url-gate';
import type { PdfPageCounter } from '../documents/read-pdf-facts';
import { readLimitedBody } from './free-look/anonymous-request';
import type { CourtPageReader } from './free-look/read-court-page';

/** What buying a document came to. */
export type PurchaseResult =
  | { readonly kind: 'bought'; readonly bytes: Uint8Array; readonly pages: number | null; readonly feeCents: number }
  | { readonly kind: 'price-changed'; readonly feeCents: number }
  /** The court's page, or a redirect, pointed where the URL gate refuses: nothing was requested there, nothing bought. */
  | { readonly kind: 'refused'; readonly message: string }
  | { readonly kind: 'failed'; readonly message: string };

const timeoutMs = 60_000;
/** Larger answers are refused, as a free look's are. */
const maxBytes = 60 * 1024 * 1024;
/** The receipt, a document menu, a frame and their redirects: more hops than that is not a purchase. */
const maxHops = 6;

function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-');
}

type Answer =
  | { readonly kind: 'page'; readonly url: string; readonly bytes: Uint8Array }
  | { readonly kind: 'refused'; readonly message: string }
  | null;

/**
 * Buys one document with the logged-in account, the way a user would: open the link with the session, read the
 * receipt page's price, and accept it only when it is the price the user saw and accepted (fee schedule: $0.10 a
 * page, $3.00 at most). Anything else stops without paying. The session goes only to the link's own court: every
 * frame, menu link and redirect passes the URL gate (`checkCourtHop`) before it is requested. Pages are read by
 * `readPage` and the document's pages counted by `countPages` (both in a child process in the app).
 */
export async function buyDocument(options: {
  url: string;
  number: string;
  token: string;
  fetch: CourtFetch;
  acceptsFeeCents: number;
  readPage: CourtPageReader;
  countPages: PdfPageCounter;
}): Promise<PurchaseResult> {
  const headers = { cookie: `NextGenCSO=${options.token}` };
  let hops = 0;
  const open = async (url: string, init: { method: 'GET' | 'POST'; body?: string }): Promise<Answer> => {
    let current = url;
    let request = init;
    for (; hops < maxHops; hops += 1) {
      const sent: Parameters<CourtFetch>[1] & RequestInit = {
        method: request.method,
        headers:
          request.body === undefined ? headers : { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
        ...(request.body === undefined ? {} : { body: request.body }),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'manual',
      };
      let response: Response;
      try {
        response = await options.fetch(current, sent);
      } catch (error) {
        return error instanceof RefusedUrlError ? { kind: 'refused', message: error.message } : null;
      }
      const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
      if (location === null) {
        const bytes = response.ok ? await readLimitedBody(response, maxBytes).catch(() => null) : null;
        if (bytes === null) {
          await response.body?.cancel().catch(() => undefined);
        }
        return bytes === null ? null : { kind: 'page', url: current, bytes };
      }
      await response.body?.cancel();
      const target = checkCourtHop(location, current);
      if (!target.isAllowed) {
        return { kind: 'refused', message: target.reason };
      }
      current = target.url;
      // A redirect after a form is read with a GET, as a browser would (303 See Other).
      request = { method: 'GET' };
    }
    return null;
  };
  const follow = async (href: string, pageUrl: string): Promise<Answer> => {
    const target = checkCourtHop(href, pageUrl);
    return target.isAllowed ? open(target.url, { method: 'GET' }) : { kind: 'refused', message: target.reason };
  };
  const withoutMagic = new URL(options.url);
  withoutMagic.searchParams.delete('magic_num');
  withoutMagic.searchParams.delete('use_magic');
  let answer = await open(withoutMagic.toString(), { method: 'GET' });
  for (let pages = 0; answer?.kind === 'page' && !isPdf(answer.bytes) && pages < 3; pages += 1) {
    const page = await options.readPage(Buffer.from(answer.bytes).toString('utf8'), answer.url);
    if (page.kind === 'selection') {
      const link = page.documents.find((document) => document.number === options.number);
      if (!link) {
        return { kind: 'failed', message: 'The court’s document menu does not list this document.' };
      }
      answer = await follow(link.url, answer.url);
      continue;
    }
    if (page.kind === 'receipt') {
      if (page.feeCents === null) {
        return { kind: 'failed', message: 'The court’s receipt did not show a price, so nothing was bought.' };
      }
      if (page.feeCents !== options.acceptsFeeCents) {
        return { kind: 'price-changed', feeCents: page.feeCents };
      }
      const paid = await open(answer.url, { method: 'POST', body: 'got_receipt=1' });
      if (paid?.kind === 'page' && isPdf(paid.bytes)) {
        return {
          kind: 'bought',
          bytes: paid.bytes,
          pages: await options.countPages(paid.bytes),
          feeCents: page.feeCents,
        };
      }
      if (paid?.kind === 'refused') {
        return paid;
      }
      return { kind: 'failed', message: 'The court did not send the document after the receipt.' };
    }
    if (page.kind === 'login') {
      return { kind: 'failed', message: 'The court asked for a login: log in again on the Accounts screen, then buy.' };
    }
    if (page.kind === 'frame') {
      answer = await follow(page.source, answer.url);
      continue;
    }
    return { kind: 'failed', message: 'The court answered with a page ECF Desk does not know; nothing was bought.' };
  }
  if (answer?.kind === 'refused') {
    return answer;
  }
  if (answer && isPdf(answer.bytes)) {
    return {
      kind: 'failed',
      message: 'The court sent the document without a receipt; it was not kept, as no price was agreed.',
    };
  }
  return { kind: 'failed', message: 'The court could not be reached.' };
}
