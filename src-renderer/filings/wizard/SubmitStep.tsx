import type { DraftReview } from '../../../src-main/shared/filing';
import { useAccounts, useFilings } from '../../state/StoresProvider';
import { OutboxStatusPanel } from './OutboxStatusPanel';
import { FilingRecordSection } from './FilingRecordSection';
import { canSign } from './SessionLine';
import type { StepNumber } from './wizard-steps';
import { useInBackground } from '../../state/background';

/** Step 7: file now or queue for when the court is reachable, once the rules, the signature and the session allow; then the outbox status. */
export function SubmitStep({
  review,
  onGoTo,
}: {
  readonly review: DraftReview;
  readonly onGoTo: (step: StepNumber) => void;
}) {
  const submit = useFilings((state) => state.submit);
  const retry = useFilings((state) => state.retry);
  const withdraw = useFilings((state) => state.withdraw);
  const sendLate = useFilings((state) => state.sendLate);
  const isSubmitting = useFilings((state) => state.isSubmitting);
  const inBackground = useInBackground();
  const session = useAccounts((state) => state.session);
  const { draft } = review;

  if (draft.outbox) {
    return (
      <div className="wizard-step">
        <OutboxStatusPanel
          draft={draft}
          outbox={draft.outbox}
          onRetry={() => inBackground('Sending the filing again', retry(draft.id))}
          onWithdraw={() => inBackground('Withdrawing the filing', withdraw(draft.id))}
          onSendLate={() => inBackground('Sending the filing', sendLate(draft.id))}
        />
        <FilingRecordSection draft={draft} />
      </div>
    );
  }

  const mayFile = canSign(session);
  const { signature } = draft;
  const signedByOther =
    signature !== null && session?.state === 'logged-in' && signature.accountId !== session.accountId;
  const waitingFor = [
    !review.canSubmit && 'The court’s rules still block this filing: see step 6, Review and sign.',
    !mayFile && 'The filing attorney must be logged in with a filer account (Accounts screen).',
    mayFile && signature === null && 'The filing attorney has not yet ticked “I sign this filing” on step 6.',
    mayFile &&
      signedByOther &&
      `Signed by ${signature.name}; log in as ${signature.loginId} to send it (FAQ 35: another login would be another signature).`,
  ].filter((reason): reason is string => typeof reason === 'string');
  const canSend = waitingFor.length === 0;

  return (
    <div className="wizard-step">
      {canSend ? (
        <p>
          Everything is in place. File now, or let the outbox send it once the court is reachable. Either way it counts
          as filed only when the court&apos;s notice arrives (FAQ 28).
        </p>
      ) : (
        <div className="wizard-step__note" data-testid="submit-waiting">
          <p>Not ready to submit yet:</p>
          <ul>
            {waitingFor.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
          <button type="button" className="button button--small" onClick={() => onGoTo(6)}>
            Go to step 6, Review and sign
          </button>
        </div>
      )}
      <div className="wizard-step__actions">
        <button
          type="button"
          className="button button--primary"
          data-testid="file-now"
          disabled={!canSend || isSubmitting}
          aria-busy={isSubmitting}
          onClick={() => inBackground('Sending the filing', submit(true))}
        >
          File now
        </button>
        <button
          type="button"
          className="button"
          data-testid="queue-filing"
          disabled={!canSend || isSubmitting}
          onClick={() => inBackground('Sending the filing', submit(false))}
        >
          Queue to send when the court is reachable
        </button>
      </div>
      <FilingRecordSection draft={draft} />
    </div>
  );
}
