import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { managedMailboxId } from '../../../src-main/core/policy/apply-policy';
import { createPolicy, type Policy } from '../../../src-main/core/policy/create-policy';
import type { EffectivePolicy } from '../../../src-main/core/policy/merge-policy';
import { createLinuxPolicySource } from '../../../src-main/core/policy/linux-policy-file';
import type { PolicySource } from '../../../src-main/core/policy/policy-source';
import { defaultSettings, type Settings } from '../../../src-main/shared/domain';
import { isRoot, usePolicyFolder } from './policy-temp-folder';

/** A policy source held in memory; change `values` to change the policy. */
function memorySource(
  name: string,
  values: Record<string, unknown>,
): PolicySource & { values: Record<string, unknown> } {
  return {
    name,
    values,
    async read() {
      return this.values;
    },
  };
}

const userMailbox = {
  id: 'm1',
  host: 'imap.example.com',
  port: 993,
  secure: true,
  user: 'pat@example.com',
  auth: 'password',
  folder: 'Courts',
  marksRead: false,
} as const;
const userSettings: Settings = {
  documentsSort: 'size',
  courtProfile: 'cit-training',
  allowCredentialStorage: true,
  mailboxes: [userMailbox],
};

async function policyFrom(...sources: PolicySource[]): Promise<{ policy: Policy; lines: string[] }> {
  const lines: string[] = [];
  const policy = createPolicy({ platform: 'linux', sources, log: (line) => lines.push(line) });
  await policy.refresh();
  return { policy, lines };
}

describe('createPolicy', () => {
  it('manages nothing, and changes no setting, until a source sets something', async () => {
    const { policy, lines } = await policyFrom(memorySource('machine', {}));
    expect(policy.effective().managed).toEqual([]);
    expect(policy.effective().values.updateMode).toBe('auto');
    expect(policy.applyTo(userSettings)).toEqual(userSettings);
    expect(policy.isLocked('courtProfile')).toBe(false);
    expect(lines).toEqual([]);
  });

  it('puts policy over the user settings and locks the settings it sets', async () => {
    const { policy } = await policyFrom(memorySource('machine', { courtProfile: 'cit', allowCredentialStorage: '0' }));
    expect(policy.applyTo(userSettings)).toEqual({
      ...userSettings,
      courtProfile: 'cit',
      allowCredentialStorage: false,
    });
    expect(policy.isLocked('courtProfile')).toBe(true);
    expect(policy.isLocked('allowCredentialStorage')).toBe(true);
    expect(policy.isLocked('documentsSort')).toBe(false);
  });

  it('takes a key from the first source that sets it: machine over user', async () => {
    const { policy } = await policyFrom(
      memorySource('machine', { logLevel: 'warn' }),
      memorySource('user', { logLevel: 'debug', noticeRetentionDays: 30 }),
    );
    expect(policy.effective().managed).toEqual([
      { key: 'logLevel', value: 'warn', source: 'machine' },
      { key: 'noticeRetentionDays', value: 30, source: 'user' },
    ]);
  });

  it('refuses a bad value with a log line naming the key and why, and uses the default', async () => {
    const { policy, lines } = await policyFrom(memorySource('machine', { updateMode: 'sometimes' }));
    expect(policy.effective().values.updateMode).toBe('auto');
    expect(policy.effective().managed).toEqual([]);
    expect(lines).toEqual([
      'Policy: ignored updateMode in machine: "sometimes" is not one of none, manual, auto. A lower source, the user\'s setting or the default applies.',
    ]);
  });

  it("keeps the user's own setting when the policy for it is bad", async () => {
    const { policy, lines } = await policyFrom(memorySource('machine', { courtProfile: 'sdny' }));
    expect(policy.applyTo({ ...userSettings, courtProfile: 'cit' }).courtProfile).toBe('cit');
    expect(policy.isLocked('courtProfile')).toBe(false);
    expect(lines).toHaveLength(1);
  });

  it("falls back to the user policy when the machine's value is bad", async () => {
    const { policy } = await policyFrom(
      memorySource('machine', { noticeRetentionDays: -1 }),
      memorySource('user', { noticeRetentionDays: 60 }),
    );
    expect(policy.effective().managed).toEqual([{ key: 'noticeRetentionDays', value: 60, source: 'user' }]);
  });

  it('logs and ignores a name that is not a policy key', async () => {
    const { policy, lines } = await policyFrom(memorySource('machine', { courtProfil: 'cit' }));
    expect(policy.effective().managed).toEqual([]);
    expect(lines).toEqual(['Policy: ignored "courtProfil" in machine: ECF Desk has no policy by that name.']);
  });

  it('writes a complaint once, not again at every refresh while nothing changes', async () => {
    const source = memorySource('machine', { updateMode: 'sometimes' });
    const { policy, lines } = await policyFrom(source);
    await policy.refresh();
    await policy.refresh();
    expect(lines).toHaveLength(1);
  });

  it('logs a source that fails to read, and reads the others', async () => {
    const broken: PolicySource = { name: 'broken', read: () => Promise.reject(new Error('access denied')) };
    const { policy, lines } = await policyFrom(broken, memorySource('user', { logLevel: 'error' }));
    expect(policy.effective().values.logLevel).toBe('error');
    expect(lines).toEqual(['Policy: could not read broken (access denied).']);
  });

  it('moves a user whose court is not allowed to the first allowed court, and locks the court when only one is allowed', async () => {
    const { policy } = await policyFrom(memorySource('machine', { allowedCourtProfiles: ['cit'] }));
    expect(policy.applyTo(userSettings).courtProfile).toBe('cit');
    expect(policy.isLocked('courtProfile')).toBe(true);
    const two = (await policyFrom(memorySource('machine', { allowedCourtProfiles: 'cit-training, cit' }))).policy;
    expect(two.applyTo(userSettings).courtProfile).toBe('cit-training');
    expect(two.isLocked('courtProfile')).toBe(false);
  });

  it("puts the firm's shared docketing mailbox first, and never saves it or a locked value into the user's settings", async () => {
    const { policy } = await policyFrom(
      memorySource('machine', {
        mailboxHost: 'imap.example-firm.com',
        mailboxUser: 'docketing@example-firm.com',
        allowCredentialStorage: false,
      }),
    );
    const shown = policy.applyTo(userSettings);
    expect(shown.mailboxes).toEqual([
      {
        id: managedMailboxId,
        host: 'imap.example-firm.com',
        port: 993,
        secure: true,
        user: 'docketing@example-firm.com',
        auth: 'password',
        folder: 'INBOX',
        marksRead: false,
      },
      userMailbox,
    ]);
    expect(policy.settingsToSave({ ...shown, documentsSort: 'name' }, userSettings)).toEqual({
      ...userSettings,
      documentsSort: 'name',
    });
  });
});

