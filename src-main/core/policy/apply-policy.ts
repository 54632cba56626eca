import type { MailboxSettings, Settings } from '../../shared/domain';
import { policyCatalog } from '../../shared/policy-catalog';
import type { EffectivePolicy } from './merge-policy';

/** The id of the firm's shared docketing mailbox a policy adds; never saved in settings.json. */
export const managedMailboxId = 'managed-by-policy';

const mostMailboxes = 20;

/**
 * The settings the app uses: the user's, with every managed value put over them (policy beats user settings).
 * A restricted court list moves a user whose court is not on it to the first allowed one. A policy naming a
 * shared mailbox (server and user name) puts it first in the mailbox list.
 */
export function applyPolicyToSettings(policy: EffectivePolicy, settings: Settings): Settings {
  const managed = new Set(policy.managed.map((setting) => setting.key));
  const { values } = policy;
  let { courtProfile } = settings;
  if (managed.has('courtProfile')) {
    courtProfile = values.courtProfile;
  } else if (managed.has('allowedCourtProfiles') && !values.allowedCourtProfiles.includes(courtProfile)) {
    courtProfile = values.allowedCourtProfiles[0] ?? courtProfile;
  }
  const userMailboxes = settings.mailboxes.filter((mailbox) => mailbox.id !== managedMailboxId);
  const hasSharedMailbox = values.mailboxHost !== '' && values.mailboxUser !== '';
  const mailboxes = hasSharedMailbox
    ? [policyMailbox(policy), ...userMailboxes].slice(0, mostMailboxes)
    : userMailboxes;
  return {
    ...settings,
    courtProfile,
    allowCredentialStorage: managed.has('allowCredentialStorage')
      ? values.allowCredentialStorage
      : settings.allowCredentialStorage,
    mailboxes,
    ...(managed.has('firmServerUrl') && values.firmServerUrl !== '' ? { firmServerUrl: values.firmServerUrl } : {}),
  };
}

/**
 * Whether the user may not change a setting: a managed policy key locks it (a one-court list locks the court too, and a
 * page map file the page map a user would load).
 */
export function isSettingLocked(policy: EffectivePolicy, settingKey: string): boolean {
  return policy.managed.some((setting) => {
    if (setting.key === 'allowedCourtProfiles') {
      return settingKey === 'courtProfile' && policy.values.allowedCourtProfiles.length === 1;
    }
    if (setting.key === 'pageMapFile') {
      return settingKey === 'pageMap' && policy.values.pageMapFile !== '';
    }
    return (
      setting.key in policyCatalog && policyCatalog[setting.key as keyof typeof policyCatalog].locks === settingKey
    );
  });
}

/**
 * What to save when the user saves settings the app showed with policy applied: a locked setting keeps the
 * user's own stored value (so lifting the policy gives it back) and the policy's mailbox is left out.
 */
export function settingsToSave(policy: EffectivePolicy, next: Settings, stored: Settings): Settings {
  return {
    ...next,
    courtProfile: isSettingLocked(policy, 'courtProfile') ? stored.courtProfile : next.courtProfile,
    allowCredentialStorage: isSettingLocked(policy, 'allowCredentialStorage')
      ? stored.allowCredentialStorage
      : next.allowCredentialStorage,
    mailboxes: next.mailboxes.filter((mailbox) => mailbox.id !== managedMailboxId),
    ...(isSettingLocked(policy, 'pageMap') ? { pageMap: stored.pageMap ?? null } : {}),
    ...(isSettingLocked(policy, 'firmServerUrl') ? { firmServerUrl: stored.firmServerUrl ?? null } : {}),
  };
}

function policyMailbox({ values }: EffectivePolicy): MailboxSettings {
  return {
    id: managedMailboxId,
    host: values.mailboxHost,
    port: values.mailboxPort,
    // 143 is IMAP with STARTTLS; every other port is taken to be IMAP over TLS (993, the usual).
    secure: values.mailboxPort !== 143,
    user: values.mailboxUser,
    auth: 'password',
    folder: values.mailboxFolder,
    marksRead: false,
  };
}
