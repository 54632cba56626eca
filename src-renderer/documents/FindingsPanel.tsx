import { useId, useState, type Ref } from 'react';
import type { AnnotationsToDrop, DocumentRecord } from '../../src-main/shared/domain';
import type { Finding, FindingCode, FixId, PreflightProgress } from '../../src-main/shared/preflight';
import { Icon } from '../components/Icon';
import {
  explainReport,
  formatPages,
  isLeakingText,
  labelOfFindingText,
  severityHeadings,
  summarizePreflight,
  titleOfFinding,
} from '../format/describe-preflight';
import { helpTopicForFinding } from '../help/help-topic-for';
import { HelpLink } from '../help/HelpLink';
import { toneIcons } from './tone-icons';
import { CheckProgress } from './CheckProgress';
import { FixActions, FixingProgress } from './FixActions';
import { FixSummary } from './FixSummary';
import { PagePreview } from './PagePreview';
import type { PreviewDocument } from '../preview/pdf-document';
import { usePreviewDocument } from '../preview/use-preview-document';
import { ViewableDocument } from '../viewer/ViewableDocument';
import './FindingsPanel.css';

/**
 * Findings no copy can fix, said plainly: the text under a box or a mark is still in the file, and a copy keeps it.
 * (docs/court-rules.md#redaction-leaks: applying a redaction is a redaction tool's job.)
 */
const cannotBeFixedByCopy: Partial<Readonly<Record<FindingCode, string>>> = {
  'bad-redaction':
    'A clean copy cannot fix this: the text is still under the boxes, and a copy keeps it. Redact it with a real redaction tool ' +
    '(Adobe Acrobat: Redact, mark the text, then Apply), save, and add the redacted PDF.',
  'hidden-text':
    'A clean copy cannot fix this: the text is part of the page, and a copy keeps it. If it is something you meant to leave out, ' +
    'delete it in the original document, make the PDF again, and add the new PDF.',
  'unapplied-redaction':
    'A clean copy cannot fix this: a redaction mark hides nothing until it is applied, and a copy keeps the text under it. ' +
    'Apply the redaction in Adobe Acrobat (Redact, then Apply), save, and add the redacted PDF.',
};

/** What a finding needs to offer its fixes: whether the document has comments, the fix running, and what the buttons do. */
interface FixContext {
  readonly hasComments: boolean;
  readonly fixing: FixId | null;
  readonly onFix: (fix: FixId, dropAnnotations: AnnotationsToDrop) => void;
}

/**
 * A finding's pages on screen: "Show page N" first, then the page with its boxes outlined, and, when the finding is on
 * more than one page, buttons to step between them.
 */
function FindingPages({
  finding,
  pages,
  openDocument,
}: {
  readonly finding: Finding;
  readonly pages: readonly number[];
  readonly openDocument: () => Promise<PreviewDocument>;
}) {
  const [shownIndex, setShownIndex] = useState<number | null>(null);
  const previewId = useId();
  const first = pages[0];
  if (first === undefined) {
    return null;
  }
  const page = pages[shownIndex ?? 0] ?? first;
  const previous = shownIndex === null ? undefined : pages[shownIndex - 1];
  const next = shownIndex === null ? undefined : pages[shownIndex + 1];
  return (
    <div className="finding__preview">
      <div className="finding__preview-controls">
        {/* One button shows and hides the page, so focus stays on it either way. */}
        <button
          type="button"
          className="button button--small"
          data-testid="show-page"
          aria-expanded={shownIndex !== null}
          aria-controls={previewId}
          onClick={() => setShownIndex(shownIndex === null ? 0 : null)}
        >
          {shownIndex === null ? `Show page ${page}` : `Hide page ${page}`}
        </button>
        {shownIndex !== null && pages.length > 1 && (
          <>
            <button
              type="button"
              className="button button--small"
              data-testid="previous-page"
              disabled={previous === undefined}
              onClick={() => setShownIndex(shownIndex - 1)}
            >
              {previous === undefined ? 'Previous page' : `Previous: page ${previous}`}
            </button>
            <button
              type="button"
              className="button button--small"
              data-testid="next-page"
              disabled={next === undefined}
              onClick={() => setShownIndex(shownIndex + 1)}
            >
              {next === undefined ? 'Next page' : `Next: page ${next}`}
            </button>
            <span className="finding__preview-position" aria-live="polite">
              Page {page} ({shownIndex + 1} of {pages.length} in this finding)
            </span>
          </>
        )}
      </div>
      <div id={previewId}>
        {shownIndex !== null && <PagePreview finding={finding} page={page} openDocument={openDocument} />}
      </div>
    </div>
  );
}

