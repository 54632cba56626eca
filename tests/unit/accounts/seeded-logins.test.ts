import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSeed } from '../../../src-main/training-court/seed';
import { startAccountsHarness, type AccountsHarness } from '../../support/accounts-harness';
import { createMemorySecretStore } from '../../support/memory-secret-store';
import { seededOtp, seededPassword } from '../../support/training-court';

let harness: AccountsHarness;
beforeEach(async () => {
  harness = await startAccountsHarness();
});
afterEach(async () => {
  await harness.stop();
});

async function addAccount(loginId: string, extra: Record<string, unknown> = {}) {
  const kind = defaultSeed.accounts.find((account) => account.loginId === loginId)?.kind ?? 'filer';
  return harness.handlers['accounts.save']({
    loginId,
    kind,
    defaultClientCode: null,
    mfaMode: 'none',
    password: seededPassword(loginId),
    ...extra,
  });
}

describe('logging in to the training court with each seeded account', () => {
  it('asks an MFA filer for the 6-digit code, then logs in with it and may file', async () => {
    const account = await addAccount('jmorgan', { mfaMode: 'prompt' });
    expect(
      await harness.handlers['session.login']({ accountId: account.id, acknowledgesRedaction: true }),
    ).toMatchObject({ outcome: 'needs-otp' });
    const outcome = await harness.handlers['session.login']({
      accountId: account.id,
      acknowledgesRedaction: true,
      otpCode: seededOtp('jmorgan'),
    });
    expect(outcome).toMatchObject({
      outcome: 'logged-in',
      warning: null,
      session: { state: 'logged-in', loginId: 'jmorgan', kind: 'filer', mayFile: true },
    });
    expect(await harness.handlers['session.status']({})).toMatchObject({ state: 'logged-in', accountId: account.id });
    expect(harness.events.filter((event) => event.name === 'session.changed').at(-1)?.payload).toMatchObject({
      state: 'logged-in',
    });
  });

  it('generates the code itself from a TOTP secret kept in the keychain', async () => {
    const secret = defaultSeed.accounts.find((account) => account.loginId === 'jmorgan')?.mfaSecret ?? '';
    const account = await addAccount('jmorgan', {
      mfaMode: 'stored-secret',
      totpSecret: secret.toLowerCase().replace(/(.{4})/g, '$1 '),
    });
    expect(account).toMatchObject({ passwordSaved: true, totpSecretSaved: true });
    expect(
      await harness.handlers['session.login']({ accountId: account.id, acknowledgesRedaction: true }),
    ).toMatchObject({ outcome: 'logged-in' });
  });

  it('does not send a filer’s login until the redaction rules are acknowledged', async () => {
    const account = await addAccount('twalsh');
    expect(
      await harness.handlers['session.login']({ accountId: account.id, acknowledgesRedaction: false }),
    ).toMatchObject({ outcome: 'needs-redaction-acknowledgement' });
    expect(await harness.handlers['session.status']({})).toEqual({ state: 'logged-out' });
  });

  it('logs a filer without MFA in and passes on the court’s warning when the firm’s client code is missing', async () => {
    const account = await addAccount('dchen');
    expect(
      await harness.handlers['session.login']({ accountId: account.id, acknowledgesRedaction: true }),
    ).toMatchObject({ outcome: 'logged-in', warning: 'Required client code not entered.' });
    const withCode = await addAccount('dchen', { id: account.id, defaultClientCode: 'PCIA-2026' });
    expect(
      await harness.handlers['session.login']({ accountId: withCode.id, acknowledgesRedaction: true }),
    ).toMatchObject({ outcome: 'logged-in', warning: null, session: { clientCode: 'PCIA-2026' } });
  });

  it('logs the confidential information filer in as one', async () => {
    const account = await addAccount('rpatel');
    expect(
      await harness.handlers['session.login']({ accountId: account.id, acknowledgesRedaction: true }),
    ).toMatchObject({ outcome: 'logged-in', session: { kind: 'confidential-filer', mayFile: true } });
  });

  it('lets the shared view-only account log in without the redaction flag, and never start a filing (FAQ 12)', async () => {
    const account = await addAccount('firmview');
    const outcome = await harness.handlers['session.login']({ accountId: account.id, acknowledgesRedaction: false });
    expect(outcome).toMatchObject({ outcome: 'logged-in', session: { kind: 'view-only', mayFile: false } });
  });

  it('tells a locked account it is locked, with the PACER Service Center as the contact', async () => {
    const account = await addAccount('lockedout');
    expect(
      await harness.handlers['session.login']({ accountId: account.id, acknowledgesRedaction: true }),
    ).toMatchObject({
      outcome: 'refused',
      reason: 'locked',
      help: 'locked',
      courtMessage: expect.stringContaining('locked'),
    });
  });

  it('says a wrong password is wrong, in plain words with the court’s own beside them', async () => {
    const account = await addAccount('twalsh', { password: 'not-the-password' });
    expect(
      await harness.handlers['session.login']({ accountId: account.id, acknowledgesRedaction: true }),
    ).toMatchObject({
      outcome: 'refused',
      reason: 'invalid-credentials',
      help: 'login-not-working',
      courtMessage: 'Invalid username, password, or one-time passcode.',
    });
  });

  it('proves an account with Test without keeping a session', async () => {
    const account = await addAccount('twalsh');
    expect(
      await harness.handlers['accounts.test']({ accountId: account.id, acknowledgesRedaction: true }),
    ).toMatchObject({ outcome: 'logged-in' });
    expect(await harness.handlers['session.status']({})).toEqual({ state: 'logged-out' });
  });

  it('keeps one session, checks it with the court, and ends it at the court on logout', async () => {
    const account = await addAccount('twalsh');
    await harness.handlers['session.login']({ accountId: account.id, acknowledgesRedaction: true });
    expect(await harness.handlers['session.verify']({})).toMatchObject({ state: 'logged-in' });
    expect(await harness.handlers['session.logout']({})).toEqual({ state: 'logged-out' });
    expect(await harness.handlers['session.verify']({})).toEqual({ state: 'logged-out' });
  });
});

