import { useId } from 'react';
import type { DocumentRecord, FixOrigin } from '../../src-main/shared/domain';
import { describeOrigin, describeUndo, labelOfVerdictCounts } from '../format/describe-fix';
import { summarizePreflight, type PreflightTone } from '../format/describe-preflight';
import './FixSummary.css';

const toneOfVerdict: Readonly<Record<NonNullable<FixOrigin['before']>['verdict'], PreflightTone>> = {
  pass: 'ready',
  warn: 'warning',
  block: 'blocked',
  error: 'failed',
};

/**
 * What a fix did to this version: the verdict before and after, what it left out, what it could not fix, and
 * Undo fix, which brings the original back (it is kept until then).
 */
export function FixSummary({
  document,
  origin,
  onUndo,
}: {
  readonly document: DocumentRecord;
  readonly origin: FixOrigin;
  readonly onUndo: () => void;
}) {
  const headingId = useId();
  const after = summarizePreflight(document.preflight);
  return (
    <section className="fix-summary" data-testid="fix-summary" aria-labelledby={headingId}>
      <div className="fix-summary__top">
        <div className="fix-summary__words">
          <h3 id={headingId} className="fix-summary__title">
            {describeOrigin(origin)}
          </h3>
          <p className="fix-summary__verdicts" data-testid="fix-before-after">
            {origin.before && (
              <>
                <span className="fix-summary__label">Before:</span>{' '}
                <span
                  className={`fix-summary__verdict fix-summary__verdict--${toneOfVerdict[origin.before.verdict]}`}
                  data-testid="fix-before"
                >
                  {labelOfVerdictCounts(origin.before)}
                </span>
                <span className="fix-summary__arrow" aria-label="then">
                  →
                </span>
              </>
            )}
            <span className="fix-summary__label">After:</span>{' '}
            <span className={`fix-summary__verdict fix-summary__verdict--${after.tone}`} data-testid="fix-after">
              {after.label}
            </span>
          </p>
        </div>
        <button
          type="button"
          className="button button--small"
          data-testid="undo-fix"
          title={describeUndo(origin)}
          onClick={onUndo}
        >
          Undo fix<span className="visually-hidden">: {describeUndo(origin)}</span>
        </button>
      </div>
      <SummaryList title="What the copy left out" lines={origin.removed} testId="fix-removed" />
      <SummaryList title="What a copy cannot fix" lines={origin.notes} testId="fix-notes" isNotes />
    </section>
  );
}

/** One titled list of the summary (what was left out, what could not be fixed); nothing when it is empty. */
function SummaryList({
  title,
  lines,
  testId,
  isNotes = false,
}: {
  readonly title: string;
  readonly lines: readonly string[];
  readonly testId: string;
  readonly isNotes?: boolean;
}) {
  if (lines.length === 0) {
    return null;
  }
  return (
    <div className={isNotes ? 'fix-summary__list-block fix-summary__list-block--notes' : 'fix-summary__list-block'}>
      <p className="fix-summary__list-title">{title}</p>
      <ul className="fix-summary__list" data-testid={testId}>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
