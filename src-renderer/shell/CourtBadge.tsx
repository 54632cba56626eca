import { useId } from 'react';
import type { CourtStatus } from '../../src-main/shared/domain';
import { useCourt } from '../state/StoresProvider';
import './CourtBadge.css';

/** The word after the court's name; a ready court needs none on screen, but a screen reader still hears it. */
const stateWords: Readonly<Record<CourtStatus['state'], string>> = {
  starting: 'Starting…',
  ready: 'ready',
  unavailable: 'Not available',
  failed: 'Could not start',
};

/** The details behind the badge, one sentence each: where the court is and, when it is not ready, why. */
function describeDetails(status: CourtStatus): string[] {
  const details = [status.ecfUrl ? `Address: ${status.ecfUrl}` : 'Address: not known yet'];
  if (status.message) {
    details.push(status.message);
  }
  // The app cannot be tried against a real court's own training database, so filing there is a first run.
  if (status.isExperimental) {
    details.push('Experimental: ECF Desk has not been tested against this court.');
  }
  return details;
}

/** Ends a detail with a full stop unless it has one, so the details read as sentences one after another. */
function asSentence(detail: string): string {
  return /[.!?…]$/.test(detail) ? detail : `${detail}.`;
}

/** Which court the app talks to and whether it can reach it, so nobody files with the training court by mistake (or the other way round). */
export function CourtBadge() {
  const status = useCourt((state) => state.status);
  const labelId = useId();
  const detailsId = useId();
  if (!status) {
    return null;
  }
  const details = describeDetails(status);
  const isReady = status.state === 'ready';
  return (
    <span
      className="court-badge"
      role="status"
      aria-labelledby={labelId}
      aria-describedby={detailsId}
      data-state={status.state}
      data-testid="court-badge"
      title={[`Court: ${status.name}`, ...details].join('\n')}
    >
      <span className="court-badge__dot" aria-hidden="true" />
      {/* The summary lays out as flex items, so the spaces between them are for screen readers only. */}
      <span className="court-badge__summary" id={labelId}>
        <span className="visually-hidden">Court:</span> <span className="court-badge__name">{status.name}</span>
        <span className="visually-hidden">,</span>{' '}
        <span className={isReady ? 'visually-hidden' : 'court-badge__state'}>{stateWords[status.state]}</span>
        {status.isExperimental && (
          <>
            <span className="visually-hidden">,</span> <span className="court-badge__tag">Experimental</span>
          </>
        )}
      </span>
      <span className="visually-hidden" id={detailsId}>
        {details.map(asSentence).join(' ')}
      </span>
    </span>
  );
}
