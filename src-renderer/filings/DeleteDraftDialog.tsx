import { useId, useRef, type RefObject } from 'react';
import type { Draft } from '../../src-main/shared/filing';
import { Dialog } from '../accounts/Dialog';
import { caseNumberOf, eventNameOf } from './describe-draft';

/** What the deletion question needs: the draft and the two answers. */
export interface DeleteDraftDialogProps {
  readonly draft: Draft;
  readonly fallbackFocus: RefObject<HTMLElement | null>;
  readonly onConfirm: () => void;
  readonly onClose: () => void;
}

/** Asks before deleting a draft, saying that its PDFs stay in Documents. Cancel has focus, so Enter is safe. */
export function DeleteDraftDialog({ draft, fallbackFocus, onConfirm, onClose }: DeleteDraftDialogProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const questionId = useId();
  return (
    <Dialog
      title="Delete this filing?"
      role="alertdialog"
      testId="delete-draft-dialog"
      descriptionId={questionId}
      initialFocus={cancelRef}
      fallbackFocus={fallbackFocus}
      onClose={onClose}
    >
      <p id={questionId}>
        ECF Desk deletes the draft for {caseNumberOf(draft)}, {eventNameOf(draft)}. Its PDFs stay on the Documents
        screen. Nothing is sent to the court.
      </p>
      <div className="dialog__actions">
        <button type="button" className="button dialog__danger" data-testid="confirm-delete-draft" onClick={onConfirm}>
          Delete filing
        </button>
        <button ref={cancelRef} type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
