import { useRef, useState, type RefObject } from 'react';
import type { DocumentRecord } from '../../../src-main/shared/domain';
import { Dialog } from '../../accounts/Dialog';
import { summarizePreflight } from '../../format/describe-preflight';

/** What the picker needs: the documents not yet in the filing, and what choosing does. */
export interface ChooseDocumentsDialogProps {
  readonly documents: readonly DocumentRecord[];
  readonly fallbackFocus: RefObject<HTMLElement | null>;
  readonly onChoose: (documentIds: readonly string[]) => void;
  readonly onClose: () => void;
}

/** Picks PDFs already on the Documents screen for the filing, in the order they are ticked. */
export function ChooseDocumentsDialog({ documents, fallbackFocus, onChoose, onClose }: ChooseDocumentsDialogProps) {
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const usable = documents.filter((document) => document.problem === null);

  const toggle = (id: string, isChecked: boolean): void =>
    setChosen(isChecked ? [...chosen, id] : chosen.filter((each) => each !== id));

  return (
    <Dialog
      title="Choose from Documents"
      testId="choose-documents-dialog"
      fallbackFocus={fallbackFocus}
      onClose={onClose}
    >
      {usable.length === 0 ? (
        <p>
          Every PDF on the Documents screen is already in this filing, or there are none yet. Use Add PDFs… to add new
          ones.
        </p>
      ) : (
        <fieldset className="choices">
          <legend className="choices__legend">PDFs on the Documents screen</legend>
          {usable.map((document) => (
            <label key={document.id} className="choice" data-testid="document-option" data-document-id={document.id}>
              <input
                type="checkbox"
                checked={chosen.includes(document.id)}
                onChange={(event) => toggle(document.id, event.target.checked)}
              />
              <span className="choice__text">
                <span>{document.name}</span>
                <span className="choice__hint">{summarizePreflight(document.preflight).label}</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      <div className="dialog__actions">
        <button
          type="button"
          className="button button--primary"
          data-testid="add-chosen-documents"
          disabled={chosen.length === 0}
          onClick={() => onChoose(chosen)}
        >
          Add to the filing
        </button>
        <button ref={cancelRef} type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
