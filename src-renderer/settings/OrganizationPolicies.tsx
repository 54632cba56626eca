import { useId } from 'react';
import type { ManagedSetting } from '../../src-main/shared/domain';
import { isPolicyKey, policySpec, type PolicyKey } from '../../src-main/shared/policy-catalog';
import { ManagedBadge } from './ManagedBadge';
import { sharedMailboxKeys } from './policy-lock';

/** Policy keys the sections above show where they apply (a locked or restricted choice, the page map, the shared mailbox). */
const shownInTheirSections: ReadonlySet<string> = new Set([
  'courtProfile',
  'allowCredentialStorage',
  'allowedCourtProfiles',
  'pageMapFile',
  ...sharedMailboxKeys,
]);

/** The words for the values of the keys whose raw values mean little to a user. */
const valueWords: Partial<Record<PolicyKey, Readonly<Record<string, string>>>> = {
  updateMode: {
    none: 'Off: your IT department installs new versions',
    manual: 'You choose when to install an update',
    auto: 'Automatic: an update installs when ECF Desk restarts',
  },
  logLevel: {
    error: 'Errors only',
    warn: 'Warnings and errors',
    info: 'Normal',
    debug: 'Detailed, for troubleshooting',
  },
};

/** A managed value in plain words, as the catalog describes the key. */
export function describePolicyValue(key: PolicyKey, value: unknown): string {
  const spec = policySpec(key);
  if (key === 'noticeRetentionDays' && typeof value === 'number') {
    return value === 0
      ? 'Every notice is kept'
      : `Read notices are removed ${value} day${value === 1 ? '' : 's'} after they arrive, unless a deadline in them is still to come`;
  }
  if (key === 'updateUrl' && value === '') {
    return "The publisher's own server";
  }
  const words = valueWords[key]?.[String(value)];
  if (words !== undefined) {
    return words;
  }
  if (spec.type === 'boolean') {
    return value === true ? 'On' : 'Off';
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? 'None' : value.map(String).join(', ');
  }
  return String(value);
}

/** What the section needs: the settings the machine's policy decides. */
export interface OrganizationPoliciesProps {
  readonly managed: readonly ManagedSetting[];
}

/**
 * "Also set by your organization": every other policy in force (updates, retention, log detail, links), read-only, with where it was set, so the user knows what IT decided and whom to ask. Hidden when none.
 */
export function OrganizationPolicies({ managed }: OrganizationPoliciesProps) {
  const headingId = useId();
  const badgeId = useId();
  const shown = managed.flatMap((setting) =>
    isPolicyKey(setting.key) && !shownInTheirSections.has(setting.key) ? [{ ...setting, key: setting.key }] : [],
  );
  if (shown.length === 0) {
    return null;
  }
  const sources = [...new Set(shown.map((setting) => setting.source))];

  return (
    <section className="settings-section" aria-labelledby={headingId} data-testid="organization-policies">
      <h2 id={headingId} className="settings-section__title">
        Also set by your organization
      </h2>
      <ManagedBadge id={badgeId} settingKey="other" source={sources.join('; ')} />
      <dl className="policy-list" aria-describedby={badgeId}>
        {shown.map((setting) => (
          <div key={setting.key} className="policy-list__row" data-testid="organization-policy" data-key={setting.key}>
            <dt className="policy-list__title">{policySpec(setting.key).title}</dt>
            <dd className="policy-list__value">{describePolicyValue(setting.key, setting.value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
