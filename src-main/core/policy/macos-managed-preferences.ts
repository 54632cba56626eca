import { lstat as lstatFile } from 'node:fs/promises';
import path from 'node:path';
import { findUntrustedFileReason, type OwnershipFacts } from './file-trust';
import { runCommand, type CommandRunner, type PolicyLog, type PolicySource } from './policy-source';
import { describeError } from '../../shared/describe-error';

/** The preferences domain an MDM profile targets for ECF Desk. */
export const macPreferencesDomain = 'com.ecfdesk.app';

/** The folder macOS writes forced (managed) preferences into; only root writes there. */
export const managedPreferencesFolder = '/Library/Managed Preferences';

/** Where the forced preferences for the whole machine, or for one user, are. */
export function managedPreferencesFile(user?: string): string {
  const name = `${macPreferencesDomain}.plist`;
  return user === undefined
    ? path.posix.join(managedPreferencesFolder, name)
    : path.posix.join(managedPreferencesFolder, user, name);
}

/** Options for one managed-preferences file; `runner` and `lstat` are replaced in tests. */
export interface ManagedPreferencesOptions {
  readonly file: string;
  readonly log: PolicyLog;
  readonly runner?: CommandRunner;
  readonly lstat?: (file: string) => Promise<OwnershipFacts>;
}

/**
 * Reads a managed-preferences plist (values an MDM profile forces; "set once" values never land here) with
 * `plutil -convert json -o - <file>`. Used only when the file is a regular, root-owned file only root can
 * write; a missing file means no policy.
 */
export function createManagedPreferencesSource({
  file,
  log,
  runner = runCommand,
  lstat = lstatFile,
}: ManagedPreferencesOptions): PolicySource {
  const ignore = (reason: string): Record<string, unknown> => {
    log(`Policy: ignored ${file}: ${reason}.`);
    return {};
  };
  return {
    name: file,
    async read() {
      let facts;
      try {
        facts = await lstat(file);
      } catch {
        return {};
      }
      const reason = findUntrustedFileReason(facts);
      if (reason !== null) {
        return ignore(reason);
      }
      let output;
      try {
        output = await runner('plutil', ['-convert', 'json', '-o', '-', file]);
      } catch (error) {
        return ignore(`plutil could not be run (${describeError(error).message})`);
      }
      if (output.exitCode !== 0) {
        return ignore(`plutil could not convert it (exit code ${output.exitCode})`);
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(output.stdout);
      } catch {
        return ignore('plutil did not print JSON');
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        return ignore('it does not hold a dictionary');
      }
      return { ...parsed };
    },
  };
}
