import { describe, expect, it } from 'vitest';
import { trainingLogins } from '../../../src-main/shared/training-court-guide';
import { defaultSeed } from '../../../src-main/training-court/seed';

describe('what the app tells a first-time user about the training court’s logins', () => {
  it('names every seeded login once, with the password, kind and authenticator key the court itself holds', () => {
    expect(trainingLogins.map((login) => login.loginId).sort()).toEqual(
      defaultSeed.accounts.map((account) => account.loginId).sort(),
    );
    for (const login of trainingLogins) {
      const seeded = defaultSeed.accounts.find((account) => account.loginId === login.loginId);
      expect(login, login.loginId).toMatchObject({
        password: seeded?.password,
        kind: seeded?.kind,
        authenticatorKey: seeded?.mfaSecret,
      });
    }
  });

  it('offers first two attorneys who can file, one with a 6-digit code, and the shared account that cannot', () => {
    const first = trainingLogins.filter((login) => login.isToTryFirst);
    const seededFirst = first.map((login) => defaultSeed.accounts.find((account) => account.loginId === login.loginId));
    expect(seededFirst.map((account) => [account?.kind, account?.isLocked, account?.mfaSecret !== null])).toEqual([
      ['filer', false, false],
      ['filer', false, true],
      ['view-only', false, false],
    ]);
    expect(first.map((login) => /Attorney/.test(login.role))).toEqual([true, true, false]);
    expect(first[2]?.role).toContain('cannot file (FAQ 12)');
  });
});
