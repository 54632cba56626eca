import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/** A fresh folder under the system temp folder for each test, removed after it; read `.path` inside a test. */
export function useTempFolder(): { readonly path: string } {
  let current: string | undefined;
  beforeEach(() => {
    current = mkdtempSync(path.join(os.tmpdir(), 'ecf-desk-storage-'));
  });
  afterEach(() => {
    if (current !== undefined) {
      rmSync(current, { recursive: true, force: true });
      current = undefined;
    }
  });
  return {
    get path() {
      if (current === undefined) {
        throw new Error('The temp folder exists only while a test runs.');
      }
      return current;
    },
  };
}
