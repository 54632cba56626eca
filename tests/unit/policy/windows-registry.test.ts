import { describe, expect, it } from 'vitest';
import { createPolicy } from '../../../src-main/core/policy/create-policy';
import type { CommandRunner } from '../../../src-main/core/policy/policy-source';
import { parseRegQueryOutput } from '../../../src-main/core/policy/reg-query-output';
import { createRegistryPolicySource } from '../../../src-main/core/policy/windows-registry';
import { defaultSettings } from '../../../src-main/shared/domain';
import { machinePolicyOutput, userPolicyOutput } from './reg-query-samples';

/** A runner that answers `reg query` from recorded output per key, exit code 1 for a key with none. */
function recordedReg(outputs: Record<string, string>, calls: string[][] = []): CommandRunner {
  return async (program, args) => {
    calls.push([program, ...args]);
    const key = args[1] ?? '';
    return key in outputs ? { stdout: outputs[key] ?? '', exitCode: 0 } : { stdout: '', exitCode: 1 };
  };
}

describe('reading reg query output', () => {
  it('reads REG_SZ as text, REG_DWORD as numbers and REG_MULTI_SZ as lists', () => {
    expect(parseRegQueryOutput(machinePolicyOutput).values).toMatchObject({
      courtProfile: 'cit',
      allowCredentialStorage: 0,
      allowedCourtProfiles: ['cit', 'cit-training'],
      noticeRetentionDays: 90,
    });
  });

  it('reads a Group Policy list subkey in the order of its numbered values', () => {
    expect(parseRegQueryOutput(machinePolicyOutput).values.externalLinkAllowlist).toEqual([
      'uscit.gov',
      'intranet.example-firm.com',
      'docs.example-firm.com',
    ]);
  });

  it('matches value names without regard to case, as the registry does', () => {
    expect(parseRegQueryOutput(userPolicyOutput).values).toMatchObject({
      courtProfile: 'cit-training',
      allowCredentialStorage: 1,
    });
  });

  it('reports a value of a type policy never uses, and an empty string as empty', () => {
    const reading = parseRegQueryOutput(
      [
        '',
        'HKEY_CURRENT_USER\\SOFTWARE\\Policies\\ECF Desk',
        '    logLevel    REG_BINARY    0100',
        '    mailboxUser    REG_SZ    ',
        '',
      ].join('\r\n'),
    );
    expect(reading.values).toEqual({ mailboxUser: '' });
    expect(reading.problems).toEqual(['logLevel has type REG_BINARY, which policy does not use']);
  });
});

describe('the registry policy source', () => {
  it("runs reg query on the hive's policy key, recursively, without a shell", async () => {
    const calls: string[][] = [];
    const source = createRegistryPolicySource({ hive: 'HKLM', log: () => undefined, runner: recordedReg({}, calls) });
    await source.read();
    expect(calls).toEqual([['reg', 'query', 'HKLM\\SOFTWARE\\Policies\\ECF Desk', '/s']]);
    expect(source.name).toBe('HKLM\\SOFTWARE\\Policies\\ECF Desk');
  });

  it('means no policy, and says nothing, when the key does not exist', async () => {
    const lines: string[] = [];
    const source = createRegistryPolicySource({
      hive: 'HKCU',
      log: (line) => lines.push(line),
      runner: recordedReg({}),
    });
    expect(await source.read()).toEqual({});
    expect(lines).toEqual([]);
  });

  it('says so in the log when reg cannot be run at all', async () => {
    const lines: string[] = [];
    const failing: CommandRunner = () => Promise.reject(new Error('spawn reg ENOENT'));
    expect(
      await createRegistryPolicySource({ hive: 'HKLM', log: (line) => lines.push(line), runner: failing }).read(),
    ).toEqual({});
    expect(lines).toEqual(['Policy: could not run reg to read HKLM\\SOFTWARE\\Policies\\ECF Desk (spawn reg ENOENT).']);
  });
});

describe('Windows precedence', () => {
  it('lets the machine policy beat the user policy, and the user policy beat the settings file', async () => {
    const runner = recordedReg({
      'HKLM\\SOFTWARE\\Policies\\ECF Desk': machinePolicyOutput,
      'HKCU\\SOFTWARE\\Policies\\ECF Desk': userPolicyOutput,
    });
    const log = (): void => undefined;
    const policy = createPolicy({
      platform: 'win32',
      log,
      sources: [
        createRegistryPolicySource({ hive: 'HKLM', log, runner }),
        createRegistryPolicySource({ hive: 'HKCU', log, runner }),
      ],
    });
    await policy.refresh();
    const { values, managed } = policy.effective();
    expect(values).toMatchObject({ courtProfile: 'cit', allowCredentialStorage: false, logLevel: 'debug' });
    expect(managed).toContainEqual({ key: 'courtProfile', value: 'cit', source: 'HKLM\\SOFTWARE\\Policies\\ECF Desk' });
    expect(managed).toContainEqual({ key: 'logLevel', value: 'debug', source: 'HKCU\\SOFTWARE\\Policies\\ECF Desk' });
    expect(
      policy.applyTo({
        ...defaultSettings,
        courtProfile: 'cit-training',
        allowCredentialStorage: true,
        documentsSort: 'name',
      }),
    ).toEqual({
      ...defaultSettings,
      documentsSort: 'name',
      courtProfile: 'cit',
      allowCredentialStorage: false,
    });
  });
});
