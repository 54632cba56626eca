import { constants, watch as watchFolder } from 'node:fs';
import { lstat, open, stat } from 'node:fs/promises';
import path from 'node:path';
import { findUntrustedFileReason, findUntrustedFolderReason } from './file-trust';
import type { PolicyLog, PolicySource } from './policy-source';

/** Where Linux machines keep ECF Desk's policy (docs/deploying.md#machine-policy). */
export const linuxPolicyFile = '/etc/ecf-desk/policy.json';

const largestPolicyFile = 1024 * 1024;

/** Options for the Linux policy file; `file` is replaced in tests only. */
export interface LinuxPolicyFileOptions {
  readonly file?: string;
  readonly log: PolicyLog;
}

/**
 * Reads `/etc/ecf-desk/policy.json`, a JSON object of policy keys. It is used only when it is a regular file
 * owned by root that only root can write, in a folder only root can write; otherwise it is ignored and the log
 * says why. Keys starting with `//` are comments. A missing file means no policy.
 */
export function createLinuxPolicySource({ file = linuxPolicyFile, log }: LinuxPolicyFileOptions): PolicySource {
  const folder = path.dirname(file);
  const ignore = (reason: string): Record<string, unknown> => {
    log(`Policy: ignored ${file}: ${reason}.`);
    return {};
  };

  async function read(): Promise<Record<string, unknown>> {
    let text: string | null;
    try {
      text = await readTrustedText(file, folder);
    } catch (error) {
      if (isUntrusted(error)) {
        return ignore(error.reason);
      }
      return ignore(`it could not be read (${errorCode(error)})`);
    }
    if (text === null) {
      return {};
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return ignore('it is not valid JSON');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return ignore('it does not hold a JSON object ({ "key": value, ... })');
    }
    return Object.fromEntries(Object.entries(parsed).filter(([key]) => !key.startsWith('//')));
  }

  return {
    name: file,
    read,
    watch(onSignal) {
      try {
        // The folder, not the file: editors and config tools replace the file, which ends a watch on it.
        const watcher = watchFolder(folder, (_event, name) => {
          if (name === null || name === path.basename(file)) {
            onSignal();
          }
        });
        watcher.on('error', () => watcher.close());
        return () => watcher.close();
      } catch {
        return null;
      }
    },
  };
}

class Untrusted extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

function isUntrusted(error: unknown): error is Untrusted {
  return error instanceof Untrusted;
}

/** The file's text, or null when there is no file; throws Untrusted with the reason when it cannot be trusted. */
async function readTrustedText(file: string, folder: string): Promise<string | null> {
  let facts;
  try {
    facts = await lstat(file);
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR') {
      return null;
    }
    throw error;
  }
  const reason = findUntrustedFileReason(facts) ?? findUntrustedFolderReason(await stat(folder));
  if (reason !== null) {
    throw new Untrusted(reason);
  }
  // Opened without following links and checked again on the open file, so a swap after lstat changes nothing.
  const handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const opened = await handle.stat();
    if (opened.ino !== facts.ino || opened.dev !== facts.dev) {
      throw new Untrusted('it was replaced while it was being read');
    }
    const openedReason = findUntrustedFileReason(opened);
    if (openedReason !== null) {
      throw new Untrusted(openedReason);
    }
    if (opened.size > largestPolicyFile) {
      throw new Untrusted('it is larger than 1 MB');
    }
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : 'unknown error';
}
