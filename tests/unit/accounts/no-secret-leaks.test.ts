import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createKeyringSecretStore } from '../../../src-main/core/vault/keyring-secret-store';
import { courtDatabaseFileName } from '../../../src-main/training-court/court-database';
import { defaultSeed } from '../../../src-main/training-court/seed';
import { startBrowserModeServer } from '../../../src-main/web/browser-mode-server';
import { testIsolatedChildPath } from '../../support/paths';
import { applyToProcessEnv, startSecretService } from '../../support/secret-service';
import { seededPassword, startTestCourt } from '../../support/training-court';

// A real gnome-keyring for this file: secrets must end up there, and only there.
const keyring = await startSecretService();
const restoreEnv = keyring === null ? (): void => undefined : applyToProcessEnv(keyring.env);
afterAll(async () => {
  restoreEnv();
  await keyring?.stop();
});

/** Every file under a folder, as bytes. */
function filesUnder(folder: string): { file: string; bytes: Buffer }[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    return statSync(full).isDirectory()
      ? filesUnder(full)
      : [{ file: path.relative(folder, full), bytes: readFileSync(full) }];
  });
}

/** Where a secret shows up, in UTF-8 or UTF-16 (SQLite may store either). */
function placesHolding(secret: string, haystacks: { name: string; bytes: Buffer }[]): string[] {
  const forms = [Buffer.from(secret, 'utf8'), Buffer.from(secret, 'utf16le')];
  return haystacks.filter(({ bytes }) => forms.some((form) => bytes.includes(form))).map(({ name }) => name);
}

describe('no secret leaks', () => {
  it('after add account, log in, use the token and quit, the password, TOTP secret and token are only in the keychain', async (context) => {
    if (!keyring) {
      return context.skip();
    }
    const appData = await mkdtemp(path.join(tmpdir(), 'ecf-leak-'));
    const court = await startTestCourt();
    const password = seededPassword('jmorgan');
    const totpSecret = defaultSeed.accounts.find((account) => account.loginId === 'jmorgan')?.mfaSecret ?? '';
    const server = await startBrowserModeServer({
      dataFolder: appData,
      rendererFolder: appData,
      isolatedChildPath: testIsolatedChildPath,
      version: '0.0.0',
      port: 0,
      secretStore: createKeyringSecretStore(),
      trainingCourt: { start: async () => ({ url: court.url, close: async () => undefined }) },
    });
    const url = new URL(server.url);
    const token = url.hash.replace('#token=', '');
    const responses: { name: string; bytes: Buffer }[] = [];
    const call = async (channel: string, args: unknown): Promise<Record<string, unknown>> => {
      const response = await fetch(`${url.origin}/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-ecf-token': token },
        body: JSON.stringify(args),
      });
      const bytes = Buffer.from(await response.arrayBuffer());
      responses.push({ name: `response of ${channel}`, bytes });
      const envelope = JSON.parse(bytes.toString('utf8')) as { ok: boolean; value: Record<string, unknown> };
      expect(envelope.ok, channel).toBe(true);
      return envelope.value;
    };
    // Every event the app sends while the script runs.
    const events = await fetch(`${url.origin}/api/events`, { headers: { 'x-ecf-token': token } });
    const eventChunks: Buffer[] = [];
    const reading = (async () => {
      for await (const chunk of events.body as unknown as AsyncIterable<Uint8Array>) {
        eventChunks.push(Buffer.from(chunk));
      }
    })().catch(() => undefined);

    try {
      await vi.waitFor(async () => expect((await call('court.status', {}))['state']).toBe('ready'), {
        timeout: 20_000,
      });
      const account = await call('accounts.save', {
        loginId: 'jmorgan',
        kind: 'filer',
        defaultClientCode: 'ACME-1',
        mfaMode: 'stored-secret',
        password,
        totpSecret,
      });
      expect(account).toMatchObject({ passwordSaved: true, totpSecretSaved: true });
      await call('accounts.list', {});
      await call('accounts.test', { accountId: account['id'], acknowledgesRedaction: true });
      expect(await call('session.login', { accountId: account['id'], acknowledgesRedaction: true })).toMatchObject({
        outcome: 'logged-in',
      });
      // Using the token: the court is asked whether the session stands.
      expect(await call('session.verify', {})).toMatchObject({ state: 'logged-in' });
      await call('session.status', {});
    } finally {
      await server.close();
      await events.body?.cancel().catch(() => undefined);
      await reading;
    }

    // The court issued the tokens; read them from its own records (kept outside the app's data folder).
    await court.close();
    const courtDb = new Database(path.join(court.dataFolder, courtDatabaseFileName), { readonly: true });
    const sessions = courtDb.prepare("SELECT token, ended_at FROM sessions WHERE login_id = 'jmorgan'").all() as {
      token: string;
      ended_at: number | null;
    }[];
    courtDb.close();
    const tokens = sessions.map((row) => row.token);
    // One for Test, one for the login; quitting logged the second out at the court, as Test did the first.
    expect(sessions.map((row) => row.ended_at !== null)).toEqual([true, true]);

    const stored = filesUnder(appData).map(({ file, bytes }) => ({ name: file, bytes }));
    const everything = [...stored, ...responses, { name: 'events', bytes: Buffer.concat(eventChunks) }];
    // The scan can see: the login id is in the database and the events, so a secret would be found too.
    expect(placesHolding('jmorgan', everything)).toEqual(
      expect.arrayContaining(['ecf-desk.sqlite', 'events', 'response of accounts.save']),
    );
    for (const [index, secret] of [password, totpSecret, ...tokens].entries()) {
      expect(placesHolding(secret, everything), `secret ${index} was found outside the keychain`).toEqual([]);
    }

    // And the keychain does hold them, in the Secret Service itself.
    const lookup = spawnSync('secret-tool', ['lookup', 'service', 'ECF Desk', 'username', 'cit-training/jmorgan'], {
      env: { ...process.env, ...keyring.env },
      encoding: 'utf8',
    });
    expect(lookup.stdout).toBe(password);
    await rm(appData, { recursive: true, force: true });
    await rm(court.dataFolder, { recursive: true, force: true });
  });
});
