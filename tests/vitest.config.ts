import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Unit, storage, contract and security tests: plain Node unless a file asks for jsdom. */
export default defineConfig({
  root,
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two test files at once, whatever vitest's default (one fewer than the cores: one on a 2-core CI machine). Most files
    // spend their time waiting on real services and child processes (PostgreSQL, Dovecot, the keyring, isolated
    // parsers), so two share two cores well: the whole suite took 546 s one at a time and 348 s two at a time there.
    maxWorkers: 2,
    globalSetup: ['tests/support/global-setup.ts'],
  },
});
