import { useEffect, useRef, useState } from 'react';
import type { DraftReview } from '../../../src-main/shared/filing';
import { useDocuments, useFilings } from '../../state/StoresProvider';
import { caseNumberOf, eventNameOf } from '../describe-draft';
import { StatusChip } from '../StatusChip';
import { CaseStep } from './CaseStep';
import { DocumentsStep } from './DocumentsStep';
import { EventStep } from './EventStep';
import { PartiesStep } from './PartiesStep';
import { RelatedStep } from './RelatedStep';
import { ReviewStep } from './ReviewStep';
import { SaveIndicator } from './SaveIndicator';
import { StepList } from './StepList';
import { SubmitStep } from './SubmitStep';
import { goToStepIn, readWizardProgress, saveWizardProgress } from './wizard-progress';
import { wizardSteps, type StepNumber } from './wizard-steps';
import './Wizard.css';
import './wizard-step.css';
import './DocumentsStep.css';
import './ReviewStep.css';

/** Where the wizard leads to other screens. */
export interface WizardProps {
  readonly onOpenDocument: (documentId: string) => void;
  readonly onOpenAccounts: () => void;
}

/** Why a draft in the outbox cannot change, or null while it is still a draft. */
function describeLock(review: DraftReview): string | null {
  const state = review.draft.outbox?.state;
  if (state === undefined) {
    return null;
  }
  if (state === 'filed') {
    return 'This filing is on the docket. It can no longer change.';
  }
  if (state === 'ready' || state === 'failed') {
    return 'This filing is in the outbox. To change it, withdraw it on the Submit step; it becomes a draft again.';
  }
  return 'This filing has gone to the court, so it can no longer change.';
}

/** One draft, step by step: the step list on the left, the step on the right, Back and Next below. Every change is saved at once. */
export function Wizard({ onOpenDocument, onOpenAccounts }: WizardProps) {
  const review = useFilings((state) => state.open);
  const saveState = useFilings((state) => state.saveState);
  const close = useFilings((state) => state.close);
  const draftId = review?.draft.id ?? '';
  // A draft opens where the paralegal left it; one never opened yet at its first step, or at Submit once in the outbox.
  const [progress, setProgress] = useState(() => readWizardProgress(draftId, review?.draft.outbox ? 7 : 1));
  const { step } = progress;
  // The documents whose findings the review's link asked to open on the Documents step.
  const [openFindingsOf, setOpenFindingsOf] = useState<readonly string[]>([]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const connectDocuments = useDocuments((state) => state.connect);

  // Every step may name the draft's documents (the review and the signature list them by name and pages): the list is
  // read, and followed, while the wizard is open, whichever step it opened at (a draft taken from the firm server or a
  // hand-off file opens with documents this window has not read yet).
  useEffect(() => connectDocuments(), [connectDocuments]);
  useEffect(() => saveWizardProgress(draftId, progress), [draftId, progress]);

  useEffect(() => {
    // On opening, and after Back, Next or a step chosen in the list, focus goes to the step's heading, as on a new
    // page: the button that opened the draft is gone, and focus must not drop to the page's body.
    headingRef.current?.focus();
  }, [step]);

  if (!review) {
    return null;
  }
  const { draft } = review;
  const title = wizardSteps[step - 1]?.title ?? '';
  const lock = describeLock(review);

  const goTo = (next: StepNumber, documentIds: readonly string[] = []): void => {
    setOpenFindingsOf(documentIds);
    setProgress((current) => goToStepIn(current, next));
  };

  const renderStep = () => {
    switch (step) {
      case 1:
        return <CaseStep draft={draft} onOpenAccounts={onOpenAccounts} />;
      case 2:
        return <EventStep draft={draft} />;
      case 3:
        return <PartiesStep draft={draft} onGoToCase={() => goTo(1)} />;
      case 4:
        return <DocumentsStep draft={draft} onOpenDocument={onOpenDocument} openFindingsOf={openFindingsOf} />;
      case 5:
        return <RelatedStep draft={draft} />;
      case 6:
        return <ReviewStep review={review} onGoTo={goTo} onOpenAccounts={onOpenAccounts} />;
      case 7:
        return <SubmitStep review={review} onGoTo={goTo} />;
    }
  };

  return (
    <div className="wizard" data-testid="wizard" data-draft-id={draft.id}>
      <div className="wizard__header">
        <button type="button" className="button button--quiet" data-testid="back-to-list" onClick={close}>
          ← All filings
        </button>
        <h2 className="wizard__draft-title">
          {caseNumberOf(draft)} · {eventNameOf(draft)}
          {draft.package && (
            <span className="wizard__package">
              {' '}
              · Step {draft.package.step} of {draft.package.of} of the Motion to Intervene package
            </span>
          )}
        </h2>
        <StatusChip draft={draft} />
        <SaveIndicator state={saveState} />
      </div>
      <div className="wizard__body">
        <StepList review={review} current={step} visited={progress.visited} onChoose={goTo} />
        <div className="wizard__content">
          <h3 ref={headingRef} className="wizard__step-title" tabIndex={-1} data-testid="wizard-step-title">
            {step}. {title}
          </h3>
          {lock && step !== 7 && (
            <p className="wizard__lock" data-testid="wizard-lock">
              {lock}
            </p>
          )}
          {step === 7 ? (
            renderStep()
          ) : (
            <fieldset className="wizard__fieldset" disabled={lock !== null}>
              <legend className="visually-hidden">{title}</legend>
              {renderStep()}
            </fieldset>
          )}
          <div className="wizard__navigation">
            {step > 1 && (
              <button
                type="button"
                className="button"
                data-testid="wizard-back"
                onClick={() => goTo((step - 1) as StepNumber)}
              >
                Back
              </button>
            )}
            {step < 7 && (
              <button
                type="button"
                className="button button--primary"
                data-testid="wizard-next"
                onClick={() => goTo((step + 1) as StepNumber)}
              >
                Next: {wizardSteps.find((each) => each.number === step + 1)?.title}
              </button>
            )}
          </div>
        </div>
      </div>
    </div>
  );
}
