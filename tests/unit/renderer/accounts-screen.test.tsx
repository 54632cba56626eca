// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Account, AccountInput } from '../../../src-main/shared/accounts';
import { createFakeBridge, loggedInSession, pacerAccount, savingKeychain, type FakeBridge } from './fake-bridge';
import { renderApp } from './render-app';

afterEach(cleanup);

const password = 'Correct-Horse-7';

/** Renders the window and chooses Accounts on the rail, as a user would. */
async function openAccounts(bridge: FakeBridge): Promise<HTMLElement> {
  renderApp(bridge);
  fireEvent.click(screen.getByRole('button', { name: 'Accounts' }));
  const accountsScreen = await screen.findByTestId('accounts-screen');
  await waitFor(() => expect(screen.getByTestId('session-bar').dataset.state).not.toBe('unknown'));
  return accountsScreen;
}

/** A bridge whose list holds these accounts. */
function bridgeWith(accounts: readonly Account[], keychain = savingKeychain()): FakeBridge {
  const bridge = createFakeBridge();
  bridge.answer('accounts.list', () => ({ accounts: [...accounts], keychain }));
  return bridge;
}

/** Clicks a button as a pointer does in Chromium, which focuses it first (fireEvent.click alone does not). */
function press(button: HTMLElement): void {
  button.focus();
  fireEvent.click(button);
}

function type(field: HTMLElement, value: string): void {
  fireEvent.change(field, { target: { value } });
}

function rowFor(loginId: string): HTMLElement {
  const row = screen.getAllByTestId('account-row').find((each) => each.dataset.loginId === loginId);
  if (!row) {
    throw new Error(`no row for ${loginId}`);
  }
  return row;
}

function callsTo(bridge: FakeBridge, channel: string): unknown[] {
  return bridge.calls.filter((call) => call.channel === channel).map((call) => call.args);
}

