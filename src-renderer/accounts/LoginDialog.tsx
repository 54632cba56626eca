import { useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import type { Account, LoginOutcome, LoginRequest, SessionStatus } from '../../src-main/shared/accounts';
import type { Attempt } from '../state/attempt';
import { Dialog } from './Dialog';
import { findClientCodeProblem, kindLabels, maxClientCodeLength } from './describe-account';
import { LoginRefusal } from './LoginHelp';
import { RedactionAcknowledgement } from './RedactionAcknowledgement';
import { TextField } from './TextField';
import './LoginDialog.css';
import { useInBackground } from '../state/background';

/** Whether the dialog logs in for the session, or only tries the account and logs straight out. */
export type LoginPurpose = 'login' | 'test';

/** What the login dialog needs: the account, why it is opened, and what a login does. */
export interface LoginDialogProps {
  readonly account: Account;
  readonly purpose: LoginPurpose;
  /** Another account's session that this login would end (main keeps one court session at a time); null when none. */
  readonly replacedSession: Extract<SessionStatus, { state: 'logged-in' }> | null;
  readonly fallbackFocus: RefObject<HTMLElement | null>;
  readonly onSubmit: (request: LoginRequest) => Promise<Attempt<LoginOutcome>>;
  /** Called once a login (not a test) has worked; the session bar takes over from there. */
  readonly onLoggedIn: () => void;
  readonly onClose: () => void;
}

/** The field's problems, found when Log in is chosen. */
interface Problems {
  readonly password: string | null;
  readonly otp: string | null;
  readonly acknowledgement: string | null;
}

const noProblems: Problems = { password: null, otp: null, acknowledgement: null };

/** The field to focus once an answer has arrived, so the next thing to do is where the user already is. */
type FocusTarget = 'password' | 'otp' | 'acknowledgement';

/**
 * Logs in with an account (or tests it). Fields appear as the court asks for them: the password when none is
 * saved, the 6-digit code when the account asks for it or the court wants one. Filers acknowledge Rule 5.2 first.
 */
export function LoginDialog({
  account,
  purpose,
  replacedSession,
  fallbackFocus,
  onSubmit,
  onLoggedIn,
  onClose,
}: LoginDialogProps) {
  const isFiler = account.kind !== 'view-only';
  const [password, setPassword] = useState('');
  const [otp, setOtp] = useState('');
  const [clientCode, setClientCode] = useState(account.defaultClientCode ?? '');
  const [isAcknowledged, setAcknowledged] = useState(false);
  const [asksPassword, setAsksPassword] = useState(!account.passwordSaved);
  const [asksOtp, setAsksOtp] = useState(account.mfaMode === 'prompt');
  const [problems, setProblems] = useState<Problems>(noProblems);
  const [outcome, setOutcome] = useState<LoginOutcome | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const refs: Record<FocusTarget, RefObject<HTMLInputElement | null>> = {
    password: useRef<HTMLInputElement>(null),
    otp: useRef<HTMLInputElement>(null),
    acknowledgement: useRef<HTMLInputElement>(null),
  };
  const clientCodeRef = useRef<HTMLInputElement>(null);
  const answerRef = useRef<HTMLDivElement>(null);
  const pendingFocus = useRef<FocusTarget | null>(null);
  const inBackground = useInBackground();
  const switchNoticeId = useId();
  const clientCodeProblem = findClientCodeProblem(clientCode);
  const hasPassed = purpose === 'test' && outcome?.outcome === 'logged-in';

  // A field that has just appeared can only take focus once it is on screen.
  useEffect(() => {
    const target = pendingFocus.current;
    if (target === null) {
      return;
    }
    pendingFocus.current = null;
    refs[target].current?.focus();
  });

  // A refusal or a result sits under the fields; at a large zoom it would otherwise appear below the dialog's fold.
  // Its first line is what happened, so that comes into view, above the actions that stay at the dialog's foot.
  // (A request for a field needs no scrolling: the field takes focus, which brings it into view.)
  useEffect(() => {
    if (failure || outcome?.outcome === 'refused' || outcome?.outcome === 'logged-in') {
      answerRef.current?.scrollIntoView?.({ block: 'start' });
    }
  }, [outcome, failure]);

  const findProblems = (): Problems => ({
    password: asksPassword && password === '' ? 'Enter the PACER password.' : null,
    otp: asksOtp && !/^\d{6}$/.test(otp) ? 'Enter the 6-digit code from your authenticator app.' : null,
    acknowledgement: isFiler && !isAcknowledged ? 'Tick the box to confirm you will follow the redaction rules.' : null,
  });

  const acknowledge = (isTicked: boolean): void => {
    setAcknowledged(isTicked);
    if (isTicked) {
      setProblems({ ...problems, acknowledgement: null });
    }
  };

  const follow = (answer: LoginOutcome): void => {
    setOutcome(answer);
    // A code works once; a new try needs a new one.
    setOtp('');
    if (answer.outcome === 'needs-password') {
      setAsksPassword(true);
      pendingFocus.current = 'password';
    } else if (answer.outcome === 'needs-otp') {
      setAsksOtp(true);
      pendingFocus.current = 'otp';
    } else if (answer.outcome === 'needs-redaction-acknowledgement') {
      setAcknowledged(false);
      pendingFocus.current = 'acknowledgement';
    }
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (isBusy) {
      return;
    }
    const found = findProblems();
    setProblems(found);
    const firstProblem = (['acknowledgement', 'password', 'otp'] as const).find((field) => found[field] !== null);
    if (firstProblem || clientCodeProblem) {
      (firstProblem ? refs[firstProblem] : clientCodeRef).current?.focus();
      return;
    }
    const code = clientCode.trim();
    const request: LoginRequest = {
      accountId: account.id,
      acknowledgesRedaction: isFiler && isAcknowledged,
      ...(asksPassword && password !== '' ? { password } : {}),
      ...(asksOtp ? { otpCode: otp } : {}),
      ...(code !== '' ? { clientCode: code } : {}),
    };
    setBusy(true);
    setFailure(null);
    const attempt = await onSubmit(request);
    setBusy(false);
    if (!attempt.ok) {
      setOutcome(null);
      setFailure(attempt.message);
      return;
    }
    if (attempt.value.outcome === 'logged-in' && purpose === 'login') {
      onLoggedIn();
      return;
    }
    follow(attempt.value);
  };

  const title = purpose === 'login' ? `Log in as ${account.loginId}` : `Test ${account.loginId}`;
  const ended = purpose === 'login' ? replacedSession : null;
  const submitLabel = describeSubmit(purpose, ended);

  return (
    <Dialog
      title={title}
      testId="login-dialog"
      descriptionId={ended ? switchNoticeId : undefined}
      fallbackFocus={fallbackFocus}
      onClose={onClose}
    >
      <form className="login-dialog" noValidate onSubmit={(event) => inBackground('Logging in', submit(event))}>
        {ended && <SessionSwitchNotice id={switchNoticeId} ended={ended} account={account} />}
        {purpose === 'test' && !hasPassed && (
          <p className="login-dialog__intro">
            ECF Desk logs in to the court and straight out again, to show the account works.
          </p>
        )}
        {isFiler && !hasPassed && (
          <RedactionAcknowledgement
            ref={refs.acknowledgement}
            isAcknowledged={isAcknowledged}
            error={problems.acknowledgement}
            onChange={acknowledge}
          />
        )}
        {asksPassword && !hasPassed && (
          <TextField
            ref={refs.password}
            label="Password"
            type="password"
            autoComplete="current-password"
            value={password}
            error={problems.password}
            onChange={(event) => setPassword(event.target.value)}
          />
        )}
        {asksOtp && !hasPassed && (
          <TextField
            ref={refs.otp}
            label="6-digit code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            spellCheck={false}
            value={otp}
            hint="From your authenticator app. It changes every 30 seconds."
            error={problems.otp}
            onChange={(event) => setOtp(event.target.value.replace(/\D/g, ''))}
          />
        )}
        {!hasPassed && (
          <TextField
            ref={clientCodeRef}
            label="Client code (optional)"
            spellCheck={false}
            value={clientCode}
            counter={{ used: clientCode.trim().length, max: maxClientCodeLength }}
            error={clientCodeProblem}
            onChange={(event) => setClientCode(event.target.value)}
          />
        )}
        <div ref={answerRef} className="login-dialog__answer">
          <LoginAnswer outcome={outcome} failure={failure} loginId={account.loginId} />
        </div>
        <div className="dialog__actions">
          {!hasPassed && (
            <button type="submit" className="button button--primary" aria-disabled={isBusy}>
              {isBusy ? 'Logging in…' : submitLabel}
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            {hasPassed ? 'Close' : 'Cancel'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** The submit button's words: a login that ends another account's session says so on the button that confirms it. */
function describeSubmit(purpose: LoginPurpose, ended: LoginDialogProps['replacedSession']): string {
  if (purpose === 'test') {
    return 'Test login';
  }
  return ended ? `End ${ended.loginId}’s session and log in` : 'Log in';
}

/**
 * Said before a login that would end another account's session, so the switch is never silent. Main keeps one court
 * session at a time (the outbox files under it and the inbox's free looks use it, docs/architecture.md), so logging in
 * as the shared view-only account logs the attorney out: Cancel keeps the attorney's session as it is.
 */
function SessionSwitchNotice({
  id,
  ended,
  account,
}: {
  readonly id: string;
  readonly ended: NonNullable<LoginDialogProps['replacedSession']>;
  readonly account: Account;
}) {
  return (
    <div className="login-dialog__switch" id={id} data-testid="session-switch-notice">
      <p>
        <strong>
          You are logged in as {ended.loginId} ({kindLabels[ended.kind]}).
        </strong>{' '}
        ECF Desk keeps one court session at a time: logging in as {account.loginId} ends {ended.loginId}’s session.
      </p>
      {account.kind === 'view-only' && ended.mayFile && (
        <p>
          {account.loginId} can view but not file (FAQ 12). To file again, log in as {ended.loginId} afterwards.
        </p>
      )}
      <p>Choose Cancel to stay logged in as {ended.loginId}.</p>
    </div>
  );
}

/** What the court answered, shown under the fields: a request for more, a refusal with help, or a test that worked. */
function LoginAnswer({
  outcome,
  failure,
  loginId,
}: {
  readonly outcome: LoginOutcome | null;
  readonly failure: string | null;
  readonly loginId: string;
}) {
  if (failure) {
    return (
      <p className="login-dialog__message login-dialog__message--failed" data-testid="login-message" role="alert">
        {failure}
      </p>
    );
  }
  if (!outcome) {
    return null;
  }
  if (outcome.outcome === 'refused') {
    return <LoginRefusal message={outcome.message} courtMessage={outcome.courtMessage} help={outcome.help} />;
  }
  if (outcome.outcome === 'logged-in') {
    return (
      <div className="login-dialog__message login-dialog__message--passed" data-testid="login-message" role="status">
        <p>{loginId} works: ECF Desk logged in to the court and straight out again.</p>
        {outcome.warning && <p className="login-dialog__warning">{outcome.warning}</p>}
      </div>
    );
  }
  return (
    <p className="login-dialog__message" data-testid="login-message" role="alert">
      {outcome.message}
    </p>
  );
}
