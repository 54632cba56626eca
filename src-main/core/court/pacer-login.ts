/**
 * The PACER Authentication API's login contract (docs/court-rules.md#pacer-login): `POST …/cso-auth` with JSON,
 * answered `{nextGenCSO, loginResult, errorDescription}` — HTTP 200 for failures too, so the outcome is `loginResult`,
 * never the status. The same contract is served by the training court.
 */

import { describeError } from '../../shared/describe-error';

/** What one login sends. `redactFlag` goes only when the filer acknowledged the redaction rules. */
export interface CsoAuthRequest {
  readonly loginId: string;
  readonly password: string;
  readonly otpCode?: string;
  readonly clientCode?: string;
  readonly redactFlag: boolean;
}

/** What the login service answered, read strictly. */
export type CsoAuthAnswer =
  | { readonly kind: 'logged-in'; readonly token: string; readonly warning: string | null }
  | { readonly kind: 'refused'; readonly loginResult: string; readonly errorDescription: string }
  | { readonly kind: 'throttled'; readonly retryAfterSeconds: number | null }
  | { readonly kind: 'unreachable'; readonly detail: string };

/** The fetch the court connector uses (Electron's net.fetch or Node's fetch; tests inject their own). */
export type CourtFetch = (
  url: string,
  init: {
    method: string;
    headers: Record<string, string>;
    body?: string | FormData | Uint8Array<ArrayBuffer>;
    signal: AbortSignal;
  },
) => Promise<Response>;

const loginTimeoutMs = 30_000;

/** Logs in once. Never throws: a network failure is an `unreachable` answer. */
export async function requestLogin(
  fetchCourt: CourtFetch,
  loginServiceUrl: string,
  request: CsoAuthRequest,
): Promise<CsoAuthAnswer> {
  const body: Record<string, string> = { loginId: request.loginId, password: request.password };
  if (request.otpCode) {
    body['otpCode'] = request.otpCode;
  }
  if (request.clientCode) {
    body['clientCode'] = request.clientCode;
  }
  if (request.redactFlag) {
    body['redactFlag'] = '1';
  }
  let response: Response;
  try {
    response = await fetchCourt(loginServiceUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(loginTimeoutMs),
    });
  } catch (error) {
    return { kind: 'unreachable', detail: describeError(error).message };
  }
  if (response.status === 429) {
    const retryAfter = Number(response.headers.get('retry-after'));
    return { kind: 'throttled', retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null };
  }
  if (!response.ok) {
    return { kind: 'unreachable', detail: `the login service answered HTTP ${response.status}` };
  }
  const reply = await response.json().catch(() => null);
  if (typeof reply !== 'object' || reply === null) {
    return { kind: 'unreachable', detail: 'the login service did not answer in JSON' };
  }
  const { nextGenCSO, loginResult, errorDescription } = reply as Record<string, unknown>;
  const description = typeof errorDescription === 'string' ? errorDescription.trim() : '';
  if (loginResult === '0' && typeof nextGenCSO === 'string' && nextGenCSO.length > 0) {
    return { kind: 'logged-in', token: nextGenCSO, warning: description || null };
  }
  return {
    kind: 'refused',
    loginResult: typeof loginResult === 'string' ? loginResult : '',
    errorDescription: description,
  };
}

/** Ends a session at `cso-logout` (beside `cso-auth`). Best effort: a failure leaves the token to expire on its own. */
export async function requestLogout(fetchCourt: CourtFetch, loginServiceUrl: string, token: string): Promise<boolean> {
  try {
    const response = await fetchCourt(loginServiceUrl.replace(/cso-auth$/, 'cso-logout'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ nextGenCSO: token }),
      signal: AbortSignal.timeout(loginTimeoutMs),
    });
    return response.ok;
  } catch {
    return false;
  }
}
