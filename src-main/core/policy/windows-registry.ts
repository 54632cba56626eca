import { parseRegQueryOutput } from './reg-query-output';
import { runCommand, type CommandRunner, type PolicyLog, type PolicySource } from './policy-source';
import { describeError } from '../../shared/describe-error';

/** The registry key Group Policy writes ECF Desk's policy to, under HKLM (machine) or HKCU (user). */
export const registryPolicyPath = 'SOFTWARE\\Policies\\ECF Desk';

/** Options for one registry hive's policy; `runner` is replaced in tests by recorded `reg query` output. */
export interface RegistryPolicyOptions {
  readonly hive: 'HKLM' | 'HKCU';
  readonly log: PolicyLog;
  readonly runner?: CommandRunner;
}

/**
 * Reads `HKLM` or `HKCU\SOFTWARE\Policies\ECF Desk` with `reg query <key> /s`. Only administrators (and Group
 * Policy) can write under `SOFTWARE\Policies`, so no further ownership check is needed. A missing key means
 * no policy. reg prints in the console code page, so non-ASCII text may not survive; policy values are ASCII.
 */
export function createRegistryPolicySource({ hive, log, runner = runCommand }: RegistryPolicyOptions): PolicySource {
  const key = `${hive}\\${registryPolicyPath}`;
  return {
    name: key,
    async read() {
      let output;
      try {
        output = await runner('reg', ['query', key, '/s']);
      } catch (error) {
        log(`Policy: could not run reg to read ${key} (${describeError(error).message}).`);
        return {};
      }
      // reg exits 1 when the key does not exist: no policy is set, which is the usual case.
      if (output.exitCode !== 0) {
        return {};
      }
      const reading = parseRegQueryOutput(output.stdout);
      for (const problem of reading.problems) {
        log(`Policy: ignored a value in ${key}: ${problem}.`);
      }
      return reading.values;
    },
  };
}
