import { CourtScreensList } from './CourtScreensList';
import { Icon } from '../../components/Icon';
import type { Draft, OutboxStatus } from '../../../src-main/shared/filing';
import { formatDateTime } from '../../format/format-date-time';
import { useFilings } from '../../state/StoresProvider';
import { downloadFile } from '../download-file';
import { canRetry, canWithdraw } from '../describe-draft';
import { DueChip } from '../DueChip';
import { formatCourtDate } from '../../inbox/describe-notice';
import { useInBackground } from '../../state/background';
import { helpTopicForOutbox } from '../../help/help-topic-for';
import { HelpLink } from '../../help/HelpLink';
import { CourtCopiesList } from './CourtCopiesList';
import { NoticeArrivalLine } from './NoticeArrivalLine';

/**
 * The headline for each outbox state (FAQ 28: a filing counts only when its Notice of Electronic Filing arrives). A
 * filed filing's headline says what the court did (it accepted it); whether its notice reached this firm is said
 * beside it, from the inbox (`NoticeArrivalLine`).
 */
const headlines: Readonly<Record<OutboxStatus['state'], string>> = {
  ready: 'Waiting in the outbox: it is sent as soon as the court is reachable.',
  submitting: 'Sending to the court…',
  submitted:
    'Submitted: awaiting the Notice of Electronic Filing. It counts as filed only when the notice arrives (FAQ 28).',
  filed: 'Filed: the court accepted it.',
  failed: 'The filing did not reach the docket.',
  'needs-verification':
    'It is not known whether the court received the filing. ECF Desk checks the docket before trying again, so it is never filed twice.',
  'needs-attention':
    'ECF Desk stopped before the final submit: a court page was not what the filing expected. Nothing was filed.',
};

function when(iso: string | null): string | null {
  if (iso === null) {
    return null;
  }
  const { date, time } = formatDateTime(iso);
  return `${date} ${time}`.trim();
}

/** A link-like action with a download mark: a small bordered box on the status panel read as a text field. */
function SaveButton({
  testId,
  onClick,
  children,
}: {
  readonly testId: string;
  readonly onClick: () => void;
  readonly children: string;
}) {
  return (
    <button type="button" className="button button--quiet" data-testid={testId} onClick={onClick}>
      <Icon name="download" />
      {children}
    </button>
  );
}

