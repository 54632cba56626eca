import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));
const testFolder = path.join(root, 'tests', 'unit');
const testFile = /\.test\.tsx?$/;

/**
 * What makes a test file change the module graph or the process it runs in: module mocks, spies, stubbed globals or
 * environment variables, fake timers, listeners on the process, another working folder, a DOM (jsdom), or a private
 * session bus for the keychain (tests/support/secret-service.ts: the native binding connects once a process). Such a file
 * gets a fresh module graph of its own; every other file shares its worker's modules with the files before it, which
 * spares re-importing the same core modules 270 times (a sixth of the suite's time).
 */
const changesItsWorld =
  /vi\.(mock|doMock|spyOn|stubGlobal|stubEnv|useFakeTimers)\(|@vitest-environment|process\.env(\.\w+|\[[^\]]+\])\s*=[^=]|delete process\.env|process\.(on|once|chdir)\(|Object\.defineProperty\((globalThis|process)\b|support\/secret-service'/;

function testFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && testFile.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/** The renderer's, the Electron shell's, the preload's and the IPC contract's tests hold app-wide state (stores, a mocked Electron). */
const isolatedFolders = ['tests/unit/renderer/', 'tests/unit/shell/', 'tests/unit/preload/', 'tests/unit/contract/'];
const isolatedFiles = testFiles(testFolder).filter(
  (file) =>
    isolatedFolders.some((folder) => file.startsWith(folder)) ||
    changesItsWorld.test(readFileSync(path.join(root, file), 'utf8')),
);

/** Unit, storage, contract and security tests: plain Node unless a file asks for jsdom. */
export default defineConfig({
  root,
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two test files at once, whatever vitest's default (one fewer than the cores: one on a 2-core CI machine). Most files
    // spend their time waiting on real services and child processes (PostgreSQL, Dovecot, the keyring, isolated
    // parsers), so two share two cores well: the whole suite took 546 s one at a time and 348 s two at a time there.
    maxWorkers: 2,
    globalSetup: ['tests/support/global-setup.ts'],
    // Each project takes the settings above (`extends`) and its own share of the files.
    projects: [
      {
        extends: true,
        test: {
          name: 'shared modules',
          include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
          exclude: isolatedFiles,
          isolate: false,
        },
      },
      { extends: true, test: { name: 'isolated', include: isolatedFiles } },
    ],
  },
});
