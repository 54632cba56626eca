import { randomBytes, timingSafeEqual } from 'node:crypto';
import type Database from 'better-sqlite3';
import { verifyTotp } from '../core/court/totp';
import { hashPassword } from './court-database';
import { createLoginThrottle } from './login-throttle';
import type { AccountKind } from './seed';

/**
 * The login service's reply body: HTTP 200 for failures too, with the outcome in `loginResult`
 * (docs/court-rules.md#pacer-login).
 */
export interface CsoAuthReply {
  readonly nextGenCSO: string;
  readonly loginResult: string;
  readonly errorDescription: string;
}

/** A logged-in session, as the court's other pages see it. */
export interface CourtSession {
  readonly token: string;
  readonly loginId: string;
  readonly kind: AccountKind;
  readonly attorneyId: string | null;
  readonly clientCode: string | null;
}

/** Wording of the login service's answers; the codes follow what clients of the real service observe. */
export const loginMessages = {
  invalid: 'Invalid username, password, or one-time passcode.',
  otpNeeded: 'A one-time passcode is needed to continue.',
  redactionRequired:
    'All filers must redact: Social Security or taxpayer identification numbers; dates of birth; names of minor children; financial account numbers; and in criminal cases, home addresses, in compliance with Fed. R. Civ. P. 5.2, Fed. R. Crim. P. 49.1, or Fed. R. Bankr. P. 9037.',
  locked: 'Your account has been locked. Please contact the PACER Service Center at (800) 676-6856.',
  clientCodeTooLong: 'Client code must be 32 characters or fewer.',
  clientCodeMissing: 'Required client code not entered.',
  badRequest: 'Login request is missing loginId or password.',
  loginIdTooLong: 'loginId must be 256 characters or fewer.',
  throttled:
    'Too many login attempts. Wait a minute before trying again; reuse your token instead of logging in for every request.',
} as const;

/** How long a token stays valid (the real service's "maximum valid account login time" is not published). */
export const sessionLifetimeMs = 8 * 60 * 60 * 1000;
/** Login calls allowed per login id per minute before the service answers 429 (PACER: do not authenticate per request). */
export const loginsPerMinute = 5;
/** The longest login id the service reads (PACER usernames are far shorter); a longer one is refused and never remembered. */
export const longestLoginIdCharacters = 256;
/**
 * Login ids the throttle tracks at once: a minute's worth of 10,000 different ids, a few megabytes at most. Past that a
 * new id is answered 429 until the oldest minute ends; forgetting a live id instead would hand it a fresh minute.
 */
export const trackedLoginIds = 10_000;

/** What the HTTP layer needs from the login service. */
export interface LoginService {
  login(body: unknown): { status: 200 | 429; reply: CsoAuthReply; retryAfterSeconds?: number };
  logout(body: unknown): CsoAuthReply;
  /** The live session for a token, or null when unknown, ended or expired. */
  session(token: string | undefined): CourtSession | null;
}

interface AccountRow {
  login_id: string;
  password_salt: Buffer;
  password_hash: Buffer;
  kind: AccountKind;
  mfa_secret: string | null;
  is_locked: number;
  requires_client_code: number;
  attorney_id: string | null;
}

function fail(loginResult: string, errorDescription: string): CsoAuthReply {
  return { nextGenCSO: '', loginResult, errorDescription };
}

/** A stored secret that is not base32 refuses every code instead of failing the request. */
function isOtpRight(secret: string, code: string, at: number): boolean {
  try {
    return verifyTotp(secret, code, at, { window: 1 }) !== null;
  } catch {
    return false;
  }
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The PACER login service (`cso-auth`, `cso-logout`) over the court's database. */
export function createLoginService(db: Database.Database, now: () => number): LoginService {
  const throttle = createLoginThrottle({ perMinute: loginsPerMinute, trackedLoginIds }, now);

  const authenticate = (request: Record<string, unknown>): CsoAuthReply => {
    const loginId = optionalString(request['loginId']);
    const password = optionalString(request['password']);
    if (!loginId || !password) {
      return fail('1', loginMessages.badRequest);
    }
    const clientCode = optionalString(request['clientCode']);
    if (clientCode !== undefined && clientCode.length > 32) {
      return fail('1', loginMessages.clientCodeTooLong);
    }
    const account = db.prepare('SELECT * FROM accounts WHERE login_id = ?').get(loginId) as AccountRow | undefined;
    const isPasswordRight =
      account !== undefined && timingSafeEqual(hashPassword(password, account.password_salt), account.password_hash);
    if (!account || !isPasswordRight) {
      return fail('13', loginMessages.invalid);
    }
    if (account.is_locked) {
      return fail('1', loginMessages.locked);
    }
    if (account.mfa_secret !== null) {
      const otpCode = optionalString(request['otpCode']);
      if (!otpCode) {
        return fail('13', loginMessages.otpNeeded);
      }
      if (!/^\d{6}$/.test(otpCode) || !isOtpRight(account.mfa_secret, otpCode, now())) {
        return fail('13', loginMessages.invalid);
      }
    }
    if (account.kind !== 'view-only' && request['redactFlag'] !== '1') {
      return fail('1', loginMessages.redactionRequired);
    }
    // Expired sessions open nothing any more: each login sweeps them, so the table holds the last 8 hours' at most.
    db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now());
    const token = randomBytes(64).toString('hex');
    db.prepare(
      'INSERT INTO sessions (token, login_id, client_code, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
    ).run(token, loginId, clientCode || null, now(), now() + sessionLifetimeMs);
    const warning = account.requires_client_code && !clientCode ? loginMessages.clientCodeMissing : '';
    return { nextGenCSO: token, loginResult: '0', errorDescription: warning };
  };

  return {
    login(body) {
      const request = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
      const loginId = optionalString(request['loginId']) ?? '';
      if (loginId.length > longestLoginIdCharacters) {
        return { status: 200, reply: fail('1', loginMessages.loginIdTooLong) };
      }
      const retryAfterSeconds = throttle.attempt(loginId);
      if (retryAfterSeconds !== null) {
        return { status: 429, reply: fail('1', loginMessages.throttled), retryAfterSeconds };
      }
      return { status: 200, reply: authenticate(request) };
    },
    logout(body) {
      const token =
        typeof body === 'object' && body !== null
          ? optionalString((body as Record<string, unknown>)['nextGenCSO'])
          : undefined;
      if (token) {
        db.prepare('UPDATE sessions SET ended_at = ? WHERE token = ? AND ended_at IS NULL').run(now(), token);
      }
      return { nextGenCSO: '', loginResult: '0', errorDescription: '' };
    },
    session(token) {
      if (!token) {
        return null;
      }
      const row = db
        .prepare(
          'SELECT s.token, s.login_id, s.client_code, s.expires_at, s.ended_at, a.kind, a.attorney_id FROM sessions s JOIN accounts a USING (login_id) WHERE s.token = ?',
        )
        .get(token) as
        | {
            token: string;
            login_id: string;
            client_code: string | null;
            expires_at: number;
            ended_at: number | null;
            kind: AccountKind;
            attorney_id: string | null;
          }
        | undefined;
      if (!row || row.ended_at !== null || row.expires_at <= now()) {
        return null;
      }
      return {
        token: row.token,
        loginId: row.login_id,
        kind: row.kind,
        attorneyId: row.attorney_id,
        clientCode: row.client_code,
      };
    },
  };
}
