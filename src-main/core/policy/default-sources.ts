import os from 'node:os';
import { createLinuxPolicySource } from './linux-policy-file';
import { createManagedPreferencesSource, managedPreferencesFile } from './macos-managed-preferences';
import type { PolicyLog, PolicySource } from './policy-source';
import { createRegistryPolicySource } from './windows-registry';

/**
 * Where each OS keeps ECF Desk's machine policy, in precedence order (docs/deploying.md#machine-policy):
 * Windows HKLM then HKCU, macOS the machine's managed preferences then the user's, elsewhere /etc/ecf-desk/policy.json.
 */
export function defaultPolicySources(platform: NodeJS.Platform, log: PolicyLog): PolicySource[] {
  if (platform === 'win32') {
    return [createRegistryPolicySource({ hive: 'HKLM', log }), createRegistryPolicySource({ hive: 'HKCU', log })];
  }
  if (platform === 'darwin') {
    const user = currentUserName();
    const machine = createManagedPreferencesSource({ file: managedPreferencesFile(), log });
    return user === null
      ? [machine]
      : [machine, createManagedPreferencesSource({ file: managedPreferencesFile(user), log })];
  }
  return [createLinuxPolicySource({ log })];
}

function currentUserName(): string | null {
  try {
    const { username } = os.userInfo();
    return /^[^/\0]+$/.test(username) && username !== '..' ? username : null;
  } catch {
    return null;
  }
}
