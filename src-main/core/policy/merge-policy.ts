import type { ManagedSetting } from '../../shared/domain';
import {
  isPolicyKey,
  policyDefaults,
  readPolicyValue,
  type PolicyKey,
  type PolicyValues,
} from '../../shared/policy-catalog';

/** What one source held, by the source's name. */
export interface SourceReading {
  readonly source: string;
  readonly values: Record<string, unknown>;
}

/** The policy in force: every key's value (its default when nothing manages it) and the keys a source manages. */
export interface EffectivePolicy {
  readonly values: PolicyValues;
  readonly managed: readonly ManagedSetting[];
}

/** The policy in force when no source manages anything. */
export function unmanagedPolicy(): EffectivePolicy {
  return { values: policyDefaults(), managed: [] };
}

/**
 * Merges readings in precedence order (the first source wins: HKLM before HKCU, the machine's plist before the
 * user's). A value that does not read is refused and the next source's value, else the default, is used;
 * a name that is not a policy key is ignored. `problems` are log lines naming the key, the source and why.
 */
export function mergePolicy(readings: readonly SourceReading[]): { effective: EffectivePolicy; problems: string[] } {
  const values: Record<string, unknown> = { ...policyDefaults() };
  const managed: ManagedSetting[] = [];
  const decided = new Set<PolicyKey>();
  const problems: string[] = [];
  for (const { source, values: raw } of readings) {
    for (const [name, rawValue] of Object.entries(raw)) {
      if (!isPolicyKey(name)) {
        problems.push(`Policy: ignored "${name}" in ${source}: ECF Desk has no policy by that name.`);
        continue;
      }
      if (decided.has(name)) {
        continue;
      }
      const read = readPolicyValue(name, rawValue);
      if (!read.ok) {
        problems.push(
          `Policy: ignored ${name} in ${source}: ${read.reason}. A lower source, the user's setting or the default applies.`,
        );
        continue;
      }
      decided.add(name);
      values[name] = read.value;
      managed.push({ key: name, value: read.value, source });
    }
  }
  return { effective: { values: values as unknown as PolicyValues, managed }, problems };
}
