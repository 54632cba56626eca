import type { CourtFetch } from '../court/pacer-login';
import { checkCourtRequest, checkFirmServerRequest, RefusedUrlError, type UrlTrust } from './url-gate';

/** More redirects than this in one request is not a court sending a page on. */
const maxRedirects = 5;
const redirectStatuses = new Set([301, 302, 303, 307, 308]);
/** Headers that carry the user's session or credentials: never sent on to another origin. */
const sessionHeaders = new Set(['cookie', 'authorization']);

type CourtRequest = Parameters<CourtFetch>[1] & RequestInit;

/**
 * Court traffic's one way out: core wraps the host's fetch in this once (`app-services.ts`), and every request to a
 * court — free looks, purchases, filing, login — goes through it. Each address is checked by `checkCourtRequest`
 * before the request; redirects are never left to the network layer (`redirect: 'manual'`): a caller that asks for
 * them gets them back to check itself, and otherwise each hop is checked again before it is followed. A refused
 * address throws `RefusedUrlError` and never reaches the network.
 */
export function gateCourtFetch(fetchCourt: CourtFetch, trust: () => UrlTrust): CourtFetch {
  return async (url, init) => {
    const asked = (init as CourtRequest).redirect ?? 'follow';
    let current = approved(url, trust());
    let request: CourtRequest = { ...init, redirect: 'manual' };
    for (let redirects = 0; ; redirects += 1) {
      const response = await fetchCourt(current, request);
      if (asked === 'manual') {
        return response;
      }
      // A network layer that hides where a redirect goes leaves nothing to check, so it is not followed.
      if (response.type === 'opaqueredirect') {
        throw new RefusedUrlError(
          current,
          'The court sent ECF Desk to another address without saying which, so ECF Desk could not check it and did not follow.',
        );
      }
      const location = redirectStatuses.has(response.status) ? response.headers.get('location') : null;
      if (location === null) {
        return response;
      }
      await response.body?.cancel();
      if (asked === 'error') {
        throw new TypeError(`The court redirected a request that may not be redirected (HTTP ${response.status}).`);
      }
      if (redirects >= maxRedirects) {
        throw new Error('The court sent ECF Desk from address to address without reaching a page.');
      }
      const next = approved(resolve(location, current), trust());
      request = redirected(request, response.status, new URL(next).origin !== new URL(current).origin);
      current = next;
    }
  };
}

function approved(url: string, trust: UrlTrust): string {
  const verdict = checkCourtRequest(url, trust);
  if (!verdict.isAllowed) {
    throw new RefusedUrlError(url, verdict.reason);
  }
  return verdict.url;
}

function resolve(location: string, base: string): string {
  try {
    return new URL(location, base).href;
  } catch {
    return location;
  }
}

/** The request a redirect asks for (Fetch standard, HTTP-redirect fetch): 303, and 301/302 after a POST, become a GET without a body. */
function redirected(request: CourtRequest, status: number, isOtherOrigin: boolean): CourtRequest {
  const becomesGet =
    (status === 303 && request.method.toUpperCase() !== 'HEAD') ||
    ((status === 301 || status === 302) && request.method.toUpperCase() === 'POST');
  const headers = Object.fromEntries(
    Object.entries(request.headers).filter(
      ([name]) =>
        !(isOtherOrigin && sessionHeaders.has(name.toLowerCase())) &&
        !(becomesGet && name.toLowerCase() === 'content-type'),
    ),
  );
  if (!becomesGet) {
    return { ...request, headers };
  }
  const asGet: CourtRequest = { ...request, method: 'GET', headers };
  delete asGet.body;
  return asGet;
}

/**
 * The firm server's one way out (docs/firm-server.md#connecting-a-desktop): core wraps the host's fetch in this once
 * (`app-services.ts`). Each request must go to the origin of the address the user or policy set, to the server's status
 * or an `/api/` route (`checkFirmServerRequest`); `origin` is asked at each request, so a changed address applies at
 * once. A redirect is never followed: the firm server sends none, and following one could carry the user's token away.
 */
export function gateFirmServerFetch(fetchAny: CourtFetch, origin: () => string | null): CourtFetch {
  return async (url, init) => {
    const allowedOrigin = origin();
    const verdict =
      allowedOrigin === null
        ? { isAllowed: false as const, reason: 'No firm server is set up, so ECF Desk sent nothing.' }
        : checkFirmServerRequest(url, allowedOrigin);
    if (!verdict.isAllowed) {
      throw new RefusedUrlError(url, verdict.reason);
    }
    const response = await fetchAny(verdict.url, { ...init, redirect: 'manual' } as Parameters<CourtFetch>[1]);
    if (response.type === 'opaqueredirect' || redirectStatuses.has(response.status)) {
      await response.body?.cancel();
      throw new RefusedUrlError(
        verdict.url,
        'The firm server answered by sending ECF Desk to another address, which it never does: nothing was followed. Check the address with IT.',
      );
    }
    return response;
  };
}
