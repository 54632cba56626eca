import { useId } from 'react';
import type { CourtProfileId, CourtStatus } from '../../src-main/shared/domain';
import { ManagedBadge } from './ManagedBadge';
import type { PolicyLock } from './policy-lock';

/** The courts ECF Desk can work with, as the radio buttons name them. */
const courtChoices: readonly { readonly id: CourtProfileId; readonly label: string; readonly note: string | null }[] = [
  {
    id: 'cit-training',
    label: 'CIT — training (local)',
    note: '(filing is tested end to end against it: its screens follow CM/ECF where known, the rest as the courts’ manuals describe them)',
  },
  {
    id: 'cit',
    label: 'CIT — U.S. Court of International Trade',
    note: '(experimental, not tested against the live court: filing with the real court is not available in this version)',
  },
];

/** What the Court section needs: the profile shown, the policy's lock if any, the court in use, and what choosing another does. */
export interface CourtSettingProps {
  readonly value: CourtProfileId;
  readonly lock: PolicyLock<'courtProfile'> | null;
  /** The courts the machine's policy lets users choose, and where it says so; null when any may be chosen. */
  readonly allowed: { readonly courts: readonly CourtProfileId[]; readonly source: string } | null;
  readonly court: CourtStatus | null;
  readonly onChange: (profile: CourtProfileId) => void;
}

/** "In use now: CIT — training (local)", with why the court cannot be reached when it cannot. */
function describeCourtInUse(court: CourtStatus): string {
  const inUse = `In use now: ${court.name}.`;
  return court.message && (court.state === 'failed' || court.state === 'unavailable')
    ? `${inUse} ${court.message}`
    : inUse;
}

/** The Court section: which court ECF Desk files with, locked when the machine's policy chooses it. */
export function CourtSetting({ value, lock, allowed, court, onChange }: CourtSettingProps) {
  const headingId = useId();
  const badgeId = useId();
  const groupName = useId();
  // A one-court list leaves nothing to choose; a court off the list cannot be chosen.
  const isChoosable = (id: CourtProfileId): boolean =>
    allowed === null || (allowed.courts.length > 1 && allowed.courts.includes(id));

  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="settings-section__title">
        Court
      </h2>
      <fieldset
        className="choices"
        data-testid="setting-court-profile"
        disabled={lock !== null}
        aria-describedby={lock || allowed ? badgeId : undefined}
      >
        <legend className="choices__legend">The court ECF Desk logs in to and files with</legend>
        {lock && <ManagedBadge id={badgeId} settingKey={lock.key} source={lock.source} />}
        {!lock && allowed && <ManagedBadge id={badgeId} settingKey="allowedCourtProfiles" source={allowed.source} />}
        {courtChoices.map((choice) => (
          <label key={choice.id} className="choice settings-section__choice">
            <input
              type="radio"
              name={groupName}
              value={choice.id}
              checked={value === choice.id}
              disabled={!isChoosable(choice.id)}
              onChange={() => isChoosable(choice.id) && onChange(choice.id)}
            />
            <span className="choice__text">
              <span>{choice.label}</span>
              {choice.note && (
                <>
                  {' '}
                  <span className="choice__hint">{choice.note}</span>
                </>
              )}
            </span>
          </label>
        ))}
      </fieldset>
      {court && (
        <p className="settings-section__note" data-testid="court-in-use">
          {describeCourtInUse(court)}
        </p>
      )}
    </section>
  );
}
