import type { DraftReview } from '../../../src-main/shared/filing';
import { useAccounts, useFilings } from '../../state/StoresProvider';
import { OutboxStatusPanel } from './OutboxStatusPanel';
import { FilingRecordSection } from './FilingRecordSection';
import { canSign } from './SessionLine';
import { SigningPage } from './SigningPage';
import { useFiler } from './use-filer';
import type { StepNumber } from './wizard-steps';
import { useInBackground } from '../../state/background';

/**
 * Step 7: the signing page — what is filed, for whom, how it is served, the docket text and who signs — with one
 * control that signs (FAQ 35) and files; then the outbox status.
 */
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
  const confirmDocketText = useFilings((state) => state.confirmDocketText);
  const isSubmitting = useFilings((state) => state.isSubmitting);
  const inBackground = useInBackground();
  const session = useAccounts((state) => state.session);
  const filer = useFiler(review.draft);
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
          onConfirmDocketText={(text) => inBackground('Confirming the docket text', confirmDocketText(draft.id, text))}
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
    mayFile &&
      signature === null &&
      filer?.name.trim() === '' &&
      'Your account has no name for the “/s/” signature: give it on step 6, Review and sign, or on the Accounts screen.',
    mayFile &&
      signedByOther &&
      `Signed by ${signature.name}; log in as ${signature.loginId} to send it (FAQ 35: another login would be another signature).`,
  ].filter((reason): reason is string => typeof reason === 'string');

  return (
    <>
      <SigningPage
        review={review}
        filer={filer}
        waitingFor={waitingFor}
        isSubmitting={isSubmitting}
        onGoToReview={() => onGoTo(6)}
        onConfirm={() =>
          inBackground(
            'Sending the filing',
            submit(true, signature === null && filer !== null ? { name: filer.name, role: filer.role } : undefined),
          )
        }
      />
      <FilingRecordSection draft={draft} />
    </>
  );
}
