import { useId, useState } from 'react';
import type { AnnotationsToDrop } from '../../src-main/shared/domain';
import type { FixId } from '../../src-main/shared/preflight';
import { describeFixing, labelOfFix } from '../format/describe-fix';
import './FixActions.css';

/** The choices a clean copy offers for comments, in a paralegal's words; links are comments' neighbours but never comments. */
const annotationChoices: readonly { readonly value: AnnotationsToDrop; readonly label: string }[] = [
  { value: 'none', label: 'Keep comments and markups' },
  { value: 'comments', label: 'Remove comments and markups (notes, highlights, drawings, stamps)' },
  { value: 'all', label: 'Remove every annotation, links included' },
];

/** A fix under way: what it is doing, an indeterminate bar (the engine cannot say how far it is), and Cancel. */
export function FixingProgress({
  fix,
  name,
  onCancel,
}: {
  readonly fix: FixId;
  readonly name: string;
  readonly onCancel?: () => void;
}) {
  const label = describeFixing(fix);
  return (
    <div className="fixing-progress" data-testid="fixing-progress" data-fix={fix}>
      <span className="fixing-progress__label">{label}</span>
      <span className="progress-line">
        <progress className="progress-bar" aria-label={`${label.replace('…', '')} of ${name}`} />
        {onCancel && (
          <button
            type="button"
            className="button button--quiet button--small"
            data-testid="cancel-fix"
            onClick={onCancel}
          >
            Cancel<span className="visually-hidden"> the fix of {name}</span>
          </button>
        )}
      </span>
    </div>
  );
}

/** What a finding's fix buttons need: its fixes, whether to ask about comments, and what the buttons do. */
export interface FixActionsProps {
  readonly fixes: readonly FixId[];
  /** Whether the document has comments, so a clean copy first asks whether to keep them. */
  readonly hasComments: boolean;
  /** The fix running on this document, if any; every fix button waits for it (the panel shows its progress once, above the findings). */
  readonly fixing: FixId | null;
  readonly onFix: (fix: FixId, dropAnnotations: AnnotationsToDrop) => void;
}

/** A finding's one-click fixes; a clean copy of a document with comments asks, in place, what to do with them. */
export function FixActions({ fixes, hasComments, fixing, onFix }: FixActionsProps) {
  const [isAsking, setIsAsking] = useState(false);
  const [choice, setChoice] = useState<AnnotationsToDrop>('comments');
  const questionId = useId();
  const start = (fix: FixId): void => {
    if (fix === 'clean-copy' && hasComments) {
      setIsAsking(true);
    } else {
      onFix(fix, 'none');
    }
  };

  if (isAsking) {
    return (
      <fieldset className="fix-question" data-testid="annotations-choice">
        <legend id={questionId} className="fix-question__legend">
          This PDF has comments or markups. Should the clean copy keep them?
        </legend>
        {annotationChoices.map(({ value, label }) => (
          <label key={value} className="fix-question__choice">
            <input
              type="radio"
              name={questionId}
              value={value}
              checked={choice === value}
              onChange={() => setChoice(value)}
            />
            {label}
          </label>
        ))}
        <span className="fix-actions">
          <button
            type="button"
            className="button button--primary button--small"
            data-testid="confirm-fix"
            onClick={() => {
              setIsAsking(false);
              onFix('clean-copy', choice);
            }}
          >
            Make the clean copy
          </button>
          <button type="button" className="button button--quiet button--small" onClick={() => setIsAsking(false)}>
            Not now
          </button>
        </span>
      </fieldset>
    );
  }

  return (
    <span className="fix-actions">
      {fixes.map((fix) => (
        <button
          key={fix}
          type="button"
          className="button button--small"
          data-testid="fix-button"
          data-fix={fix}
          disabled={fixing !== null}
          onClick={() => start(fix)}
        >
          {labelOfFix(fix)}
        </button>
      ))}
    </span>
  );
}
