import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/** Whether the tests run as root: only root can make the root-owned files a trusted policy needs. */
export const isRoot = process.getuid?.() === 0;

/** Says once why root-only cases were skipped, in plain words. */
export function noticeWhenNotRoot(): void {
  if (!isRoot) {
    console.log('Policy tests: not running as root, so the cases that need a root-owned policy file are skipped.');
  }
}

/** A fresh folder laid out like /etc/ecf-desk (mode 755) for each test; `policyFile` is the policy.json in it. */
export function usePolicyFolder(): {
  readonly path: string;
  readonly policyFile: string;
  write(values: unknown, mode?: number): string;
} {
  let current: string | undefined;
  beforeEach(() => {
    current = mkdtempSync(path.join(os.tmpdir(), 'ecf-desk-policy-'));
    chmodSync(current, 0o755);
  });
  afterEach(() => {
    if (current !== undefined) {
      rmSync(current, { recursive: true, force: true });
    }
    current = undefined;
  });
  const folder = (): string => {
    if (current === undefined) {
      throw new Error('The policy folder exists only while a test runs.');
    }
    return current;
  };
  return {
    get path() {
      return folder();
    },
    get policyFile() {
      return path.join(folder(), 'policy.json');
    },
    write(values, mode = 0o644) {
      const file = path.join(folder(), 'policy.json');
      writeFileSync(file, typeof values === 'string' ? values : JSON.stringify(values));
      chmodSync(file, mode);
      return file;
    },
  };
}
