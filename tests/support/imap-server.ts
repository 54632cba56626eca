import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from './paths';
import { freePort, skipWithoutService } from './test-services';

const run = promisify(execFile);
const script = path.join(projectRoot, 'tests', 'support', 'imap-test-server.sh');
const dovecot = '/usr/sbin/dovecot';

/** A running throwaway Dovecot, with the one account it knows. */
export interface ImapTestServer {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly pass: string;
  /** Drops every client connection, as a server restart or a network hiccup would. */
  dropConnections(): Promise<void>;
  /** Stops Dovecot and removes its folder. */
  stop(): Promise<void>;
}

/**
 * Starts Dovecot on a free loopback port with a fresh folder (tests/support/imap-test-server.sh).
 * Returns null, after one plain line saying why, where it cannot run: not root, or no dovecot-imapd.
 */
export async function startImapTestServer(): Promise<ImapTestServer | null> {
  const reason = whyUnavailable();
  if (reason !== null) {
    // CI installs Dovecot and runs as root: there a missing server is a broken setup, not a reason to skip.
    return skipWithoutService({ service: 'The IMAP test server', tests: 'IMAP tests' }, reason);
  }
  const folder = await mkdtemp(path.join(os.tmpdir(), 'ecf-desk-imap-'));
  const port = await freePort();
  try {
    await run('bash', [script, 'start', folder, String(port)]);
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
  return {
    host: '127.0.0.1',
    port,
    user: 'clerk@example.test',
    pass: 's3cret',
    async dropConnections() {
      await run('bash', [script, 'kick', folder]);
    },
    async stop() {
      try {
        await run('bash', [script, 'stop', folder]);
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    },
  };
}

function whyUnavailable(): string | null {
  if (process.platform === 'win32' || process.getuid?.() !== 0) {
    return 'starting the test Dovecot needs root.';
  }
  if (!existsSync(dovecot)) {
    return 'Dovecot is not installed (apt-get install dovecot-imapd).';
  }
  return null;
}
