import type { LoginOutcome, LoginRequest, SessionStatus } from '../../shared/accounts';
import type { CourtStatus } from '../../shared/domain';
import { AppError } from '../errors';
import type { Clock } from '../ports';
import type { AccountRow } from '../storage/accounts-table';
import type { AccountsService } from './accounts-service';
import { explainLogin } from './explain-login';
import { requestLogin, requestLogout, type CourtFetch } from './pacer-login';
import { generateTotp } from './totp';
import { describeError } from '../../shared/describe-error';

/** A live session: the token stays in this object, in main's memory, and nowhere else. */
interface LiveSession {
  readonly account: AccountRow;
  readonly token: string;
  readonly clientCode: string | null;
  readonly since: Date;
  readonly loginServiceUrl: string;
}

/** What the session manager needs. */
export interface CourtSessionOptions {
  readonly accounts: AccountsService;
  readonly court: () => CourtStatus;
  readonly fetch: CourtFetch;
  readonly clock: Clock;
  readonly onChange: (status: SessionStatus) => void;
}

/**
 * One court session at a time, reused for every request until the user logs out, the app quits or the court ends it —
 * PACER warns that logging in per request can suspend an account (docs/court-rules.md#pacer-login).
 */
export function createCourtSession(options: CourtSessionOptions) {
  const { accounts, clock } = options;
  let live: LiveSession | null = null;

  const status = (): SessionStatus => {
    if (!live) {
      return { state: 'logged-out' };
    }
    return {
      state: 'logged-in',
      accountId: live.account.id,
      loginId: live.account.loginId,
      courtProfile: live.account.courtProfile,
      kind: live.account.kind,
      mayFile: live.account.kind !== 'view-only',
      clientCode: live.clientCode,
      since: live.since.toISOString(),
      expiresAt: null,
    };
  };

  const end = async (): Promise<void> => {
    const ending = live;
    live = null;
    if (ending) {
      await requestLogout(options.fetch, ending.loginServiceUrl, ending.token);
      options.onChange(status());
    }
  };

  /** Logs in with what the request carries, the keychain holds, or the stored TOTP secret generates. */
  const authenticate = async (
    request: LoginRequest,
  ): Promise<{ outcome: LoginOutcome; session: LiveSession | null }> => {
    const account = accounts.find(request.accountId);
    const court = options.court();
    if (court.profileId !== account.courtProfile) {
      throw new AppError(
        'account.other-court',
        `This account belongs to another court profile (${account.courtProfile}). Switch the court in Settings to use it.`,
      );
    }
    if (court.state !== 'ready' || !court.loginServiceUrl) {
      throw new AppError('court.not-ready', court.message ?? 'The court is not ready yet. Try again in a moment.');
    }
    const isFiler = account.kind !== 'view-only';
    // Rule 5.2 obligations: redactFlag is sent only once the filer has said they understand them.
    if (isFiler && !request.acknowledgesRedaction) {
      return {
        outcome: {
          outcome: 'needs-redaction-acknowledgement',
          message: 'Confirm that you will redact personal identifiers from what you file before logging in.',
        },
        session: null,
      };
    }
    const password = request.password ?? (await accounts.savedPassword(account));
    if (password === null) {
      return {
        outcome: { outcome: 'needs-password', message: 'Enter the PACER password for this account.' },
        session: null,
      };
    }
    let otpCode = request.otpCode;
    if (otpCode === undefined && account.mfaMode === 'stored-secret') {
      const secret = await accounts.savedTotpSecret(account);
      if (secret !== null) {
        otpCode = generateTotp(secret, clock.now().getTime());
      }
    }
    if (otpCode === undefined && account.mfaMode !== 'none') {
      return {
        outcome: { outcome: 'needs-otp', message: 'Enter the 6-digit code from your authenticator app.' },
        session: null,
      };
    }
    const clientCode = request.clientCode?.trim() || account.defaultClientCode || undefined;
    const answer = await requestLogin(options.fetch, court.loginServiceUrl, {
      loginId: account.loginId,
      password,
      redactFlag: isFiler,
      ...(otpCode ? { otpCode } : {}),
      ...(clientCode ? { clientCode } : {}),
    });
    if (answer.kind !== 'logged-in') {
      return { outcome: explainLogin(answer), session: null };
    }
    const session: LiveSession = {
      account,
      token: answer.token,
      clientCode: clientCode ?? null,
      since: clock.now(),
      loginServiceUrl: court.loginServiceUrl,
    };
    return { outcome: { outcome: 'logged-in', session: { state: 'logged-out' }, warning: answer.warning }, session };
  };

  return {
    status,

    async login(request: LoginRequest): Promise<LoginOutcome> {
      const { outcome, session } = await authenticate(request);
      if (!session || outcome.outcome !== 'logged-in') {
        return outcome;
      }
      // One session at a time: the one it replaces is logged out at the court, not left to linger.
      await end();
      live = session;
      options.onChange(status());
      return { ...outcome, session: status() };
    },

    /** Logs in and straight out: proves an account works without replacing the current session. */
    async test(request: LoginRequest): Promise<LoginOutcome> {
      const { outcome, session } = await authenticate(request);
      if (!session || outcome.outcome !== 'logged-in') {
        return outcome;
      }
      await requestLogout(options.fetch, session.loginServiceUrl, session.token);
      return outcome;
    },

    logout: end,

    /**
     * Asks the court whether the session still stands: CM/ECF's login page shows a logout link to a logged-in user
     * (juriscraper's check_if_logged_in_page). It costs nothing; a session the court has ended is forgotten.
     */
    async verify(): Promise<SessionStatus> {
      const current = live;
      const ecfUrl = options.court().ecfUrl;
      if (!current || !ecfUrl) {
        return status();
      }
      let isValid: boolean;
      try {
        const response = await options.fetch(`${ecfUrl}/cgi-bin/login.pl`, {
          method: 'GET',
          headers: { cookie: `NextGenCSO=${current.token}` },
          signal: AbortSignal.timeout(30_000),
        });
        isValid = response.ok && (await response.text()).includes('login.pl?logout');
      } catch (error) {
        throw new AppError(
          'court.unreachable',
          `ECF Desk could not reach the court to check the session (${describeError(error).message}).`,
        );
      }
      if (!isValid && live === current) {
        this.markExpired();
      }
      return status();
    },

    /** The court no longer honours the token (a login page came back): forget it without calling logout. */
    markExpired(): void {
      if (!live) {
        return;
      }
      live = null;
      options.onChange(status());
    },

    /** Ends the session when its account is removed. */
    async forgetAccount(accountId: string): Promise<void> {
      if (live?.account.id === accountId) {
        await end();
      }
    },

    /** The token for a court request, for core's own connectors only; it never crosses to the renderer. */
    token(): string {
      if (!live) {
        throw new AppError('session.none', 'Log in to the court first.');
      }
      return live.token;
    },

    /** FAQ 12: a shared view-only account may not start a filing. */
    requireFilingSession(): { accountId: string; loginId: string } {
      if (!live) {
        throw new AppError('session.none', 'Log in to the court with your own filer account to file.');
      }
      if (live.account.kind === 'view-only') {
        throw new AppError(
          'account.view-only',
          `${live.account.loginId} is a shared account for viewing only: it may not file (FAQ 12). Log in with the attorney's own filer account.`,
        );
      }
      return { accountId: live.account.id, loginId: live.account.loginId };
    },
  };
}

/** The court session. */
export type CourtSession = ReturnType<typeof createCourtSession>;
