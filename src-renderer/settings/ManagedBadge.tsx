import { Icon } from '../components/Icon';

/** What the badge needs: the setting's key (for tests and styles), where the policy was read, and an id to be described by. */
export interface ManagedBadgeProps {
  readonly id: string;
  readonly settingKey: string;
  readonly source: string;
}

/** Says that the machine's policy decides a setting, and where that policy lives, so the user knows whom to ask. */
export function ManagedBadge({ id, settingKey, source }: ManagedBadgeProps) {
  return (
    <div id={id} className="managed-badge" data-testid="managed-badge" data-key={settingKey}>
      <Icon name="lock" className="icon managed-badge__icon" />
      <p className="managed-badge__text">
        <span className="managed-badge__title">Managed by your organization</span>{' '}
        <span className="managed-badge__source">
          Set in <span className="managed-badge__path">{source}</span>
        </span>
      </p>
    </div>
  );
}
