import { describe, expect, it } from 'vitest';
import { explainLogin } from '../../../src-main/core/court/explain-login';
import { loginHelp } from '../../../src-main/shared/court-help';

describe('a refused login says whom to ask about a lost password', () => {
  it('a wrong password points to the help that sends a lost CM/ECF password to the Help Desk (FAQ 16) and a PACER one to PACER (FAQ 17)', () => {
    const outcome = explainLogin({
      kind: 'refused',
      loginResult: '13',
      errorDescription: 'Invalid username, password, or one-time passcode.',
    });
    expect(outcome).toMatchObject({ outcome: 'refused', reason: 'invalid-credentials', help: 'login-not-working' });
    const { advice, contact } = loginHelp['login-not-working'];
    expect(advice).toContain('A lost PACER login or password goes to the PACER Service Center (FAQ 15, 17)');
    expect(advice).toContain('a lost CM/ECF password goes to the court’s CM/ECF Help Desk');
    expect(contact.name).toBe('PACER Service Center');
  });

  it('a refusal in words the app does not know points to the same help', () => {
    const outcome = explainLogin({ kind: 'refused', loginResult: '99', errorDescription: 'Something else.' });
    expect(outcome).toMatchObject({ outcome: 'refused', reason: 'other', help: 'login-not-working' });
  });

  it('a wrong password is said once: the message says what happened, the help shown with it what to do', () => {
    const outcome = explainLogin({
      kind: 'refused',
      loginResult: '13',
      errorDescription: 'Invalid username, password, or one-time passcode.',
    });
    const message = outcome.outcome === 'refused' ? outcome.message : '';
    expect(message).toBe('PACER did not accept the username, password or 6-digit code.');
    // The advice the dialog shows under the message carries the warning about locking and where a lost password goes.
    const { advice } = loginHelp['login-not-working'];
    for (const sentence of ['may lock', 'lost', 'FAQ 16']) {
      expect(advice).toContain(sentence);
      expect(message).not.toContain(sentence);
    }
  });

  it('a locked account is not told about lost passwords: only PACER unlocks it', () => {
    const outcome = explainLogin({ kind: 'refused', loginResult: '2', errorDescription: 'Your account is locked.' });
    expect(outcome).toMatchObject({ reason: 'locked', help: 'locked' });
    expect(outcome.outcome === 'refused' ? outcome.message : '').not.toContain('FAQ 16');
  });
});
