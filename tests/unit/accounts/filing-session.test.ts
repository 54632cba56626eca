import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountsService } from '../../../src-main/core/court/accounts-service';
import { createCourtSession, type CourtSession } from '../../../src-main/core/court/court-session';
import { migrate } from '../../../src-main/core/storage/migrations';
import { createAccountsTable } from '../../../src-main/core/storage/accounts-table';
import { createCredentialVault } from '../../../src-main/core/vault/credential-vault';
import type { SessionStatus } from '../../../src-main/shared/accounts';
import { createMemorySecretStore } from '../../support/memory-secret-store';
import { CourtClient, pageKind, seededPassword, startTestCourt } from '../../support/training-court';

let court: Awaited<ReturnType<typeof startTestCourt>>;
let session: CourtSession;
let accounts: ReturnType<typeof createAccountsService>;
const changes: SessionStatus[] = [];

beforeAll(async () => {
  court = await startTestCourt();
  const db = new Database(':memory:');
  migrate(db);
  const store = createMemorySecretStore();
  accounts = createAccountsService({
    table: createAccountsTable(db),
    store,
    vault: createCredentialVault(store),
    clock: { now: () => new Date() },
    isStorageAllowed: () => true,
    currentProfile: () => 'cit-training',
    log: () => undefined,
  });
  session = createCourtSession({
    accounts,
    court: () => ({
      profileId: 'cit-training',
      name: 'CIT — training (local)',
      kind: 'training',
      isExperimental: false,
      state: 'ready',
      ecfUrl: court.url,
      loginServiceUrl: `${court.url}/services/cso-auth`,
      message: null,
    }),
    fetch: (url, init) => fetch(url, init),
    clock: { now: () => new Date() },
    onChange: (status) => changes.push(status),
  });
});
afterAll(async () => {
  await session.logout();
  await court.stop();
});

async function logIn(loginId: string, kind: 'filer' | 'view-only'): Promise<void> {
  const account = await accounts.save({
    loginId,
    kind,
    defaultClientCode: null,
    mfaMode: 'none',
    password: seededPassword(loginId),
  });
  expect(await session.login({ accountId: account.id, acknowledgesRedaction: true })).toMatchObject({
    outcome: 'logged-in',
  });
}

describe('the session a filing runs under', () => {
  it('refuses to start a filing under the shared view-only account (FAQ 12), and the court would refuse it too', async () => {
    await logIn('firmview', 'view-only');
    expect(() => session.requireFilingSession()).toThrow(
      expect.objectContaining({ code: 'account.view-only', message: expect.stringContaining('may not file (FAQ 12)') }),
    );
    const client = new CourtClient(court.url);
    client.token = session.token();
    expect(
      pageKind(
        await (
          await client.postForm('/cgi-bin/filing/start', [
            ['caseid', '1017'],
            ['event', 'complaint'],
          ])
        ).text(),
      ),
    ).toBe('error');
  });

  it('gives a filer’s session to a filing, and the same token serves every request until logout', async () => {
    await logIn('twalsh', 'filer');
    expect(session.requireFilingSession()).toMatchObject({ loginId: 'twalsh' });
    const token = session.token();
    const client = new CourtClient(court.url);
    client.token = token;
    expect(pageKind(await (await client.get('/cgi-bin/DktRpt.pl?1017')).text())).toBe('docket-report');
    expect(pageKind(await (await client.get('/cgi-bin/DktRpt.pl?1024')).text())).toBe('docket-report');
    expect(session.token()).toBe(token);
    await session.logout();
    expect(() => session.token()).toThrow(expect.objectContaining({ code: 'session.none' }));
    expect(pageKind(await (await client.get('/cgi-bin/DktRpt.pl?1017')).text())).toBe('login');
  });

  it('forgets a session the court has ended when it checks it', async () => {
    await logIn('dchen', 'filer');
    // The court ends the session (as when PACER's maximum login time passes).
    const elsewhere = new CourtClient(court.url);
    elsewhere.token = session.token();
    await elsewhere.logout();
    expect(await session.verify()).toEqual({ state: 'logged-out' });
    expect(changes.at(-1)).toEqual({ state: 'logged-out' });
  });
});
