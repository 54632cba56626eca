import { useId } from 'react';
import type { KeychainStatus } from '../../src-main/shared/accounts';
import { ManagedBadge } from './ManagedBadge';
import type { PolicyLock } from './policy-lock';

/** What the Passwords section needs: whether saving is on, the policy's lock if any, the keychain's state, and what a change does. */
export interface PasswordSettingProps {
  readonly value: boolean;
  readonly lock: PolicyLock<'allowCredentialStorage'> | null;
  /** Null until main has described the keychain. */
  readonly keychain: KeychainStatus | null;
  readonly onChange: (isAllowed: boolean) => void;
}

/** Where saved passwords go on this computer, or why none can be saved here whatever the setting says. */
function describeKeychain(keychain: KeychainStatus, isAllowed: boolean): string | null {
  if (!keychain.isAvailable) {
    return keychain.message;
  }
  return isAllowed ? `Passwords are saved in ${keychain.name}.` : null;
}

/** The Passwords section: whether PACER passwords and authenticator secrets may be kept in the system keychain. */
export function PasswordSetting({ value, lock, keychain, onChange }: PasswordSettingProps) {
  const headingId = useId();
  const hintId = useId();
  const badgeId = useId();
  const keychainLine = keychain && describeKeychain(keychain, value);

  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="settings-section__title">
        Passwords
      </h2>
      {lock && <ManagedBadge id={badgeId} settingKey={lock.key} source={lock.source} />}
      <label className="choice settings-section__choice">
        <input
          type="checkbox"
          data-testid="setting-credential-storage"
          checked={value}
          disabled={lock !== null}
          aria-describedby={lock ? `${hintId} ${badgeId}` : hintId}
          onChange={(event) => onChange(event.target.checked)}
        />
        <span className="choice__text">Save PACER passwords in the keychain</span>
      </label>
      <p id={hintId} className="choice__hint">
        When this is off, ECF Desk saves no PACER password or authenticator secret and asks for them at each login.
        Passwords already in the keychain are left there, unused.
      </p>
      {keychainLine && (
        <p className="settings-section__note" data-testid="keychain-line">
          {keychainLine}
        </p>
      )}
    </section>
  );
}