describe('watching the Linux policy file', () => {
  const folder = usePolicyFolder();
  let policy: Policy | undefined;
  afterEach(() => policy?.close());

  it.skipIf(!isRoot)('tells the app when the file is rewritten, with the new value', async () => {
    folder.write({ courtProfile: 'cit-training' });
    const changes: EffectivePolicy[] = [];
    const log = (): void => undefined;
    policy = createPolicy({
      platform: 'linux',
      log,
      sources: [createLinuxPolicySource({ file: folder.policyFile, log })],
      onChange: (effective) => changes.push(effective),
    });
    await policy.refresh();
    policy.watch();
    expect(policy.effective().values.courtProfile).toBe('cit-training');
    folder.write({ courtProfile: 'cit' });
    await vi.waitFor(() => expect(changes.at(-1)?.values.courtProfile).toBe('cit'), { timeout: 5000 });
    expect(policy.applyTo(defaultSettings).courtProfile).toBe('cit');
    // Config tools write a new file and rename it over the old one.
    const replacement = path.join(folder.path, 'policy.json.new');
    writeFileSync(replacement, JSON.stringify({ courtProfile: 'cit', logLevel: 'debug' }), { mode: 0o644 });
    renameSync(replacement, folder.policyFile);
    await vi.waitFor(() => expect(changes.at(-1)?.values.logLevel).toBe('debug'), { timeout: 5000 });
  });

  it('polls a source that cannot be watched, and says nothing when nothing changed', async () => {
    vi.useFakeTimers();
    try {
      const source = memorySource('HKLM', { logLevel: 'warn' });
      const changes: EffectivePolicy[] = [];
      policy = createPolicy({
        platform: 'win32',
        log: () => undefined,
        sources: [source],
        onChange: (effective) => changes.push(effective),
      });
      await policy.refresh();
      policy.watch();
      await vi.advanceTimersByTimeAsync(60_000);
      expect(changes).toEqual([]);
      source.values = { logLevel: 'debug' };
      await vi.advanceTimersByTimeAsync(60_000);
      expect(changes.map((change) => change.values.logLevel)).toEqual(['debug']);
    } finally {
      vi.useRealTimers();
    }
  });
});
