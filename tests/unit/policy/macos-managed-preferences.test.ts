import { describe, expect, it } from 'vitest';
import type { OwnershipFacts } from '../../../src-main/core/policy/file-trust';
import {
  createManagedPreferencesSource,
  managedPreferencesFile,
} from '../../../src-main/core/policy/macos-managed-preferences';
import type { CommandRunner } from '../../../src-main/core/policy/policy-source';
import { createPolicy } from '../../../src-main/core/policy/create-policy';

const rootOwned: OwnershipFacts = {
  uid: 0,
  mode: 0o100644,
  isFile: () => true,
  isDirectory: () => false,
  isSymbolicLink: () => false,
};

/** plutil as a fake: prints the JSON recorded for a file, fails for any other. */
function recordedPlutil(plists: Record<string, unknown>, calls: string[][] = []): CommandRunner {
  return async (program, args) => {
    calls.push([program, ...args]);
    const file = args.at(-1) ?? '';
    return file in plists ? { stdout: JSON.stringify(plists[file]), exitCode: 0 } : { stdout: '', exitCode: 1 };
  };
}

function factsFor(files: Record<string, OwnershipFacts>): (file: string) => Promise<OwnershipFacts> {
  return async (file) => {
    const facts = files[file];
    if (facts === undefined) {
      throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
    }
    return facts;
  };
}

describe('macOS managed preferences', () => {
  const machineFile = managedPreferencesFile();
  const userFile = managedPreferencesFile('pat');

  it('lives where macOS writes forced preferences, for the machine and for each user', () => {
    expect(machineFile).toBe('/Library/Managed Preferences/com.ecfdesk.app.plist');
    expect(userFile).toBe('/Library/Managed Preferences/pat/com.ecfdesk.app.plist');
  });

  it('reads a root-owned plist through plutil as JSON', async () => {
    const calls: string[][] = [];
    const source = createManagedPreferencesSource({
      file: machineFile,
      log: () => undefined,
      runner: recordedPlutil({ [machineFile]: { courtProfile: 'cit', allowCredentialStorage: false } }, calls),
      lstat: factsFor({ [machineFile]: rootOwned }),
    });
    expect(await source.read()).toEqual({ courtProfile: 'cit', allowCredentialStorage: false });
    expect(calls).toEqual([['plutil', '-convert', 'json', '-o', '-', machineFile]]);
  });

  it('means no policy when there is no managed preferences file', async () => {
    const calls: string[][] = [];
    const source = createManagedPreferencesSource({
      file: machineFile,
      log: () => undefined,
      runner: recordedPlutil({}, calls),
      lstat: factsFor({}),
    });
    expect(await source.read()).toEqual({});
    expect(calls).toEqual([]);
  });

  it('ignores a plist root does not own, without running plutil, and says why', async () => {
    const lines: string[] = [];
    const calls: string[][] = [];
    const source = createManagedPreferencesSource({
      file: userFile,
      log: (line) => lines.push(line),
      runner: recordedPlutil({ [userFile]: { courtProfile: 'cit' } }, calls),
      lstat: factsFor({ [userFile]: { ...rootOwned, uid: 501 } }),
    });
    expect(await source.read()).toEqual({});
    expect(calls).toEqual([]);
    expect(lines).toEqual([
      `Policy: ignored ${userFile}: it is owned by user id 501, not root (run: chown root:root <file>).`,
    ]);
  });

  it('says why when plutil cannot convert the file', async () => {
    const lines: string[] = [];
    const source = createManagedPreferencesSource({
      file: machineFile,
      log: (line) => lines.push(line),
      runner: recordedPlutil({}),
      lstat: factsFor({ [machineFile]: rootOwned }),
    });
    expect(await source.read()).toEqual({});
    expect(lines).toEqual([`Policy: ignored ${machineFile}: plutil could not convert it (exit code 1).`]);
  });

  it("lets the machine's forced value beat the user's", async () => {
    const log = (): void => undefined;
    const runner = recordedPlutil({
      [machineFile]: { courtProfile: 'cit' },
      [userFile]: { courtProfile: 'cit-training', updateMode: 'manual' },
    });
    const lstat = factsFor({ [machineFile]: rootOwned, [userFile]: rootOwned });
    const policy = createPolicy({
      platform: 'darwin',
      log,
      sources: [
        createManagedPreferencesSource({ file: machineFile, log, runner, lstat }),
        createManagedPreferencesSource({ file: userFile, log, runner, lstat }),
      ],
    });
    await policy.refresh();
    expect(policy.effective().managed).toEqual([
      { key: 'courtProfile', value: 'cit', source: machineFile },
      { key: 'updateMode', value: 'manual', source: userFile },
    ]);
  });
});