/** One finding: a short title, where it is, the explanation, the lines it found (leaking text set apart), its pages and its fixes. */
function FindingItem({
  finding,
  fixContext,
  openDocument,
}: {
  readonly finding: Finding;
  readonly fixContext: FixContext;
  readonly openDocument: () => Promise<PreviewDocument>;
}) {
  const noFix = cannotBeFixedByCopy[finding.code];
  const pages = finding.pages && finding.pages.length > 0 ? formatPages(finding.pages) : null;
  const pageNumbers = [...new Set(finding.pages ?? [])].sort((first, second) => first - second);
  const isLeak = isLeakingText(finding.code);
  return (
    <li
      className={`finding finding--${finding.severity}`}
      data-testid="finding"
      data-code={finding.code}
      data-severity={finding.severity}
    >
      <div className="finding__heading">
        <h4 className="finding__title">{titleOfFinding(finding.code)}</h4>
        {pages && <span className="finding__pages">{pages.charAt(0).toUpperCase() + pages.slice(1)}</span>}
      </div>
      <p className="finding__message">{finding.message}</p>
      <HelpLink topicId={helpTopicForFinding(finding.code)} />
      {finding.text && finding.text.length > 0 && (
        <div
          className={isLeak ? 'finding__text finding__text--leak' : 'finding__text'}
          data-testid={isLeak ? 'leaking-text' : undefined}
        >
          <p className="finding__text-label">{labelOfFindingText(finding.code)}</p>
          <ul className="finding__text-list">
            {finding.text.map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {pageNumbers.length > 0 && <FindingPages finding={finding} pages={pageNumbers} openDocument={openDocument} />}
      {noFix && (
        <p className="finding__no-fix" data-testid="no-fix-note">
          {noFix}
        </p>
      )}
      {!noFix && finding.fixes && finding.fixes.length > 0 && <FixActions fixes={finding.fixes} {...fixContext} />}
    </li>
  );
}

/** The findings of a finished check, grouped by how serious they are. */
function FindingGroups({
  findings,
  fixContext,
  openDocument,
}: {
  readonly findings: readonly Finding[];
  readonly fixContext: FixContext;
  readonly openDocument: () => Promise<PreviewDocument>;
}) {
  const baseId = useId();
  return (
    <>
      {severityHeadings.map(({ severity, heading }) => {
        const group = findings.filter((finding) => finding.severity === severity);
        if (group.length === 0) {
          return null;
        }
        const headingId = `${baseId}-${severity}`;
        return (
          <section key={severity} className={`findings-group findings-group--${severity}`} aria-labelledby={headingId}>
            <h3 id={headingId} className="findings-group__heading">
              {heading} <span className="findings-group__count">({group.length})</span>
            </h3>
            <ul className="findings-group__list">
              {group.map((finding, index) => (
                <FindingItem
                  key={`${finding.code}-${index}`}
                  finding={finding}
                  fixContext={fixContext}
                  openDocument={openDocument}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </>
  );
}

/** What the panel says under the document's name for each preflight state. */
function PanelBody({
  document,
  progress,
  onCheckAgain,
  onCancelCheck,
  onFix,
  readContent,
}: Omit<FindingsPanelProps, 'ref' | 'onUndoFix' | 'onCancelFix'> & { readonly document: DocumentRecord }) {
  const { preflight } = document;
  const openDocument = usePreviewDocument(document.id, readContent);
  if (document.problem) {
    return <p className="findings-panel__summary">{document.problem.message}</p>;
  }
  switch (preflight.state) {
    case 'waiting':
    case 'running':
      return (
        <div className="findings-panel__busy">
          <p className="findings-panel__summary">
            Preflight is reading every page. The findings appear here when it is done; you can keep working meanwhile.
          </p>
          <CheckProgress name={document.name} preflight={preflight} progress={progress} onCancel={onCancelCheck} />
        </div>
      );
    case 'cancelled':
      return (
        <div className="findings-panel__busy">
          <p className="findings-panel__summary">
            This PDF has not been checked, so nobody knows yet whether the court would accept it.
          </p>
          <button type="button" className="button" data-testid="check-again" onClick={onCheckAgain}>
            Check again
          </button>
        </div>
      );
    case 'not-applicable':
      return null;
    case 'done': {
      const fixContext: FixContext = {
        hasComments: preflight.report.findings.some((finding) => finding.code === 'annotations'),
        fixing: document.fixing?.fix ?? null,
        onFix,
      };
      return (
        <>
          <p className="findings-panel__summary">{explainReport(preflight.report)}</p>
          {preflight.report.verdict === 'error' && (
            <button
              type="button"
              className="button findings-panel__retry"
              data-testid="check-again"
              onClick={onCheckAgain}
            >
              Check again
            </button>
          )}
          <FindingGroups findings={preflight.report.findings} fixContext={fixContext} openDocument={openDocument} />
        </>
      );
    }
  }
}

/** What the panel needs: the selected document (or none), its check's progress, and what its buttons do. */
export interface FindingsPanelProps {
  readonly ref?: Ref<HTMLElement>;
  readonly document: DocumentRecord | null;
  readonly progress: PreflightProgress | undefined;
  readonly onCheckAgain: () => void;
  readonly onCancelCheck: () => void;
  readonly onFix: (fix: FixId, dropAnnotations: AnnotationsToDrop) => void;
  readonly onCancelFix: () => void;
  readonly onUndoFix: () => void;
  /** Reads a document's stored bytes, for the page previews. */
  readonly readContent: (id: string) => Promise<Uint8Array>;
}

/** What a document's findings do: check again or stop, make, stop or undo a fix, and read the pages to show them. */
export type FindingsActions = Pick<
  FindingsPanelProps,
  'onCheckAgain' | 'onCancelCheck' | 'onFix' | 'onCancelFix' | 'onUndoFix' | 'readContent'
>;

/** The reading pane under the list: the selected document's verdict and findings, or how to pick one. */
export function FindingsPanel(props: FindingsPanelProps) {
  const headingId = useId();
  const { document, ref } = props;
  if (!document) {
    return (
      <section
        ref={ref}
        className="findings-panel findings-panel--empty"
        data-testid="findings-panel"
        aria-labelledby={headingId}
      >
        <h2 id={headingId} className="findings-panel__eyebrow">
          Preflight findings
        </h2>
        <p className="findings-panel__hint">
          Select a document in the list to see what preflight found: anything the court would reject, and anything worth
          a look before you file.
        </p>
      </section>
    );
  }
  const summary = summarizePreflight(document.preflight, props.progress);
  const icon = toneIcons[summary.tone];
  return (
    <section ref={ref} className="findings-panel" data-testid="findings-panel" aria-labelledby={headingId}>
      <header className="findings-panel__header">
        <p className="findings-panel__eyebrow">Preflight findings</p>
        <h2 id={headingId} className="findings-panel__title">
          {document.name}
        </h2>
        {/* While a check runs, its progress below says where it is; a verdict comes once it is done. */}
        {summary.tone !== 'busy' && (
          <p
            className={`findings-panel__verdict findings-panel__verdict--${summary.tone}`}
            data-testid="findings-verdict"
          >
            {icon && <Icon name={icon} />}
            {summary.label}
          </p>
        )}
      </header>
      {!document.problem && document.preflight.state !== 'not-applicable' && (
        <ViewableDocument
          key={document.id}
          documentId={document.id}
          name={document.name}
          fileName={document.name}
          isShownAtFirst={false}
          readDocument={props.readContent}
        />
      )}
      <FindingsDetails {...props} document={document} />
    </section>
  );
}

/**
 * One document's findings with their fixes: the fix under way, what a fix did (with Undo fix), and the findings by
 * how serious they are. The Documents screen shows it under the list; the filing wizard inside a document's row.
 */
export function FindingsDetails({
  document,
  progress,
  onCheckAgain,
  onCancelCheck,
  onFix,
  onCancelFix,
  onUndoFix,
  readContent,
}: Omit<FindingsPanelProps, 'ref'> & { readonly document: DocumentRecord }) {
  return (
    <>
      {document.fixing && <FixingProgress fix={document.fixing.fix} name={document.name} onCancel={onCancelFix} />}
      {document.fixedFrom && <FixSummary document={document} origin={document.fixedFrom} onUndo={onUndoFix} />}
      <PanelBody
        document={document}
        progress={progress}
        onCheckAgain={onCheckAgain}
        onCancelCheck={onCancelCheck}
        onFix={onFix}
        readContent={readContent}
      />
    </>
  );
}
