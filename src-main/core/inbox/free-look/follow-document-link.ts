import type { CourtFetch } from '../../court/pacer-login';
import { checkCourtHop, isCourtLoginPage } from '../../security/url-gate';
import { requestAnonymously, type RequestLimits } from './anonymous-request';
import type { CourtPageReader, SelectionLink } from './read-court-page';

/** Why a free look stopped without a document: the states the inbox shows (src-main/shared/inbox.ts). */
export type StoppedState = 'used' | 'expired' | 'sealed' | 'no-free-look';

/** A document of the menu, or where its link pointed when the URL gate refused it (never requested). */
export type MenuDocument = SelectionLink & { readonly refusal: string | null };

/** Where following one document link ended. */
export type LinkOutcome =
  | { readonly kind: 'pdf'; readonly bytes: Uint8Array }
  | { readonly kind: 'selection'; readonly documents: readonly MenuDocument[] }
  | {
      readonly kind: 'stopped';
      readonly state: StoppedState;
      readonly message: string;
      readonly feeCents: number | null;
    }
  /** The court's page pointed somewhere the URL gate refuses: the document is flagged, never fetched. */
  | { readonly kind: 'refused'; readonly message: string }
  | { readonly kind: 'failed'; readonly message: string };

/** Redirects, a confirmation page and a frame: more hops than that is not a free look. */
const maxHops = 5;

/** Plain-words explanations of the stops (the court's free-look rules: one look, 15 days, never for sealed documents). */
export const stopMessages: Readonly<Record<StoppedState, string>> = {
  used: 'The free look at this document was used already: the court now asks for a PACER login, and viewing it costs PACER fees. ECF Desk paid nothing.',
  expired:
    'The free look at this document has expired (notice links are free for 15 days). Viewing it now costs PACER fees. ECF Desk paid nothing.',
  sealed:
    'This document is sealed or restricted: the court asks for a login even through the notice link. Open it in CM/ECF with an account allowed to see it.',
  'no-free-look':
    'This notice carries no free look (a multi-case notice gives it to the first case only). Viewing the document costs PACER fees. ECF Desk did not open it.',
};

/**
 * Follows one doc1 link the way a browser would, but only on the link's own host and only through pages that
 * lead to a free document: a redirect, the "verify free look" page when its continue link carries `use_magic=1`,
 * and the document frame once. Every hop passes the URL gate (`checkCourtHop`) before it is requested; one it
 * refuses ends the fetch as `refused`. It stops at a login or a price, and never submits a form, so it can never
 * buy anything (courtlistener#1974: never auto-buy). `opened` holds every address already requested in this
 * fetch; none is requested twice. Pages are read by `readPage` (in a child process in the app).
 */
export async function followDocumentLink(
  fetchCourt: CourtFetch,
  url: string,
  options: RequestLimits & {
    readonly opened: Set<string>;
    readonly allowsSelection: boolean;
    readonly readPage: CourtPageReader;
  },
): Promise<LinkOutcome> {
  let current = withUseMagic(new URL(url).href);
  let hasFollowedFrame = false;
  for (let hop = 0; hop < maxHops; hop += 1) {
    if (options.opened.has(current)) {
      return {
        kind: 'failed',
        message:
          'The court sent ECF Desk back to a page it had opened already. ECF Desk stopped rather than ask twice.',
      };
    }
    options.opened.add(current);
    const reply = await requestAnonymously(fetchCourt, current, options);
    if (reply.kind === 'failed' || reply.kind === 'refused') {
      return reply;
    }
    if (reply.kind === 'pdf') {
      return { kind: 'pdf', bytes: reply.bytes };
    }
    if (reply.kind === 'redirect') {
      const target = checkCourtHop(reply.location, current);
      if (target.isAllowed) {
        current = withUseMagic(target.url);
        continue;
      }
      // Real CM/ECF sends a used or expired link to PACER's login page; it is recognised, not requested.
      return URL.canParse(reply.location, current) && isCourtLoginPage(new URL(reply.location, current).href)
        ? stopped('used')
        : { kind: 'refused', message: target.reason };
    }
    const page = await options.readPage(reply.html, current);
    switch (page.kind) {
      case 'receipt': {
        const price = page.feeCents === null ? 'a price' : `a price ($${(page.feeCents / 100).toFixed(2)})`;
        return {
          kind: 'stopped',
          state: 'used',
          message: `The court showed ${price} instead of the free look. ECF Desk stopped there and paid nothing.`,
          feeCents: page.feeCents,
        };
      }
      case 'login':
        return stopped(page.state);
      case 'confirm-free-look': {
        const target = page.continueUrl === null ? null : checkCourtHop(page.continueUrl, current);
        if (target === null) {
          return {
            kind: 'failed',
            message:
              'The court asked to confirm the free look, and its page offered no way to continue that ECF Desk trusts. Open the document from the notice.',
          };
        }
        if (!target.isAllowed) {
          return { kind: 'refused', message: target.reason };
        }
        current = withUseMagic(target.url);
        continue;
      }
      case 'selection':
        if (!options.allowsSelection || page.documents.length === 0) {
          return {
            kind: 'failed',
            message: 'The court showed a document menu ECF Desk could not read. Open the document from the notice.',
          };
        }
        return {
          kind: 'selection',
          documents: page.documents.map((document) => {
            const target = checkCourtHop(document.url, current);
            return target.isAllowed
              ? { ...document, url: withUseMagic(target.url), refusal: null }
              : { ...document, refusal: target.reason };
          }),
        };
      case 'frame': {
        if (hasFollowedFrame) {
          return {
            kind: 'failed',
            message:
              'The court showed a page within a page instead of the document. Open the document from the notice.',
          };
        }
        const target = checkCourtHop(page.source, current);
        if (!target.isAllowed) {
          return { kind: 'refused', message: target.reason };
        }
        hasFollowedFrame = true;
        current = withUseMagic(target.url);
        continue;
      }
      case 'error':
        return { kind: 'failed', message: `The court answered: "${page.message}"` };
      case 'unknown':
        return {
          kind: 'failed',
          message: `The court answered with a page ECF Desk does not recognise${page.title ? ` ("${page.title}")` : ''}. Open the document from the notice.`,
        };
    }
  }
  return {
    kind: 'failed',
    message:
      'The court passed ECF Desk from page to page without reaching the document. Open the document from the notice.',
  };
}

/** Adds `use_magic=1` to a doc1 or docs1 link that has none (it skips the court's "verify free look" page). */
function withUseMagic(url: string): string {
  if (!/\/docs?1\//i.test(url) || /[?&]use_magic=/i.test(url)) {
    return url;
  }
  const [beforeFragment = url, fragment] = url.split('#', 2);
  const joined = `${beforeFragment}${beforeFragment.includes('?') ? '&' : '?'}use_magic=1`;
  return fragment === undefined ? joined : `${joined}#${fragment}`;
}

function stopped(state: StoppedState): LinkOutcome {
  return { kind: 'stopped', state, message: stopMessages[state], feeCents: null };
}
