import { useId, useState, type DragEvent } from 'react';
import type { DocumentRecord } from '../../../src-main/shared/domain';
import { documentType, type DraftDocument } from '../../../src-main/shared/filing';
import type { PreflightProgress } from '../../../src-main/shared/preflight';
import { DocumentStatus } from '../../documents/DocumentStatus';
import { FindingsDetails, type FindingsActions } from '../../documents/FindingsPanel';
import { titleOfFinding } from '../../format/describe-preflight';
import { descriptionExamples, documentTypeLabels } from './describe-document-type';
import { useDebouncedText } from './use-debounced-text';

/** What a document row needs: its place, its record in the document store (if still there), and what its controls do. */
export interface DraftDocumentRowProps {
  readonly document: DraftDocument;
  readonly record: DocumentRecord | undefined;
  readonly progress: PreflightProgress | undefined;
  readonly index: number;
  readonly count: number;
  /** Saves the description typed (only it, so two quick edits never undo each other). */
  readonly onDescribe: (description: string) => void;
  /** Gives the document another type; "Main document" takes it to the top (src-main/shared/arrange-documents.ts). */
  readonly onChangeType: (type: DraftDocument['type']) => void;
  readonly onMove: (to: number) => void;
  readonly onRemove: () => void;
  readonly onOpenDocument: () => void;
  /** Whether its findings open at once (the review's link to them); a document the court would refuse opens anyway. */
  readonly isFindingsOpenAtFirst: boolean;
  /**
   * What its findings and status do: a fix makes a version the filing then uses in place of this one, and undoing it
   * brings the original back into the filing.
   */
  readonly actions: FindingsActions;
  readonly onDragStart: (event: DragEvent) => void;
  readonly onDrop: (event: DragEvent) => void;
}

/** The reasons the court would refuse a document, by title, so the paralegal knows what to fix before opening it. */
function blockingTitles(record: DocumentRecord): string[] {
  if (record.preflight.state !== 'done' || record.preflight.report.verdict !== 'block') {
    return [];
  }
  return [
    ...new Set(
      record.preflight.report.findings
        .filter((finding) => finding.severity === 'block')
        .map((finding) => titleOfFinding(finding.code)),
    ),
  ];
}

/** Whether the row has findings to open: a finished check that found something, a fix under way, or what a fix did. */
function hasFindings(record: DocumentRecord): boolean {
  return (
    record.fixing !== null ||
    record.fixedFrom !== null ||
    (record.preflight.state === 'done' && record.preflight.report.findings.length > 0)
  );
}

/** One PDF of the filing: its place (main document or attachment N), type, description, check status, and move and remove buttons. */
export function DraftDocumentRow({
  document,
  record,
  progress,
  index,
  count,
  onDescribe,
  onChangeType,
  onMove,
  onRemove,
  onOpenDocument,
  isFindingsOpenAtFirst,
  actions,
  onDragStart,
  onDrop,
}: DraftDocumentRowProps) {
  const [description, setDescription] = useDebouncedText(document.description, onDescribe);
  const name = record?.name ?? 'A document no longer in Documents';
  // The label follows the type as well as the place: a first document typed otherwise is not the main document, and the
  // review says so; saying "Main document" here would contradict it.
  const place = index > 0 ? `Attachment ${index}` : document.type === 'main' ? 'Main document' : 'No main document yet';
  const blocked = record ? blockingTitles(record) : [];
  // Until the user opens or closes them, the findings are open where the review led here or the court would refuse it.
  const [isOpenChosen, setOpenChosen] = useState<boolean | null>(null);
  const canOpen = record !== undefined && hasFindings(record);
  const isOpen = canOpen && (isOpenChosen ?? (isFindingsOpenAtFirst || blocked.length > 0));
  const findingsId = useId();
  const descriptionId = `draft-document-${document.documentId}-description`;
  const typeId = `draft-document-${document.documentId}-type`;

  return (
    <li
      className="draft-document"
      data-testid="document-row"
      data-document-id={document.documentId}
      data-document-name={record?.name}
      draggable
      onDragStart={onDragStart}
      onDragOver={(event) => {
        if (!Array.from(event.dataTransfer.types).includes('Files')) {
          event.preventDefault();
        }
      }}
      onDrop={onDrop}
    >
      <div className="draft-document__head">
        <span className="draft-document__handle" aria-hidden="true" title="Drag to reorder">
          ⋮⋮
        </span>
        <span className="draft-document__place" data-testid="document-place">
          {place}
        </span>
        <span className="draft-document__name">{name}</span>
        <span className="draft-document__tools">
          <button
            type="button"
            className="button button--small"
            data-move="up"
            title="Move up"
            disabled={index === 0}
            onClick={() => onMove(index - 1)}
          >
            <span aria-hidden="true">↑</span>
            <span className="visually-hidden">Move {name} up</span>
          </button>
          <button
            type="button"
            className="button button--small"
            data-move="down"
            title="Move down"
            disabled={index === count - 1}
            onClick={() => onMove(index + 1)}
          >
            <span aria-hidden="true">↓</span>
            <span className="visually-hidden">Move {name} down</span>
          </button>
          <button
            type="button"
            className="button button--quiet button--small"
            data-testid="remove-document"
            onClick={onRemove}
          >
            Remove<span className="visually-hidden"> {name} from the filing</span>
          </button>
        </span>
      </div>
      <div className="draft-document__fields">
        <div className="field draft-document__type">
          <label className="field__label" htmlFor={typeId}>
            Type
          </label>
          <select
            id={typeId}
            className="field__input"
            data-testid="document-type"
            value={document.type}
            onChange={(event) => onChangeType(documentType.parse(event.target.value))}
          >
            {documentType.options.map((type) => (
              <option key={type} value={type}>
                {documentTypeLabels[type]}
              </option>
            ))}
          </select>
        </div>
        <div className="field draft-document__description">
          <label className="field__label" htmlFor={descriptionId}>
            Description on the docket
          </label>
          <input
            id={descriptionId}
            className="field__input"
            data-testid="document-description"
            maxLength={120}
            placeholder={descriptionExamples[document.type]}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
          />
        </div>
        <div className="draft-document__status">
          {record ? (
            <DocumentStatus
              document={record}
              progress={progress}
              onCheckAgain={actions.onCheckAgain}
              onCancelCheck={actions.onCancelCheck}
            />
          ) : (
            <span className="document-status document-status--failed">
              It was removed from Documents. Remove it here, or add the PDF again.
            </span>
          )}
        </div>
      </div>
      {blocked.length > 0 && (
        <div className="draft-document__blocked" data-testid="document-blocked">
          <p>The court would reject this PDF: {blocked.join('; ')}.</p>
        </div>
      )}
      {canOpen && (
        <div className="draft-document__findings-toggle">
          <button
            type="button"
            className="button button--small"
            data-testid="toggle-findings"
            aria-expanded={isOpen}
            aria-controls={findingsId}
            onClick={() => setOpenChosen(!isOpen)}
          >
            {isOpen ? 'Hide the findings' : 'Show the findings'}
            <span className="visually-hidden"> of {name}</span>
          </button>
        </div>
      )}
      <div id={findingsId} className="draft-document__findings" data-testid="document-findings" hidden={!isOpen}>
        {isOpen && record && (
          <>
            <FindingsDetails document={record} progress={progress} {...actions} />
            <button
              type="button"
              className="button button--quiet button--small"
              data-testid="open-in-documents"
              onClick={onOpenDocument}
            >
              Open in Documents<span className="visually-hidden"> {name}</span>
            </button>
          </>
        )}
      </div>
    </li>
  );
}