describe('when passwords cannot be stored', () => {
  it('asks for the password at each login when the keychain is missing, and says why once', async () => {
    await harness.stop();
    harness = await startAccountsHarness({ store: createMemorySecretStore({ isAvailable: false }) });
    const account = await addAccount('twalsh');
    expect(account.passwordSaved).toBe(false);
    const { keychain } = await harness.handlers['accounts.list']({});
    expect(keychain).toMatchObject({
      isAvailable: false,
      isStorageAllowed: true,
      message: expect.stringContaining('never saves passwords to a file'),
    });
    expect(
      await harness.handlers['session.login']({ accountId: account.id, acknowledgesRedaction: true }),
    ).toMatchObject({ outcome: 'needs-password' });
    expect(
      await harness.handlers['session.login']({
        accountId: account.id,
        acknowledgesRedaction: true,
        password: seededPassword('twalsh'),
      }),
    ).toMatchObject({ outcome: 'logged-in' });
  });

  it('stores nothing when allowCredentialStorage is off, even with a working keychain', async () => {
    await harness.stop();
    const store = createMemorySecretStore();
    harness = await startAccountsHarness({ store, settings: { allowCredentialStorage: false } });
    const account = await addAccount('twalsh');
    expect(account.passwordSaved).toBe(false);
    expect(store.items.size).toBe(0);
    expect((await harness.handlers['accounts.list']({})).keychain).toMatchObject({
      isAvailable: true,
      isStorageAllowed: false,
      message: expect.stringContaining('turned off'),
    });
    expect(
      await harness.handlers['session.login']({ accountId: account.id, acknowledgesRedaction: true }),
    ).toMatchObject({ outcome: 'needs-password' });
  });

  it('refuses "generate the code" where secrets cannot be kept', async () => {
    await harness.stop();
    harness = await startAccountsHarness({ settings: { allowCredentialStorage: false } });
    await expect(
      addAccount('jmorgan', { mfaMode: 'stored-secret', totpSecret: 'JBSWY3DPEHPK3PXP' }),
    ).rejects.toMatchObject({ code: 'account.invalid' });
  });
});

describe('accounts', () => {
  it('removes an account and both of its keychain items, and ends its session', async () => {
    const store = createMemorySecretStore();
    await harness.stop();
    harness = await startAccountsHarness({ store });
    const secret = defaultSeed.accounts.find((account) => account.loginId === 'jmorgan')?.mfaSecret ?? '';
    const account = await addAccount('jmorgan', { mfaMode: 'stored-secret', totpSecret: secret });
    expect(store.items.size).toBe(2);
    await harness.handlers['session.login']({ accountId: account.id, acknowledgesRedaction: true });
    await harness.handlers['accounts.remove']({ id: account.id });
    expect(store.items.size).toBe(0);
    expect(await harness.handlers['session.status']({})).toEqual({ state: 'logged-out' });
    expect((await harness.handlers['accounts.list']({})).accounts).toEqual([]);
  });

  it('refuses a second account with the same login, and an authenticator secret that is not base32', async () => {
    await addAccount('twalsh');
    await expect(addAccount('twalsh')).rejects.toMatchObject({ code: 'account.duplicate' });
    await expect(addAccount('jmorgan', { mfaMode: 'stored-secret', totpSecret: 'AAAA1' })).rejects.toMatchObject({
      code: 'account.invalid',
    });
  });

  it('keeps the secrets when a login id is corrected', async () => {
    const store = createMemorySecretStore();
    await harness.stop();
    harness = await startAccountsHarness({ store });
    const account = await addAccount('twalsh', { loginId: 'twalshh' });
    const renamed = await harness.handlers['accounts.save']({
      id: account.id,
      loginId: 'twalsh',
      kind: 'filer',
      defaultClientCode: null,
      mfaMode: 'none',
    });
    expect(renamed.passwordSaved).toBe(true);
    expect([...store.items.keys()].some((name) => name.includes('twalshh'))).toBe(false);
    expect(
      await harness.handlers['session.login']({ accountId: renamed.id, acknowledgesRedaction: true }),
    ).toMatchObject({ outcome: 'logged-in' });
  });
});
