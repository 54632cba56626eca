import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { DocumentRecord } from '../../../src-main/shared/domain';
import type { DocumentsChange } from '../../../src-main/shared/arrange-documents';
import type { Draft, DraftDocument } from '../../../src-main/shared/filing';
import { useFileDrop } from '../../documents/use-file-drop';
import { useShownDocuments } from '../../documents/use-shown-documents';
import { useDocuments, useFilings } from '../../state/StoresProvider';
import { FileButton } from '../FileButton';
import { ChooseDocumentsDialog } from './ChooseDocumentsDialog';
import { isPdfFile } from './describe-document-type';
import { DraftDocumentRow } from './DraftDocumentRow';
import { ServiceByOtherMeans } from './ServiceByOtherMeans';
import '../../documents/DocumentTable.css';
import '../../documents/UndoToast.css';
import { useInBackground } from '../../state/background';

/** The drag of a row within the list, by its data type (files dragged from the desktop carry "Files" instead). */
const rowDragType = 'application/x-ecf-desk-document-index';

/**
 * Step 4: the main document first, then the attachments in docket order; each with its type, description and check,
 * and its findings with their fixes in its row.
 */
export function DocumentsStep({
  draft,
  onOpenDocument,
  openFindingsOf = [],
}: {
  readonly draft: Draft;
  readonly onOpenDocument: (documentId: string) => void;
  /** The documents whose findings open at once: the review's link leads to them. */
  readonly openFindingsOf?: readonly string[];
}) {
  const arrangeDocuments = useFilings((state) => state.arrangeDocuments);
  const addPdfs = useFilings((state) => state.addPdfs);
  const records = useShownDocuments();
  const jobs = useDocuments((state) => state.jobs);
  const checkProgress = useDocuments((state) => state.checkProgress);
  const checkAgain = useDocuments((state) => state.checkAgain);
  const cancelCheck = useDocuments((state) => state.cancelCheck);
  const fixDocument = useDocuments((state) => state.fix);
  const cancelFix = useDocuments((state) => state.cancelFix);
  const undoFix = useDocuments((state) => state.undoFix);
  const readContent = useDocuments((state) => state.readContent);
  const inBackground = useInBackground();
  const [refused, setRefused] = useState<readonly string[]>([]);
  const [isChoosing, setChoosing] = useState(false);
  // The documents fixed from this step: the version that replaces one opens with its findings, showing what the fix did.
  const [fixedHere, setFixedHere] = useState<readonly string[]>([]);
  /** The control to focus once a document has moved: its row is put back in the list, and focus must not drop to the page. */
  const [focusAfterMove, setFocusAfterMove] = useState<{
    readonly documentId: string;
    /** The first control found and enabled takes focus. */
    readonly controls: readonly string[];
  } | null>(null);
  /** The document last taken out of the filing and its place, offered back with Undo until the next removal. */
  const [removed, setRemoved] = useState<{ readonly document: DraftDocument; readonly index: number } | null>(null);
  const undoRemoveRef = useRef<HTMLButtonElement>(null);
  const adding = jobs.filter((job) => job.draftId === draft.id);
  const listRef = useRef<HTMLOListElement>(null);
  const chooseRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // Led here from the review: bring the first document it named into view, its findings open.
    const first = openFindingsOf[0];
    const row = Array.from(listRef.current?.querySelectorAll<HTMLElement>('[data-document-id]') ?? []).find(
      (each) => each.dataset.documentId === first,
    );
    row?.scrollIntoView?.({ block: 'start' });
  }, [openFindingsOf]);

  useEffect(() => {
    if (!focusAfterMove) {
      return;
    }
    const rows = Array.from(listRef.current?.querySelectorAll<HTMLElement>('[data-document-id]') ?? []);
    const row = rows.find((each) => each.dataset.documentId === focusAfterMove.documentId);
    const controls = focusAfterMove.controls.map((selector) =>
      row?.querySelector<HTMLButtonElement | HTMLSelectElement>(selector),
    );
    controls.find((control) => control && !control.disabled)?.focus();
  }, [focusAfterMove, draft.documents]);

  // After a removal focus goes to Undo: the Remove button is gone, and the next row's Remove must not take its place,
  // where a second press of Enter would take out another document.
  useEffect(() => undoRemoveRef.current?.focus(), [removed]);

  const arrange = (change: DocumentsChange): void => inBackground('Saving the filing', arrangeDocuments(change));
  const remove = (index: number): void => {
    const document = draft.documents[index];
    if (!document) {
      return;
    }
    arrange({ kind: 'remove', documentId: document.documentId });
    setRemoved({ document, index });
  };
  const undoRemove = (): void => {
    if (!removed) {
      return;
    }
    const { document, index } = removed;
    arrange({ kind: 'restore', document, index });
    setRemoved(null);
    setFocusAfterMove({ documentId: document.documentId, controls: ['[data-testid="document-type"]'] });
  };
  const removedName = removed
    ? (records.find((record) => record.id === removed.document.documentId)?.name ?? 'The PDF')
    : '';

  const addFiles = (files: readonly File[]): void => {
    // FAQ 29: the court takes PDF only, so anything else is turned away here with its name.
    setRefused(files.filter((file) => !isPdfFile(file)).map((file) => file.name));
    const pdfs = files.filter(isPdfFile);
    if (pdfs.length > 0) {
      inBackground('Adding the PDFs', addPdfs(pdfs));
    }
  };
  const { isDraggingFiles, dropTargetHandlers } = useFileDrop(addFiles);

  const move = (from: number, to: number): void => {
    const moved = draft.documents[from];
    if (!moved || to < 0 || to >= draft.documents.length) {
      return;
    }
    arrange({ kind: 'move', documentId: moved.documentId, to });
    setFocusAfterMove({
      documentId: moved.documentId,
      controls: [`[data-move="${to < from ? 'up' : 'down'}"]`, '[data-move]:not([disabled])'],
    });
  };
  const changeType = (index: number, type: DraftDocument['type']): void => {
    const changed = draft.documents[index];
    if (!changed) {
      return;
    }
    arrange({ kind: 'type', documentId: changed.documentId, type });
    setFocusAfterMove({ documentId: changed.documentId, controls: ['[data-testid="document-type"]'] });
  };
  const dropRow = (event: DragEvent, to: number): void => {
    const from = Number(event.dataTransfer.getData(rowDragType));
    if (!event.dataTransfer.types.includes(rowDragType) || Number.isNaN(from)) {
      return;
    }
    event.preventDefault();
    move(from, to);
  };
  const undoFixInFiling = async (version: DocumentRecord): Promise<void> => {
    const originalId = version.fixedFrom?.fromId;
    // The fix's versions as listed before the undo, when they still are.
    const versionIds = records.filter((record) => record.fixedFrom?.fromId === originalId).map((record) => record.id);
    await undoFix(version.id);
    // Should the undo have failed, main moves the filing from the original to its versions again, as after any fix.
    if (originalId !== undefined && versionIds.length > 0) {
      await arrangeDocuments({ kind: 'undo-fix', versionIds, originalId });
    }
  };
  const chooseExisting = (ids: readonly string[]): void => {
    setChoosing(false);
    if (ids.length > 0) {
      arrange({ kind: 'attach', documentIds: [...ids] });
    }
  };

  return (
    <div
      className={`wizard-step draft-documents${isDraggingFiles ? ' draft-documents--dragging' : ''}`}
      data-testid="documents-step"
      {...dropTargetHandlers}
    >
      <p className="wizard-step__muted">
        The first PDF is the main document; the others are attachments, listed on the docket in this order with their
        descriptions. PDF only (FAQ 29). Drag PDFs here, or drag a row to move it.
      </p>
      {draft.documents.length === 0 ? (
        <p className="wizard-step__empty" data-testid="documents-empty">
          No PDFs in this filing yet. Add the main document first, then its attachments.
        </p>
      ) : (
        <ol ref={listRef} className="draft-documents__list" aria-label="Documents of the filing">
          {draft.documents.map((document, index) => {
            const record = records.find((each) => each.id === document.documentId);
            return (
              <DraftDocumentRow
                key={document.documentId}
                document={document}
                record={record}
                progress={checkProgress[document.documentId]}
                index={index}
                count={draft.documents.length}
                onDescribe={(description) =>
                  arrange({ kind: 'describe', documentId: document.documentId, description })
                }
                onChangeType={(type) => changeType(index, type)}
                onMove={(to) => move(index, to)}
                onRemove={() => remove(index)}
                onOpenDocument={() => onOpenDocument(document.documentId)}
                isFindingsOpenAtFirst={
                  openFindingsOf.includes(document.documentId) || fixedHere.includes(record?.fixedFrom?.fromId ?? '')
                }
                actions={{
                  onFix: (fix, dropAnnotations) => {
                    setFixedHere((ids) => [...ids, document.documentId]);
                    inBackground('Fixing the document', fixDocument(document.documentId, fix, dropAnnotations));
                  },
                  onCancelFix: () => inBackground('Stopping the fix', cancelFix(document.documentId)),
                  onUndoFix: () => record && inBackground('Undoing the fix', undoFixInFiling(record)),
                  readContent,
                  onCheckAgain: () => inBackground('Checking the document', checkAgain(document.documentId)),
                  onCancelCheck: () => inBackground('Stopping the check', cancelCheck(document.documentId)),
                }}
                onDragStart={(event) => {
                  event.dataTransfer.setData(rowDragType, String(index));
                  event.dataTransfer.effectAllowed = 'move';
                }}
                onDrop={(event) => dropRow(event, index)}
              />
            );
          })}
        </ol>
      )}
      {removed && (
        <div className="undo-toast draft-documents__removed" role="status" data-testid="removed-from-filing">
          <span className="undo-toast__text">
            Took {removedName} out of this filing. It stays on the Documents screen.
          </span>
          <button ref={undoRemoveRef} type="button" className="undo-toast__undo" onClick={undoRemove}>
            Undo
          </button>
        </div>
      )}
      {adding.length > 0 && (
        <ul className="draft-documents__adding" aria-label="PDFs being added">
          {adding.map((job) => (
            <li key={job.jobId} className="draft-documents__adding-row" data-testid="adding-pdf">
              <span>Adding {job.name}…</span>
              <progress className="progress-bar" max={1} value={job.fraction} aria-label={`Adding ${job.name}`} />
            </li>
          ))}
        </ul>
      )}
      {refused.length > 0 && (
        <p className="wizard-step__problem" role="alert" data-testid="refused-files">
          Not added: {refused.join(', ')}. CM/ECF accepts PDF documents only (FAQ 29); save or print the file as PDF and
          add that.
        </p>
      )}
      <div className="wizard-step__actions">
        <FileButton accept="application/pdf,.pdf" multiple isPrimary testId="add-pdfs" onFiles={addFiles}>
          Add PDFs…
        </FileButton>
        <button
          ref={chooseRef}
          type="button"
          className="button"
          data-testid="choose-from-documents"
          onClick={() => setChoosing(true)}
        >
          Choose from Documents…
        </button>
      </div>
      <ServiceByOtherMeans draft={draft} />
      {isChoosing && (
        <ChooseDocumentsDialog
          documents={records.filter((record) => !draft.documents.some((document) => document.documentId === record.id))}
          fallbackFocus={chooseRef}
          onChoose={chooseExisting}
          onClose={() => setChoosing(false)}
        />
      )}
    </div>
  );
}