describe('the Accounts screen', () => {
  it('is reached from the rail after Documents, which stays the screen shown first', async () => {
    renderApp(createFakeBridge());

    const entries = within(screen.getByRole('navigation', { name: 'Screens' })).getAllByRole('button');
    expect(entries.map((entry) => entry.textContent)).toEqual([
      'Documents',
      'Filings',
      'Inbox',
      'Accounts',
      'Settings',
      'Help',
    ]);
    expect(entries[0]?.getAttribute('aria-current')).toBe('page');
    expect(await screen.findByTestId('empty-state')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Accounts' }));
    expect(await screen.findByTestId('accounts-screen')).toBeTruthy();
    expect(entries[3]?.getAttribute('aria-current')).toBe('page');
    expect(entries[0]?.hasAttribute('aria-current')).toBe(false);
    expect(screen.queryByTestId('empty-state')).toBeNull();
  });

  it('with no accounts, says so, offers Add account once, and says where passwords are kept', async () => {
    const accountsScreen = await openAccounts(createFakeBridge());

    const empty = await screen.findByTestId('accounts-empty');
    expect(empty.textContent).toContain('No PACER accounts yet');
    expect(within(accountsScreen).getAllByRole('button', { name: 'Add account' })).toHaveLength(1);
    expect(screen.getByTestId('keychain-status').textContent).toBe('Passwords are saved in Secret Service.');
    expect(screen.getByTestId('session-bar').textContent).toContain('Not logged in');
    expect(screen.queryByTestId('account-row')).toBeNull();
  });

  it('when nothing may be stored, says once that the password is asked at each login and offers no password field', async () => {
    const keychain = savingKeychain({
      isStorageAllowed: false,
      message: 'Your organization does not allow saved passwords. ECF Desk will ask for your password at each login.',
    });
    await openAccounts(bridgeWith([pacerAccount({ id: 'a1', loginId: 'jmorgan', passwordSaved: false })], keychain));

    await screen.findByTestId('account-row');
    expect(screen.getByTestId('keychain-status').textContent).toBe(keychain.message);
    expect(screen.getByTestId('accounts-screen').textContent).not.toContain('Passwords are saved in');
    expect(rowFor('jmorgan').textContent).toContain('Password asked at login');

    fireEvent.click(screen.getByRole('button', { name: 'Add account' }));
    const form = screen.getByTestId('account-form');
    expect(within(form).queryByLabelText('Password')).toBeNull();
    expect(within(form).getByRole('radio', { name: /Generate the code from a secret/ })).toHaveProperty(
      'disabled',
      true,
    );
  });

  it('adding an account sends the typed fields to accounts.save, and the password in that call only', async () => {
    const bridge = createFakeBridge();
    bridge.answer('accounts.save', (input) =>
      pacerAccount({
        id: 'a1',
        loginId: input.loginId,
        kind: input.kind,
        defaultClientCode: input.defaultClientCode ?? null,
        mfaMode: input.mfaMode,
      }),
    );
    await openAccounts(bridge);

    press(await screen.findByRole('button', { name: 'Add account' }));
    const form = screen.getByTestId('account-form');
    expect(form.getAttribute('role')).toBe('dialog');
    expect(document.activeElement).toBe(within(form).getByLabelText('Login ID (PACER username)'));
    type(within(form).getByLabelText('Login ID (PACER username)'), ' jmorgan ');
    const passwordField = within(form).getByLabelText('Password');
    expect(passwordField.getAttribute('type')).toBe('password');
    expect(passwordField.getAttribute('autocomplete')).toBe('new-password');
    type(passwordField, password);
    fireEvent.click(within(form).getByRole('radio', { name: 'Confidential information filer' }));
    type(within(form).getByLabelText("Attorney's name on the signature"), ' Jane Morgan ');
    type(within(form).getByLabelText('Default client code (optional)'), 'SMITH-001');
    expect(within(form).getByText('9/32')).toBeTruthy();
    fireEvent.click(within(form).getByRole('radio', { name: 'Ask me for the 6-digit code' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.queryByTestId('account-form')).toBeNull());
    const saved: AccountInput = {
      loginId: 'jmorgan',
      name: 'Jane Morgan',
      role: '',
      kind: 'confidential-filer',
      defaultClientCode: 'SMITH-001',
      mfaMode: 'prompt',
      password,
    };
    expect(callsTo(bridge, 'accounts.save')).toEqual([saved]);
    const otherCalls = bridge.calls.filter((call) => call.channel !== 'accounts.save');
    expect(JSON.stringify(otherCalls.map((call) => call.args))).not.toContain(password);
    expect(rowFor('jmorgan').textContent).toContain('Confidential information filer');
    expect(document.body.textContent).not.toContain(password);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add account' }));
  });

  it('a client code over 32 characters shows the count and the error as it is typed, and Save does not send it (FAQ 19)', async () => {
    const bridge = createFakeBridge();
    await openAccounts(bridge);
    fireEvent.click(await screen.findByRole('button', { name: 'Add account' }));
    const form = screen.getByTestId('account-form');
    type(within(form).getByLabelText('Login ID (PACER username)'), 'jmorgan');
    const clientCode = within(form).getByLabelText('Default client code (optional)');

    type(clientCode, 'A'.repeat(33));

    expect(within(form).getByText('33/32')).toBeTruthy();
    expect(within(form).getByRole('alert').textContent).toBe('A client code is at most 32 characters (FAQ 19).');
    expect(clientCode.getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(callsTo(bridge, 'accounts.save')).toEqual([]);
    expect(document.activeElement).toBe(clientCode);
  });

  it('lists each account with its kind, code mode and where its password is, and never a password', async () => {
    await openAccounts(
      bridgeWith([
        pacerAccount({ id: 'a1', loginId: 'jmorgan', defaultClientCode: 'SMITH-001', mfaMode: 'prompt' }),
        pacerAccount({
          id: 'a2',
          loginId: 'firmshared',
          kind: 'view-only',
          passwordSaved: false,
          mfaMode: 'stored-secret',
          totpSecretSaved: true,
        }),
      ]),
    );

    await screen.findAllByTestId('account-row');
    const filer = rowFor('jmorgan').textContent ?? '';
    expect(filer).toContain('Filer');
    expect(filer).toContain('6-digit code asked at login');
    expect(filer).toContain('Client code SMITH-001');
    expect(filer).toContain('Password saved in Secret Service');
    const shared = rowFor('firmshared').textContent ?? '';
    expect(shared).toContain('Shared firm account, view only');
    expect(shared).toContain('6-digit code made from a secret in Secret Service');
    expect(shared).toContain('Password asked at login');
    expect(document.querySelectorAll('input')).toHaveLength(0);

    press(within(rowFor('jmorgan')).getByRole('button', { name: 'Edit jmorgan' }));
    const form = screen.getByTestId('account-form');
    expect(within(form).getByLabelText<HTMLInputElement>('Password').value).toBe('');
    expect(within(form).getByText('Leave it blank to keep the saved password.')).toBeTruthy();
  });

  it('editing with the password left blank keeps the saved one: no password is sent', async () => {
    const account = pacerAccount({ id: 'a1', loginId: 'jmorgan' });
    const bridge = bridgeWith([account]);
    bridge.answer('accounts.save', (input) => ({ ...account, defaultClientCode: input.defaultClientCode ?? null }));
    await openAccounts(bridge);

    press(await screen.findByRole('button', { name: 'Edit jmorgan' }));
    type(screen.getByLabelText('Default client code (optional)'), 'NEW-CODE');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.queryByTestId('account-form')).toBeNull());
    expect(callsTo(bridge, 'accounts.save')).toEqual([
      {
        id: 'a1',
        loginId: 'jmorgan',
        name: '',
        role: '',
        kind: 'filer',
        defaultClientCode: 'NEW-CODE',
        mfaMode: 'none',
      },
    ]);
    expect(rowFor('jmorgan').textContent).toContain('Client code NEW-CODE');
  });

  it('Escape closes the form without saving and gives focus back to the button that opened it', async () => {
    const bridge = createFakeBridge();
    await openAccounts(bridge);
    const add = await screen.findByRole('button', { name: 'Add account' });
    press(add);

    fireEvent.keyDown(screen.getByLabelText('Login ID (PACER username)'), { key: 'Escape' });

    expect(screen.queryByTestId('account-form')).toBeNull();
    expect(document.activeElement).toBe(add);
    expect(callsTo(bridge, 'accounts.save')).toEqual([]);
  });

  it('Tab and Shift+Tab stay inside an open dialog, so the keyboard never reaches the screen behind it', async () => {
    await openAccounts(createFakeBridge());
    press(await screen.findByRole('button', { name: 'Add account' }));
    const form = screen.getByTestId('account-form');
    const loginId = within(form).getByLabelText('Login ID (PACER username)');
    const cancel = within(form).getByRole('button', { name: 'Cancel' });

    fireEvent.keyDown(loginId, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(cancel);
    fireEvent.keyDown(cancel, { key: 'Tab' });
    expect(document.activeElement).toBe(loginId);
  });

  it('a filer logs in after acknowledging Rule 5.2, gives the 6-digit code the court asks for, and sees the session', async () => {
    const account = pacerAccount({ id: 'a1', loginId: 'jmorgan', defaultClientCode: 'SMITH-001' });
    const bridge = bridgeWith([account]);
    bridge.answer('session.login', (request) =>
      request.otpCode === undefined
        ? { outcome: 'needs-otp', message: 'Enter the 6-digit code from your authenticator app.' }
        : { outcome: 'logged-in', session: loggedInSession(account), warning: null },
    );
    await openAccounts(bridge);

    press(await screen.findByRole('button', { name: 'Log in as jmorgan' }));
    const dialog = screen.getByTestId('login-dialog');
    const rules = within(dialog).getByTestId('redaction-acknowledgement').textContent ?? '';
    expect(rules).toContain('Social Security and taxpayer numbers: only the last four digits.');
    expect(rules).toContain('Birth dates: only the year.');
    expect(rules).toContain('Names of minors: only the initials.');
    expect(rules).toContain('Financial account numbers: only the last four digits.');
    expect(rules).toContain('your signature on every filing (FAQ 35)');
    expect(within(dialog).queryByLabelText('Password')).toBeNull();
    expect(within(dialog).queryByLabelText('6-digit code')).toBeNull();
    expect(within(dialog).getByLabelText<HTMLInputElement>('Client code (optional)').value).toBe('SMITH-001');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Log in' }));
    expect(within(dialog).getByText('Tick the box to confirm you will follow the redaction rules.')).toBeTruthy();
    expect(callsTo(bridge, 'session.login')).toEqual([]);

    fireEvent.click(
      within(dialog).getByRole('checkbox', { name: 'I have read the redaction rules and will follow them' }),
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Log in' }));
    const code = await within(dialog).findByLabelText('6-digit code');
    expect(code.getAttribute('inputmode')).toBe('numeric');
    expect(code.getAttribute('autocomplete')).toBe('one-time-code');
    await waitFor(() => expect(document.activeElement).toBe(code));
    expect(within(dialog).getByTestId('login-message').textContent).toBe(
      'Enter the 6-digit code from your authenticator app.',
    );

    type(code, '123456');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Log in' }));

    await waitFor(() => expect(screen.queryByTestId('login-dialog')).toBeNull());
    expect(callsTo(bridge, 'session.login')).toEqual([
      { accountId: 'a1', acknowledgesRedaction: true, clientCode: 'SMITH-001' },
      { accountId: 'a1', acknowledgesRedaction: true, clientCode: 'SMITH-001', otpCode: '123456' },
    ]);
    const bar = screen.getByTestId('session-bar');
    expect(bar.textContent).toContain('Logged in as jmorgan (Filer)');
    expect(bar.textContent).toContain('client code SMITH-001');
    expect(bar.textContent).toContain('since');
    expect(within(rowFor('jmorgan')).getByText('Logged in')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(within(bar).getByRole('button', { name: 'Log out' })));
  });

  it('asks for the password when none is saved or the court says it is needed, and for the code at once when the account asks for it', async () => {
    const account = pacerAccount({ id: 'a1', loginId: 'jmorgan', passwordSaved: false, mfaMode: 'prompt' });
    const bridge = bridgeWith([account]);
    bridge.answer('session.login', () => ({
      outcome: 'logged-in',
      session: loggedInSession(account),
      warning: 'Required client code not entered.',
    }));
    await openAccounts(bridge);

    press(await screen.findByRole('button', { name: 'Log in as jmorgan' }));
    const dialog = screen.getByTestId('login-dialog');
    fireEvent.click(within(dialog).getByRole('checkbox'));
    type(within(dialog).getByLabelText('Password'), password);
    type(within(dialog).getByLabelText('6-digit code'), '654321');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Log in' }));

    await waitFor(() => expect(screen.queryByTestId('login-dialog')).toBeNull());
    expect(callsTo(bridge, 'session.login')).toEqual([
      { accountId: 'a1', acknowledgesRedaction: true, password, otpCode: '654321' },
    ]);
    expect(screen.getByTestId('session-warning').textContent).toBe('Required client code not entered.');
    expect(document.body.textContent).not.toContain(password);
  });

  it("a locked account's refusal shows the plain message, the court's words more quietly, and the PACER Service Center with its hours", async () => {
    const bridge = bridgeWith([pacerAccount({ id: 'a1', loginId: 'jmorgan' })]);
    bridge.answer('session.login', () => ({
      outcome: 'refused',
      reason: 'locked',
      message: 'PACER has locked this account.',
      courtMessage: 'Your account has been locked. Contact the PACER Service Center.',
      help: 'locked',
    }));
    await openAccounts(bridge);

    press(await screen.findByRole('button', { name: 'Log in as jmorgan' }));
    fireEvent.click(screen.getByRole('checkbox'));
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));

    const refusal = await screen.findByTestId('login-refusal');
    expect(refusal.textContent).toContain('PACER has locked this account.');
    expect(
      within(refusal).getByText('The court said: “Your account has been locked. Contact the PACER Service Center.”')
        .className,
    ).toBe('login-refusal__court');
    const help = within(refusal).getByTestId('login-help');
    expect(help.textContent).toContain('The account is locked');
    expect(help.textContent).toContain('Only the PACER Service Center can unlock it.');
    expect(help.textContent).toContain('PACER Service Center');
    expect(help.textContent).toContain('1-800-676-6856');
    expect(help.textContent).toContain('pacer@psc.uscourts.gov');
    expect(help.textContent).toContain('8:00 a.m. to 6:00 p.m. Central Time');
    expect(screen.getByTestId('session-bar').dataset.state).toBe('logged-out');
  });

  it('a shared view-only session says it can view but not file, and its login asks for no redaction acknowledgement', async () => {
    const shared = pacerAccount({ id: 'a2', loginId: 'firmshared', kind: 'view-only' });
    const bridge = bridgeWith([shared]);
    bridge.answer('session.login', (request) => ({
      outcome: 'logged-in',
      session: loggedInSession(shared, { clientCode: request.clientCode ?? null }),
      warning: null,
    }));
    await openAccounts(bridge);

    press(await screen.findByRole('button', { name: 'Log in as firmshared' }));
    expect(screen.queryByTestId('redaction-acknowledgement')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));

    await waitFor(() => expect(screen.getByTestId('session-bar').dataset.state).toBe('logged-in'));
    expect(callsTo(bridge, 'session.login')).toEqual([{ accountId: 'a2', acknowledgesRedaction: false }]);
    expect(screen.getByTestId('session-bar').textContent).toContain(
      'Logged in as firmshared (Shared firm account, view only) · no client code',
    );
    expect(screen.getByTestId('session-cannot-file').textContent).toBe(
      'This shared account can view but not file (FAQ 12).',
    );
  });

  it('logging in as the shared view-only account while an attorney is logged in says whose session ends, and Cancel keeps it', async () => {
    const attorney = pacerAccount({ id: 'a1', loginId: 'jmorgan' });
    const shared = pacerAccount({ id: 'a2', loginId: 'firmview', kind: 'view-only' });
    const bridge = bridgeWith([attorney, shared]);
    bridge.answer('session.status', () => loggedInSession(attorney));
    bridge.answer('session.login', () => ({ outcome: 'logged-in', session: loggedInSession(shared), warning: null }));
    await openAccounts(bridge);
    await waitFor(() => expect(screen.getByTestId('session-bar').textContent).toContain('Logged in as jmorgan'));

    press(await screen.findByRole('button', { name: 'Log in as firmview' }));
    const dialog = screen.getByTestId('login-dialog');
    const notice = within(dialog).getByTestId('session-switch-notice');
    expect(notice.textContent).toContain('You are logged in as jmorgan (Filer).');
    expect(notice.textContent).toContain('logging in as firmview ends jmorgan’s session');
    expect(notice.textContent).toContain('firmview can view but not file (FAQ 12)');
    // A screen reader hears the warning with the dialog's title, before anything is chosen.
    expect(dialog.getAttribute('aria-describedby')).toBe(notice.id);
    expect(within(dialog).queryByRole('button', { name: 'Log in' })).toBeNull();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByTestId('login-dialog')).toBeNull();
    expect(callsTo(bridge, 'session.login')).toEqual([]);
    expect(screen.getByTestId('session-bar').textContent).toContain('Logged in as jmorgan');

    press(screen.getByRole('button', { name: 'Log in as firmview' }));
    fireEvent.click(screen.getByRole('button', { name: 'End jmorgan’s session and log in' }));
    await waitFor(() => expect(screen.getByTestId('session-bar').textContent).toContain('Logged in as firmview'));
    expect(callsTo(bridge, 'session.login')).toEqual([{ accountId: 'a2', acknowledgesRedaction: false }]);
  });

  it('a login with no other session open asks nothing more than the login', async () => {
    const shared = pacerAccount({ id: 'a2', loginId: 'firmview', kind: 'view-only' });
    await openAccounts(bridgeWith([shared]));

    press(await screen.findByRole('button', { name: 'Log in as firmview' }));
    expect(screen.queryByTestId('session-switch-notice')).toBeNull();
    expect(within(screen.getByTestId('login-dialog')).getByRole('button', { name: 'Log in' })).toBeTruthy();
  });

  it("follows main's session events", async () => {
    const account = pacerAccount({ id: 'a1', loginId: 'jmorgan' });
    const bridge = bridgeWith([account]);
    await openAccounts(bridge);

    act(() => bridge.emit('session.changed', loggedInSession(account, { clientCode: 'SMITH-001' })));
    expect(screen.getByTestId('session-bar').textContent).toContain(
      'Logged in as jmorgan (Filer) · client code SMITH-001',
    );

    act(() => bridge.emit('session.changed', { state: 'logged-out' }));
    expect(screen.getByTestId('session-bar').dataset.state).toBe('logged-out');
  });

  it('Test logs in and straight out through accounts.test and says the account works, leaving the session as it was', async () => {
    const account = pacerAccount({ id: 'a1', loginId: 'jmorgan' });
    const bridge = bridgeWith([account]);
    bridge.answer('accounts.test', () => ({ outcome: 'logged-in', session: loggedInSession(account), warning: null }));
    await openAccounts(bridge);

    press(await screen.findByRole('button', { name: 'Test jmorgan' }));
    const dialog = screen.getByTestId('login-dialog');
    fireEvent.click(within(dialog).getByRole('checkbox'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Test login' }));

    expect((await within(dialog).findByTestId('login-message')).textContent).toContain('jmorgan works');
    expect(callsTo(bridge, 'accounts.test')).toEqual([{ accountId: 'a1', acknowledgesRedaction: true }]);
    expect(callsTo(bridge, 'session.login')).toEqual([]);
    expect(screen.getByTestId('session-bar').dataset.state).toBe('logged-out');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByTestId('login-dialog')).toBeNull();
  });

  it('Remove asks first, says the keychain items go too, and removes only once confirmed', async () => {
    const bridge = bridgeWith([pacerAccount({ id: 'a1', loginId: 'jmorgan' })]);
    bridge.answer('accounts.remove', () => null);
    await openAccounts(bridge);

    press(await screen.findByRole('button', { name: 'Remove jmorgan' }));
    const question = screen.getByTestId('remove-account-dialog');
    expect(question.getAttribute('role')).toBe('alertdialog');
    expect(question.textContent).toContain('Remove jmorgan?');
    expect(question.textContent).toContain('removes its saved password from Secret Service too');
    expect(document.activeElement).toBe(within(question).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(question).getByRole('button', { name: 'Cancel' }));
    expect(callsTo(bridge, 'accounts.remove')).toEqual([]);
    expect(screen.getByTestId('account-row')).toBeTruthy();

    press(screen.getByRole('button', { name: 'Remove jmorgan' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove account' }));

    await waitFor(() => expect(screen.queryByTestId('account-row')).toBeNull());
    expect(callsTo(bridge, 'accounts.remove')).toEqual([{ id: 'a1' }]);
    // The list shows the removal before the dialog hears its call ended and closes.
    await waitFor(() => expect(screen.queryByTestId('remove-account-dialog')).toBeNull());
    expect(await screen.findByText('No PACER accounts yet')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Add account' }));
  });

  it('Log out ends the session and the bar says so', async () => {
    const account = pacerAccount({ id: 'a1', loginId: 'jmorgan' });
    const bridge = bridgeWith([account]);
    bridge.answer('session.status', () => loggedInSession(account));
    bridge.answer('session.logout', () => ({ state: 'logged-out' }));
    await openAccounts(bridge);
    expect(screen.getByTestId('session-bar').textContent).toContain('Logged in as jmorgan');

    fireEvent.click(screen.getByRole('button', { name: 'Log out' }));

    await waitFor(() => expect(screen.getByTestId('session-bar').dataset.state).toBe('logged-out'));
    expect(bridge.channels()).toContain('session.logout');
    expect(screen.getByTestId('session-bar').textContent).toContain('Not logged in');
  });
});
