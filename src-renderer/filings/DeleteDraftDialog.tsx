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

/**
 * Asks before deleting a filing, saying what it is and what goes with it. A draft loses only itself (its PDFs stay in
 * Documents). A filed filing stays on the court's docket, but the court's receipt and the filing's page here go: the
 * documents as sent with their SHA-256 and the check against the court's copy (FAQ 46); its filing record stays in
 * the database, where no screen shows it again (docs/architecture.md#the-filing-record). Cancel has focus, so Enter is safe.
 */
export function DeleteDraftDialog({ draft, fallbackFocus, onConfirm, onClose }: DeleteDraftDialogProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const questionId = useId();
  const isFiled = draft.outbox?.state === 'filed';
  const documentNumber = draft.outbox?.documentNumber ?? null;
  const name = `${caseNumberOf(draft)}, ${eventNameOf(draft)}${documentNumber === null ? '' : ` (document no. ${documentNumber})`}`;
  return (
    <Dialog
      title={isFiled ? 'Delete this filed filing?' : 'Delete this filing?'}
      role="alertdialog"
      testId="delete-draft-dialog"
      descriptionId={questionId}
      initialFocus={cancelRef}
      fallbackFocus={fallbackFocus}
      onClose={onClose}
    >
      {isFiled ? (
        <div id={questionId}>
          <p>
            ECF Desk removes the filed filing for {name}. It stays filed with the court: deleting it here changes
            nothing on the docket.
          </p>
          <p>
            What ECF Desk kept of it goes with it: the court’s receipt, and the documents as sent with their SHA-256,
            which prove what was filed (FAQ 46). Its filing record stays in ECF Desk’s database, but no screen shows it
            again. To keep them, save the court’s receipt and export the filing record (PDF) on the filing’s page first,
            and file both with the matter.
          </p>
          <p>Its PDFs stay on the Documents screen.</p>
        </div>
      ) : (
        <p id={questionId}>
          ECF Desk deletes the draft for {name}. Its PDFs stay on the Documents screen. Nothing is sent to the court.
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="button dialog__danger" data-testid="confirm-delete-draft" onClick={onConfirm}>
          {isFiled ? 'Delete from ECF Desk' : 'Delete filing'}
        </button>
        <button ref={cancelRef} type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