/** Where the filing is in the outbox, what the court said, and Retry or Withdraw where they apply. */
export function OutboxStatusPanel({
  draft,
  outbox,
  onRetry,
  onWithdraw,
  onSendLate,
  onConfirmDocketText,
}: {
  readonly draft: Draft;
  readonly outbox: OutboxStatus;
  readonly onRetry: () => void;
  readonly onWithdraw: () => void;
  /** Sends a filing held as late anyway (FAQ 27). */
  readonly onSendLate: () => void;
  /** The signing attorney confirms the docket text the court's final-text page showed. */
  readonly onConfirmDocketText: (docketText: string) => void;
}) {
  const receipt = useFilings((state) => state.receipt);
  const stoppedPage = useFilings((state) => state.stoppedPage);
  const inBackground = useInBackground();
  // A court page (the receipt; the page a filing stopped at, redacted by main) is saved as a file, never shown inside
  // the app: it is the court's HTML, not ours.
  const saveCourtPage = async (read: (id: string) => Promise<string | null>, fileName: string): Promise<void> => {
    const html = await read(draft.id);
    if (html !== null) {
      downloadFile(new TextEncoder().encode(html), fileName.replace(/[\\/:*?"<>|]/g, '-'), 'text/html');
    }
  };
  const submittedAt = when(outbox.submittedAt);
  const awaitsConfirmation = outbox.state === 'needs-attention' && outbox.courtDocketText !== null;
  const filedAt = when(outbox.filedAt);
  return (
    <div
      className={`outbox-status outbox-status--${outbox.state}`}
      data-testid="outbox-status"
      data-state={outbox.state}
      role="status"
    >
      <p className="outbox-status__headline">
        {outbox.state === 'filed' && outbox.documentNumber !== null
          ? `Filed: the court accepted it as document no. ${outbox.documentNumber}.`
          : awaitsConfirmation
            ? 'Confirm the docket text the court will enter. Nothing was filed yet.'
            : headlines[outbox.state]}
      </p>
      {awaitsConfirmation && outbox.courtDocketText !== null && (
        <div className="outbox-status__confirm" data-testid="confirm-docket-text">
          <p>
            The court’s final-text page shows this docket text. After the next step nothing can be changed: read it as
            the signing attorney and confirm it to file, or withdraw the filing to change it.
          </p>
          <blockquote className="outbox-status__court-text" data-testid="court-docket-text">
            {outbox.courtDocketText}
          </blockquote>
          {outbox.courtScreens && <CourtScreensList screens={outbox.courtScreens.screens} />}
          <div className="wizard-step__actions">
            <button
              type="button"
              className="button button--primary"
              data-testid="confirm-docket-text-button"
              onClick={() => onConfirmDocketText(outbox.courtDocketText ?? '')}
            >
              {outbox.courtScreens
                ? 'Confirm these screens and this docket text, and file'
                : 'Confirm this docket text and file'}
            </button>
          </div>
        </div>
      )}
      {outbox.state === 'filed' && <NoticeArrivalLine draft={draft} />}
      {draft.due && outbox.state !== 'filed' && (
        <p className="outbox-status__due" data-testid="outbox-due">
          Due {formatCourtDate(draft.due.date)} <DueChip due={draft.due} />
        </p>
      )}
      {outbox.state === 'submitting' && (
        <progress className="progress-bar outbox-status__progress" aria-label="Sending the filing to the court" />
      )}
      {outbox.message && !awaitsConfirmation && <p data-testid="outbox-message">{outbox.message}</p>}
      <HelpLink topicId={helpTopicForOutbox(outbox)} />
      {(outbox.documentNumber !== null || outbox.docketText !== null) && (
        <dl className="facts">
          {outbox.documentNumber !== null && (
            <>
              <dt>Document number</dt>
              <dd data-testid="outbox-document-number">{outbox.documentNumber}</dd>
            </>
          )}
          {outbox.docketText !== null && (
            <>
              <dt>Docket text</dt>
              <dd data-testid="outbox-docket-text">{outbox.docketText}</dd>
            </>
          )}
          {submittedAt && (
            <>
              <dt>Submitted</dt>
              <dd>{submittedAt}</dd>
            </>
          )}
          {filedAt && (
            <>
              <dt>Marked filed</dt>
              <dd>{filedAt}</dd>
            </>
          )}
        </dl>
      )}
      {outbox.sentDocuments.length > 0 && (outbox.state === 'submitted' || outbox.state === 'filed') && (
        <details className="outbox-status__sent" data-testid="sent-documents">
          <summary>The documents as sent, by SHA-256 (to check any later copy, FAQ 46)</summary>
          <ul>
            {outbox.sentDocuments.map((document) => (
              <li key={document.sha256 + document.name}>
                {document.name}: <code>{document.sha256}</code>
              </li>
            ))}
          </ul>
        </details>
      )}
      {outbox.courtCopies.length > 0 && <CourtCopiesList checks={outbox.courtCopies} />}
      {outbox.hasReceipt && (
        <SaveButton
          testId="save-receipt"
          onClick={() =>
            inBackground(
              'Saving the receipt',
              saveCourtPage(receipt, `NEF receipt ${draft.case?.caseNumber ?? ''} ${outbox.documentNumber ?? ''}.html`),
            )
          }
        >
          Save the court’s receipt
        </SaveButton>
      )}
      {outbox.state === 'needs-attention' && outbox.stoppedAt && !awaitsConfirmation && (
        <div className="outbox-status__stopped" data-testid="stopped-at">
          <p>
            To finish it by hand, open the court’s CM/ECF in your browser, log in and file it there; then withdraw it
            here so it is not sent again.
          </p>
          <a
            className="button"
            data-testid="open-court"
            href={outbox.stoppedAt.courtUrl}
            target="_blank"
            rel="noreferrer"
          >
            Open the court’s CM/ECF
          </a>
          <SaveButton
            testId="save-stopped-page"
            onClick={() =>
              inBackground(
                'Saving the court page',
                saveCourtPage(stoppedPage, 'Court page where the filing stopped.html'),
              )
            }
          >
            Save the page it stopped at (case details removed)
          </SaveButton>
        </div>
      )}
      {outbox.isHeldAsLate && (
        <div className="wizard-step__actions">
          <button type="button" className="button button--primary" data-testid="send-late" onClick={onSendLate}>
            Send it anyway, today
          </button>
        </div>
      )}
      {outbox.attempts > 1 && <p className="wizard-step__muted">Tried {outbox.attempts} times.</p>}
      {(canRetry(draft) || canWithdraw(draft)) && (
        <div className="wizard-step__actions">
          {canRetry(draft) && (
            <button type="button" className="button button--primary" data-testid="retry-filing" onClick={onRetry}>
              {outbox.state === 'needs-verification' ? 'Check the docket and retry' : 'Retry'}
            </button>
          )}
          {canWithdraw(draft) && (
            <button type="button" className="button" data-testid="withdraw-filing" onClick={onWithdraw}>
              Withdraw to a draft
            </button>
          )}
        </div>
      )}
    </div>
  );
}
