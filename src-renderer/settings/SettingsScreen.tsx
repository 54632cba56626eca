import { useEffect } from 'react';
import { LiveRegion } from '../shell/LiveRegion';
import { useAccounts, useCourt, useSettings } from '../state/StoresProvider';
import { CourtSetting } from './CourtSetting';
import { FirmServerSetting } from './FirmServerSetting';
import { MailboxesSetting } from './MailboxesSetting';
import { PageMapSetting } from './PageMapSetting';
import { PasswordSetting } from './PasswordSetting';
import { SupportBundle } from './SupportBundle';
import { OrganizationPolicies } from './OrganizationPolicies';
import { findAllowedCourts, findPolicyLock, findSharedMailbox, shownValue } from './policy-lock';
import '../accounts/fields.css';
import './SettingsScreen.css';
import { useInBackground } from '../state/background';

/** Where the Mailboxes section sends the user. */
export interface SettingsScreenProps {
  readonly onOpenInbox: () => void;
}

/** The Settings screen: the court, saving passwords, and where mailboxes are set; what the machine's policy decides is shown locked. */
export function SettingsScreen({ onOpenInbox }: SettingsScreenProps) {
  const inBackground = useInBackground();
  const status = useSettings((state) => state.status);
  const settings = useSettings((state) => state.settings);
  const managed = useSettings((state) => state.managed);
  const pageMap = useSettings((state) => state.pageMap);
  const announcement = useSettings((state) => state.announcement);
  const connect = useSettings((state) => state.connect);
  const load = useSettings((state) => state.load);
  const update = useSettings((state) => state.update);
  const court = useCourt((state) => state.status);
  const keychain = useAccounts((state) => state.keychain);
  const loadAccounts = useAccounts((state) => state.load);

  useEffect(() => connect(), [connect]);
  // The Passwords section says which keychain this computer has, which the accounts list reports.
  useEffect(() => inBackground('Loading the accounts', loadAccounts()), [inBackground, loadAccounts]);

  const renderSections = () => {
    if (settings === null) {
      if (status === 'failed') {
        return (
          <div className="screen__status">
            <p>Your settings cannot be shown right now.</p>
            <button type="button" className="button" onClick={() => inBackground('Loading the settings', load())}>
              Try again
            </button>
          </div>
        );
      }
      return <p className="screen__status">Loading settings…</p>;
    }
    const courtLock = findPolicyLock(managed, 'courtProfile');
    const passwordLock = findPolicyLock(managed, 'allowCredentialStorage');
    return (
      <div className="settings-screen__sections">
        <CourtSetting
          value={shownValue(settings, 'courtProfile', courtLock)}
          lock={courtLock}
          allowed={findAllowedCourts(managed)}
          court={court}
          onChange={(courtProfile) => inBackground('Saving the settings', update({ courtProfile }))}
        />
        <PageMapSetting
          inUse={pageMap}
          hasLoaded={(settings.pageMap ?? null) !== null}
          onLoad={(map) => inBackground('Saving the settings', update({ pageMap: map }))}
          onUseBuiltIn={() => inBackground('Saving the settings', update({ pageMap: null }))}
        />
        <PasswordSetting
          value={shownValue(settings, 'allowCredentialStorage', passwordLock)}
          lock={passwordLock}
          keychain={keychain}
          onChange={(allowCredentialStorage) => inBackground('Saving the settings', update({ allowCredentialStorage }))}
        />
        <MailboxesSetting shared={findSharedMailbox(managed)} onOpenInbox={onOpenInbox} />
        <FirmServerSetting />
        <OrganizationPolicies managed={managed} />
        <SupportBundle />
      </div>
    );
  };

  return (
    <section className="screen" data-testid="settings-screen" aria-labelledby="settings-heading">
      <div className="screen__toolbar">
        <div className="screen__heading">
          <h1 id="settings-heading" className="screen__title">
            Settings
          </h1>
          <p className="screen__summary">
            How ECF Desk works on this computer. A change is saved as soon as you make it.
          </p>
        </div>
      </div>
      {renderSections()}
      <LiveRegion message={announcement} />
    </section>
  );
}
