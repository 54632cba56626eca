import type { CourtFetch } from '../court/pacer-login';
import { countPdfPages } from './free-look/count-pdf-pages';
import { readCourtPage } from './free-look/read-court-page';

/** What buying a document came to. */
export type PurchaseResult =
  | { readonly kind: 'bought'; readonly bytes: Uint8Array; readonly pages: number | null; readonly feeCents: number }
  | { readonly kind: 'price-changed'; readonly feeCents: number }
  | { readonly kind: 'failed'; readonly message: string };

const timeoutMs = 60_000;

function isPdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-');
}

/**
 * Buys one document with the logged-in account, the way a user would: open the link with the session, read the
 * receipt page's price, and accept it only when it is the price the user saw and accepted (fee schedule: $0.10 a
 * page, $3.00 at most). Anything else stops without paying.
 */
export async function buyDocument(options: { url: string; number: string; token: string; fetch: CourtFetch; acceptsFeeCents: number }): Promise<PurchaseResult> {
  const headers = { cookie: `NextGenCSO=${options.token}` };
  const open = async (url: string, init: { method: 'GET' | 'POST'; body?: string }): Promise<{ url: string; bytes: Uint8Array } | null> => {
    try {
      const response = await options.fetch(url, { method: init.method, headers: init.body === undefined ? headers : { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, ...(init.body === undefined ? {} : { body: init.body }), signal: AbortSignal.timeout(timeoutMs) });
      return response.ok ? { url, bytes: new Uint8Array(await response.arrayBuffer()) } : null;
    } catch {
      return null;
    }
  };
  const withoutMagic = new URL(options.url);
  withoutMagic.searchParams.delete('magic_num');
  withoutMagic.searchParams.delete('use_magic');
  let answer = await open(withoutMagic.toString(), { method: 'GET' });
  for (let hops = 0; answer && !isPdf(answer.bytes) && hops < 3; hops += 1) {
    const page = readCourtPage(Buffer.from(answer.bytes).toString('utf8'), answer.url);
    if (page.kind === 'selection') {
      const link = page.documents.find((document) => document.number === options.number);
      if (!link) return { kind: 'failed', message: 'The court’s document menu does not list this document.' };
      answer = await open(link.url, { method: 'GET' });
      continue;
    }
    if (page.kind === 'receipt') {
      if (page.feeCents === null) return { kind: 'failed', message: 'The court’s receipt did not show a price, so nothing was bought.' };
      if (page.feeCents !== options.acceptsFeeCents) return { kind: 'price-changed', feeCents: page.feeCents };
      answer = await open(answer.url, { method: 'POST', body: 'got_receipt=1' });
      if (answer && isPdf(answer.bytes)) return { kind: 'bought', bytes: answer.bytes, pages: await countPdfPages(answer.bytes), feeCents: page.feeCents };
      return { kind: 'failed', message: 'The court did not send the document after the receipt.' };
    }
    if (page.kind === 'login') return { kind: 'failed', message: 'The court asked for a login: log in again on the Accounts screen, then buy.' };
    if (page.kind === 'frame') {
      answer = await open(page.source, { method: 'GET' });
      continue;
    }
    return { kind: 'failed', message: 'The court answered with a page ECF Desk does not know; nothing was bought.' };
  }
  if (answer && isPdf(answer.bytes)) return { kind: 'failed', message: 'The court sent the document without a receipt; it was not kept, as no price was agreed.' };
  return { kind: 'failed', message: 'The court could not be reached.' };
}
