import { chmodSync, chownSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLinuxPolicySource } from '../../../src-main/core/policy/linux-policy-file';
import { isRoot, noticeWhenNotRoot, usePolicyFolder } from './policy-temp-folder';

const nobody = 65534;

describe('the Linux policy file', () => {
  const folder = usePolicyFolder();
  noticeWhenNotRoot();

  function readWithLog(file: string): { read: Promise<Record<string, unknown>>; lines: string[] } {
    const lines: string[] = [];
    return { read: createLinuxPolicySource({ file, log: (line) => lines.push(line) }).read(), lines };
  }

  it('means no policy, and says nothing, when there is no file', async () => {
    const { read, lines } = readWithLog(folder.policyFile);
    expect(await read).toEqual({});
    expect(lines).toEqual([]);
  });

  it.skipIf(!isRoot)(
    'is read when root owns it with mode 644 in a root-owned folder, skipping // comments',
    async () => {
      const file = folder.write({ '//': 'set by IT', courtProfile: 'cit', allowCredentialStorage: false });
      const { read, lines } = readWithLog(file);
      expect(await read).toEqual({ courtProfile: 'cit', allowCredentialStorage: false });
      expect(lines).toEqual([]);
    },
  );

  it.skipIf(!isRoot)('is refused when every user can write it', async () => {
    const file = folder.write({ courtProfile: 'cit' }, 0o646);
    const { read, lines } = readWithLog(file);
    expect(await read).toEqual({});
    expect(lines).toEqual([`Policy: ignored ${file}: every user can write it (mode 0646; run: chmod 644 <file>).`]);
  });

  it.skipIf(!isRoot)('is refused when its group can write it', async () => {
    const file = folder.write({ courtProfile: 'cit' }, 0o664);
    const { read, lines } = readWithLog(file);
    expect(await read).toEqual({});
    expect(lines).toEqual([`Policy: ignored ${file}: its group can write it (mode 0664; run: chmod 644 <file>).`]);
  });

  it.skipIf(!isRoot)('is refused when it is a symbolic link, even to a trusted file', async () => {
    const target = path.join(folder.path, 'real-policy.json');
    writeFileSync(target, JSON.stringify({ courtProfile: 'cit' }));
    symlinkSync(target, folder.policyFile);
    const { read, lines } = readWithLog(folder.policyFile);
    expect(await read).toEqual({});
    expect(lines).toEqual([
      `Policy: ignored ${folder.policyFile}: it is a symbolic link; policy must be a regular file.`,
    ]);
  });

  it.skipIf(!isRoot)('is refused when a user other than root owns it', async () => {
    const file = folder.write({ courtProfile: 'cit' });
    chownSync(file, nobody, nobody);
    const { read, lines } = readWithLog(file);
    expect(await read).toEqual({});
    expect(lines).toEqual([
      `Policy: ignored ${file}: it is owned by user id ${nobody}, not root (run: chown root:root <file>).`,
    ]);
  });

  it.skipIf(!isRoot)('is refused when every user can write its folder, since anyone could replace it', async () => {
    const file = folder.write({ courtProfile: 'cit' });
    chmodSync(folder.path, 0o777);
    const { read, lines } = readWithLog(file);
    expect(await read).toEqual({});
    expect(lines).toEqual([
      `Policy: ignored ${file}: every user can write its folder (mode 0777; run: chmod 755 <folder>).`,
    ]);
  });

  it.skipIf(!isRoot)('is refused when another user owns its folder', async () => {
    const inner = path.join(folder.path, 'ecf-desk');
    mkdirSync(inner, { mode: 0o755 });
    const file = path.join(inner, 'policy.json');
    writeFileSync(file, '{}', { mode: 0o644 });
    chownSync(inner, nobody, nobody);
    const { read, lines } = readWithLog(file);
    expect(await read).toEqual({});
    expect(lines).toEqual([
      `Policy: ignored ${file}: its folder is owned by user id ${nobody}, not root (run: chown root:root <folder>).`,
    ]);
  });

  it.skipIf(!isRoot)('is refused, with the reason, when it is not a JSON object', async () => {
    const file = folder.write('{ "courtProfile": cit }');
    const { read, lines } = readWithLog(file);
    expect(await read).toEqual({});
    expect(lines).toEqual([`Policy: ignored ${file}: it is not valid JSON.`]);
    folder.write('["cit"]');
    const again = readWithLog(file);
    expect(await again.read).toEqual({});
    expect(again.lines).toEqual([`Policy: ignored ${file}: it does not hold a JSON object ({ "key": value, ... }).`]);
  });
});
