import type { LoginOutcome } from '../../shared/accounts';
import type { CsoAuthAnswer } from './pacer-login';

type Refused = Extract<LoginOutcome, { outcome: 'refused' }>;

/** The court's words that mean "ask for the 6-digit code" (docs/court-rules.md#pacer-login). */
const otpNeeded = /one-time passcode is needed/i;
/** The court's words that mean "filers must send redactFlag". */
const redactionNeeded = /must redact/i;

/**
 * Turns a refused or failed login into what the screen can act on: the plain message, the court's own words, and
 * the help topic with the right contact (FAQ header: PACER Service Center for PACER, the Help Desk for CM/ECF).
 * A refusal the help topic answers says only what happened: the topic's advice, shown with it, says what to try and
 * whom to ask about a lost password (FAQ 15–17), so the dialog says it once.
 */
export function explainLogin(answer: Exclude<CsoAuthAnswer, { kind: 'logged-in' }>): LoginOutcome {
  if (answer.kind === 'throttled') {
    const wait = answer.retryAfterSeconds
      ? ` Wait ${answer.retryAfterSeconds} seconds and try again.`
      : ' Wait a minute and try again.';
    return refused(
      'throttled',
      `PACER is refusing logins for this account for a moment: there were too many in a short time.${wait}`,
      null,
      'login-not-working',
    );
  }
  if (answer.kind === 'unreachable') {
    return refused(
      'unreachable',
      `ECF Desk could not reach the court's login service (${answer.detail}). Check the network connection and try again.`,
      null,
      'court-unreachable',
    );
  }
  const words = answer.errorDescription;
  if (otpNeeded.test(words)) {
    return {
      outcome: 'needs-otp',
      message: 'This account uses multi-factor authentication: enter the 6-digit code from your authenticator app.',
    };
  }
  if (redactionNeeded.test(words)) {
    return refused(
      'redaction-required',
      'The court requires filers to confirm the redaction rules before logging in. Tick the acknowledgement and log in again.',
      words,
      'login-not-working',
    );
  }
  if (/locked/i.test(words)) {
    return refused(
      'locked',
      'PACER says this account is locked. Only the PACER Service Center can unlock it.',
      words,
      'locked',
    );
  }
  if (/client code/i.test(words)) {
    return refused(
      'client-code',
      'PACER did not accept the client code. A client code is at most 32 characters (FAQ 19); check it with your firm.',
      words,
      'login-not-working',
    );
  }
  if (/upgrade|not authorized to file|filing privileges/i.test(words)) {
    return refused(
      'not-upgraded',
      'This PACER account is not set up for filing with this court.',
      words,
      'account-not-upgraded',
    );
  }
  if (answer.loginResult === '13' || /invalid/i.test(words)) {
    return refused(
      'invalid-credentials',
      'PACER did not accept the username, password or 6-digit code.',
      words,
      'login-not-working',
    );
  }
  return refused('other', 'PACER refused the login.', words || null, 'login-not-working');
}

function refused(
  reason: Refused['reason'],
  message: string,
  courtMessage: string | null,
  help: Refused['help'],
): Refused {
  return { outcome: 'refused', reason, message, courtMessage, help };
}
