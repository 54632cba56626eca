import { settings as settingsSchema, type ManagedSetting, type Settings } from '../../src-main/shared/domain';

/** What the machine's policy says about one setting: where it was read, and the value it sets. */
export interface PolicyLock<K extends keyof Settings> {
  readonly key: K;
  /** Where the policy was read (a file path or a registry key), for the IT person the user will ask. */
  readonly source: string;
  /** Null when the policy holds a value this setting cannot take: the setting stays locked, showing the value main keeps. */
  readonly value: Settings[K] | null;
}

/** The policy's lock on a setting, or null when the user may change it. The value is checked, since policy files are written by hand. */
export function findPolicyLock<K extends keyof Settings>(
  managed: readonly ManagedSetting[],
  key: K,
): PolicyLock<K> | null {
  const setting = managed.find((each) => each.key === key);
  if (!setting) {
    return null;
  }
  const parsed = settingsSchema.shape[key].safeParse(setting.value);
  return { key, source: setting.source, value: parsed.success ? (parsed.data as Settings[K]) : null };
}

/** The value a setting shows: the policy's when it locks the setting with one it can take, otherwise the user's. */
export function shownValue<K extends keyof Settings>(
  settings: Settings,
  key: K,
  lock: PolicyLock<K> | null,
): Settings[K] {
  return lock?.value ?? settings[key];
}

/** The courts the machine's policy lets users choose, and where it says so; null when the policy does not restrict them or holds a list no court is on. */
export function findAllowedCourts(
  managed: readonly ManagedSetting[],
): { readonly courts: readonly Settings['courtProfile'][]; readonly source: string } | null {
  const setting = managed.find((each) => each.key === 'allowedCourtProfiles');
  if (!setting || !Array.isArray(setting.value)) {
    return null;
  }
  const courts = setting.value.flatMap((value) => {
    const parsed = settingsSchema.shape.courtProfile.safeParse(value);
    return parsed.success ? [parsed.data] : [];
  });
  return courts.length > 0 ? { courts, source: setting.source } : null;
}

/** The firm's shared docketing mailbox as the machine's policy describes it. */
export interface SharedMailboxPolicy {
  readonly host: string;
  readonly user: string;
  readonly folder: string;
  readonly port: number | null;
  /** Where the policy was read (the first mailbox key's source). */
  readonly source: string;
  /** Main adds the mailbox only when both the server and the user name are set. */
  readonly isComplete: boolean;
}

/** The policy keys that describe the shared mailbox; the Mailboxes section shows them. */
export const sharedMailboxKeys: ReadonlySet<string> = new Set([
  'mailboxHost',
  'mailboxPort',
  'mailboxUser',
  'mailboxFolder',
]);

/** What the policy says about the shared mailbox, or null when it sets none of its keys. */
export function findSharedMailbox(managed: readonly ManagedSetting[]): SharedMailboxPolicy | null {
  const mailboxKeys = managed.filter((each) => sharedMailboxKeys.has(each.key));
  const first = mailboxKeys[0];
  if (!first) {
    return null;
  }
  const text = (key: string): string => {
    const value = mailboxKeys.find((each) => each.key === key)?.value;
    return typeof value === 'string' ? value : '';
  };
  const port = mailboxKeys.find((each) => each.key === 'mailboxPort')?.value;
  const host = text('mailboxHost');
  const user = text('mailboxUser');
  return {
    host,
    user,
    folder: text('mailboxFolder') || 'INBOX',
    port: typeof port === 'number' ? port : null,
    source: first.source,
    isComplete: host !== '' && user !== '',
  };
}
