import { findDocketEvent } from '../../../src-main/shared/cit-event-catalog';
import type { DraftReview } from '../../../src-main/shared/filing';
import { TextField } from '../../accounts/TextField';
import { useFilings } from '../../state/StoresProvider';
import { RuleCheckList, type GoToStep } from './RuleCheckList';
import { SignatureBlock } from './SignatureBlock';
import { SignersEditor } from './SignersEditor';
import { useDebouncedText } from './use-debounced-text';
import { useInBackground } from '../../state/background';

/** What the review needs besides the draft: where its links lead. */
export interface ReviewStepProps {
  readonly review: DraftReview;
  readonly onGoTo: GoToStep;
  readonly onOpenAccounts: () => void;
}

/** Step 6: what the court's rules say, the stipulation's signers, the hand-off to the attorney, and the attorney's signature. */
export function ReviewStep({ review, onGoTo, onOpenAccounts }: ReviewStepProps) {
  const update = useFilings((state) => state.update);
  const inBackground = useInBackground();
  const { draft } = review;
  const [preparedBy, setPreparedBy] = useDebouncedText(draft.preparedBy, (value) =>
    inBackground('Saving the filing', update({ preparedBy: value })),
  );
  const event = draft.eventId === null ? undefined : findDocketEvent(draft.eventId);

  return (
    <div className="wizard-step">
      <RuleCheckList checks={review.checks} onGoTo={onGoTo} />
      {(event?.isStipulation === true || draft.signers.length > 0) && (
        <SignersEditor
          signers={draft.signers}
          onChange={(signers) => inBackground('Saving the filing', update({ signers }))}
        />
      )}
      <section className="wizard-step__handoff" aria-label="Hand-off to the attorney">
        <TextField
          label="Prepared by"
          hint="Your name, so the attorney knows whom to ask."
          data-testid="prepared-by"
          maxLength={120}
          value={preparedBy}
          onChange={(change) => setPreparedBy(change.target.value)}
        />
        <label className="choice">
          <input
            type="checkbox"
            data-testid="ready-for-review"
            checked={draft.isReadyForReview}
            onChange={(change) =>
              inBackground('Saving the filing', update({ isReadyForReview: change.target.checked }))
            }
          />
          <span className="choice__text">
            <span>Ready for the attorney&apos;s review</span>
            <span className="choice__hint">Shows as “Ready for review” in the list of filings.</span>
          </span>
        </label>
      </section>
      <SignatureBlock review={review} onOpenAccounts={onOpenAccounts} />
    </div>
  );
}
