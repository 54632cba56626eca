import type { CourtFetch } from '../../court/pacer-login';
import { RefusedUrlError } from '../../security/url-gate';
import { describeError } from '../../../shared/describe-error';

/** What one anonymous GET brought back. */
export type AnonymousReply =
  | { readonly kind: 'pdf'; readonly bytes: Uint8Array }
  | { readonly kind: 'html'; readonly html: string }
  | { readonly kind: 'redirect'; readonly location: string }
  /** The URL gate refused the address: nothing was requested. */
  | { readonly kind: 'refused'; readonly message: string }
  | { readonly kind: 'failed'; readonly message: string };

/** Limits of one request. */
export interface RequestLimits {
  readonly maxBytes: number;
  readonly timeoutMs: number;
}

/** PDF 1.7 §7.5.2: readers accept the `%PDF-` header anywhere in the first 1,024 bytes. */
const pdfHeaderWindow = 1024;
const pdfHeader = new TextEncoder().encode('%PDF-');

/**
 * One GET with no cookies and no credentials (a free look needs no login, and CourtListener's rule after
 * courtlistener#1974 is to never log in on a magic link, so no account can be charged). Redirects are handed back
 * rather than followed, so the caller decides where it is willing to go. Never throws.
 */
export async function requestAnonymously(
  fetchCourt: CourtFetch,
  url: string,
  limits: RequestLimits,
): Promise<AnonymousReply> {
  // `credentials` and `redirect` are standard fetch options; Node's fetch and Electron's net.fetch honour them.
  const init: Parameters<CourtFetch>[1] & RequestInit = {
    method: 'GET',
    headers: { accept: 'application/pdf, text/html;q=0.9, */*;q=0.1' },
    signal: AbortSignal.timeout(limits.timeoutMs),
    credentials: 'omit',
    redirect: 'manual',
  };
  try {
    const response = await fetchCourt(url, init);
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      const location = response.headers.get('location');
      return location
        ? { kind: 'redirect', location }
        : {
            kind: 'failed',
            message: `The court sent ECF Desk elsewhere without saying where (HTTP ${response.status}).`,
          };
    }
    if (response.status >= 500) {
      await response.body?.cancel();
      return {
        kind: 'failed',
        message: `The court's system had an error (HTTP ${response.status}). ECF Desk will try again later.`,
      };
    }
    if (!response.ok) {
      await response.body?.cancel();
      return { kind: 'failed', message: describeRefusal(response.status) };
    }
    const body = await readLimitedBody(response, limits.maxBytes);
    if (body === null) {
      return {
        kind: 'failed',
        message: `The document is larger than ECF Desk accepts (${Math.round(limits.maxBytes / (1024 * 1024))} MB). Open it from the notice instead.`,
      };
    }
    if (hasPdfHeader(body)) {
      return { kind: 'pdf', bytes: body };
    }
    const contentType = response.headers.get('content-type') ?? '';
    if (/application\/pdf/i.test(contentType)) {
      return {
        kind: 'failed',
        message: 'The court said it sent a PDF, but the file is not one. ECF Desk will try again later.',
      };
    }
    return { kind: 'html', html: new TextDecoder('utf-8').decode(body) };
  } catch (error) {
    if (error instanceof RefusedUrlError) {
      return { kind: 'refused', message: error.message };
    }
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
      return {
        kind: 'failed',
        message: `The court did not answer within ${Math.round(limits.timeoutMs / 1000)} seconds. ECF Desk will try again later.`,
      };
    }
    return {
      kind: 'failed',
      message: `The court could not be reached (${describeError(error).message}). ECF Desk will try again later.`,
    };
  }
}

/**
 * What a 4xx answer means for a free look, in plain words. "Not found" or "gone" means the link no longer leads to the
 * document: a notice's link works once, or for 15 days, whichever comes first (docs/court-rules.md#free-looks), and
 * the court may have sealed or replaced the document since. Asking again will not bring it back, so the message says
 * where the document still is.
 */
function describeRefusal(status: number): string {
  if (status === 404 || status === 410) {
    return (
      `The court answered that the document is not at this link (HTTP ${status}): the free-look link no longer ` +
      'works. A notice’s link works once, or for 15 days, whichever comes first, and the court may have sealed or ' +
      'replaced the document since. Open it from the case’s docket with your PACER login (PACER’s fees apply), ' +
      'or ask the filer for a copy.'
    );
  }
  return (
    `The court would not show the document to ECF Desk (HTTP ${status}). The document may be sealed or restricted. ` +
    'Open it from the case’s docket with your PACER login, or call the CM/ECF Help Desk at 1-866-450-1859.'
  );
}

/** The whole body, or null as soon as it passes `maxBytes` (the rest is never read): no court answer is read unbounded. */
export async function readLimitedBody(response: Response, maxBytes: number): Promise<Uint8Array | null> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    return null;
  }
  if (!response.body) {
    return new Uint8Array(0);
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        break;
      }
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        return null;
      }
      chunks.push(value);
    }
  } finally {
    // Unlocked, the body may still be cancelled by the caller (cancelling a locked one throws).
    reader.releaseLock();
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, pdfHeaderWindow) - pdfHeader.length;
  for (let start = 0; start <= end; start += 1) {
    if (pdfHeader.every((byte, index) => bytes[start + index] === byte)) {
      return true;
    }
  }
  return false;
}
